import { fmt, makeFinding, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Events per variable of a Cox model: events / candidate predictors screened (and / terms kept).
 * Below 10 the selected model is prone to overfitting and biased coefficients: a design concern, graded
 * major below 5.
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
  const text =
    `${events} events / ${candidates} candidate predictors screened = ${fmt(epvCandidates, 2)} events per ` +
    `variable (rule of thumb ≥ 10); ${events} / ${terms} terms kept = ${fmt(epvModel, 1)}`;
  return makeFinding(registry, {
    check: "flag-events-per-variable",
    ids: [eventsId, candidatesId, ...coefficientIds],
    verdict: flagged ? "finding" : "passes",
    class: "design concern",
    severity: epvCandidates < 5 ? "major" : "minor",
    where:
      `${sectionOf(registry.get(candidatesId).locator.section)} and ` +
      sectionOf(registry.get(coefficientIds[0]).locator.section),
    headline: flagged
      ? `${fmt(epvCandidates, 2)} events per candidate predictor (${events} deaths, ${candidates} factors screened): ` +
        `the selected model overfits`
      : `${fmt(epvCandidates, 1)} events per candidate predictor: adequate`,
    evidence: text,
    recomputed: { events, candidates, terms, epvCandidates, epvModel },
    explanation:
      `${text}. ` +
      (flagged
        ? "Selecting the model from this many candidates with so few events overfits: the kept hazard ratios are " +
          "biased away from 1."
        : "Adequate."),
  });
}
