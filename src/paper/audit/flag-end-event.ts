import { makeFinding, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * End-event definition vs the counts: the methods define tumour-specific death as the event and
 * exclude patients who "died from other reasons", while results count patients who "died". Either
 * the 23 are all-cause deaths (end event misdescribed) or other-cause deaths were removed from the
 * cohort after the fact (selection on the outcome; a competing risk should be censored or modelled).
 * Flags when both statements are present and a death count is reported.
 *
 * Reference: Austin, Lee & Fine (2016) Circulation 133:601 (competing risks). R: cmprsk::cuminc(). Cost: O(1).
 *
 * A design concern, graded minor.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * flagEndEvent(registry, "stmt.end-event", "stmt.exclusion-other-death", "abs.deaths.n").class
 * // "design concern"
 */
export function flagEndEvent(
  registry: Registry,
  endEventStatement: string,
  exclusionStatement: string,
  deathsId: string,
): AuditFinding {
  const end = registry.statement(endEventStatement);
  const excl = registry.statement(exclusionStatement);
  const deaths = registry.get(deathsId);
  const causeSpecific = /tumou?r-specific|cancer-specific|disease-specific/i.test(end.quote);
  const excludesOther = /died from other/i.test(excl.quote);
  const flagged = causeSpecific && excludesOther;
  const text =
    `"${end.quote}" (§${end.section}) and exclusion "${excl.quote}" (§${excl.section}) vs "${deaths.locator.quote}": ` +
    (flagged
      ? `the ${deaths.value} deaths are either all-cause (end event misdescribed) or other-cause deaths were ` +
        `excluded from the cohort after they happened — selection on the outcome; censor or model them as a ` +
        `competing risk.`
      : "no conflict.");
  return makeFinding(registry, {
    check: "flag-end-event",
    ids: [endEventStatement, exclusionStatement, deathsId],
    verdict: flagged ? "finding" : "passes",
    class: "design concern",
    severity: "minor",
    where: `§${end.section} (end event) and §${excl.section} (exclusions)`,
    headline: flagged
      ? `tumour-specific death is the end event, but other-cause deaths were excluded from the cohort: a competing ` +
        `risk removed by selection`
      : "the end event and the exclusions agree",
    evidence: `"${end.quote}"; excluded: "${excl.quote}"`,
    recomputed: { causeSpecific, excludesOtherDeaths: excludesOther },
    explanation: text,
  });
}
