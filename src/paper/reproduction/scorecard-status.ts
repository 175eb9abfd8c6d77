import { FINDING_CLASSES, SEVERITIES } from "../audit/finding";
import type { Review } from "./scorecard-review";

const list = (o: Readonly<Record<string, number>>, keys: readonly string[]): string =>
  keys
    .filter((k) => (o[k] ?? 0) > 0)
    .map((k) => `${o[k]} ${k}`)
    .join(", ");

/**
 * The README's status lines, generated from the reviewer's summary JSON (the same JSON the report's index
 * page shows): the reproduction counts of the registered numbers, the audit's counts by verdict, severity
 * and class, and the most serious findings. `npm run readme-status` writes them between the README's
 * `<!-- status:begin -->` and `<!-- status:end -->` markers; tests/paper/reproduction/readme-status.test.ts
 * keeps the two equal. Markdown, one bullet per line. Cost: O(findings).
 *
 * @example
 * const review = shippedReview(); // the shipped synthetic cohort's summary
 * reviewStatusLines(review)[0]
 * // "- **Reproduction** (on the shipped synthetic cohort, where exact matches are by construction): of 316 registered
 * // numbers, 53 are context labels …" (data/published.json: 316 entries, 53 with a context)
 */
export function reviewStatusLines(review: Review): string[] {
  const r = review.reproduction;
  const c = review.audit.counts;
  const data = r.byConstruction ? "on the shipped synthetic cohort, where exact matches are by construction" : "";
  const top = review.audit.findings.filter((f) => f.severity === "critical" || f.severity === "major");
  const covered =
    r.misses === 0
      ? ""
      : r.missesWithFindings === r.misses
        ? ` All ${r.misses} that do not print exactly carry an audit finding.`
        : ` ${r.missesWithFindings} of the ${r.misses} that do not print exactly carry an audit finding.`;
  return [
    `- **Reproduction**${data ? ` (${data})` : ""}: of ${r.registered} registered numbers, ` +
      `${r.counts["context label"]} are context labels (design values: time points, thresholds, inclusion ` +
      `criteria; listed, not counted); of the other ${r.counted}, ${r.counts.exact} print exactly as published, ` +
      `${r.counts["within rounding"]} within rounding (one unit of the last digit), ${r.counts.differs} differ ` +
      `and ${r.counts["not computable"]} ${r.counts["not computable"] === 1 ? "is" : "are"} not computable from ` +
      `patient rows.${covered}`,
    `- **Audit**: ${c.checks} checks — ${c.byVerdict.passes} pass, ${c.byVerdict.finding} findings, ` +
      `${c.byVerdict["not checkable"]} not checkable. Findings by severity: ${list(c.bySeverity, SEVERITIES)}; ` +
      `by class: ${list(c.byClass, FINDING_CLASSES)}.`,
    `- **Most serious** (critical and major, as ranked in the reviewer's summary):`,
    ...top.map((f, i) => `  ${i + 1}. ${f.where} — ${f.headline} (${f.severity}, ${f.class}).`),
  ];
}
