import { fmt, makeFinding, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Events per variable of a Cox model: events / candidate predictors screened (and / terms kept).
 * Below 10 the selected model is prone to overfitting and biased coefficients.
 *
 * Reference: Peduzzi et al. (1995) J Clin Epidemiol 48:1503; Vittinghoff & McCulloch (2007). Cost: O(1).
 *
 * @example
 * const cox = ["t6.visceral.b", "t6.bma.b"];
 * flagEventsPerVariable(loadRegistry(), "abs.deaths.n", "s4.4.univariate-factors.count", cox).recomputed.epvCandidates
 * // 0.5349
 */
export function flagEventsPerVariable(
  registry: Registry,
  eventsId: string,
  candidatesId: string,
  coefficientIds: readonly string[],
): AuditFinding {
  const events = registry.get(eventsId).number;
  const candidates = registry.get(candidatesId).number;
  const terms = coefficientIds.length;
  const epvCandidates = events / candidates;
  const epvModel = events / terms;
  const flagged = epvCandidates < 10;
  return makeFinding(
    "flag-events-per-variable",
    [eventsId, candidatesId, ...coefficientIds],
    flagged ? "inconsistent" : "consistent",
    { events, candidates, terms, epvCandidates, epvModel },
    `${events} events / ${candidates} candidate predictors screened = ${fmt(epvCandidates, 2)} events per ` +
      `variable (rule of thumb ≥ 10); ${events} / ${terms} terms kept = ${fmt(epvModel, 1)}. ` +
      (flagged
        ? "Selecting the model from this many candidates with so few events overfits: the kept hazard ratios are " +
          "biased away from 1."
        : "Adequate."),
  );
}
