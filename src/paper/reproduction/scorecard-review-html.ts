import { escapeHtml } from "../../lib/core/html";
import { auditSummaryToHtml } from "../audit/audit-summary-html";
import { reviewBadge } from "../audit/review-badge";
import { REPRODUCTION_VERDICTS } from "./scorecard";
import type { Review } from "./scorecard-review";

/** Options of {@link reviewToHtml}. */
export interface ReviewHtmlOptions {
  /** ".ipynb" in a notebook (default), ".html" on the report's pages. */
  readonly linkExtension?: ".ipynb" | ".html";
  /** Include the <style> element (default true; report pages carry the CSS already). */
  readonly style?: boolean;
}

/**
 * The reviewer's summary as HTML, for the top of notebook 07 and of the report's index page: what was
 * audited and on which data, then the findings ranked by severity (decision-changing and contradictions
 * first) with one line of evidence each and a link to the notebook section, then the counts on both axes —
 * reproduction (exact, within rounding, differs, not computable; context labels apart; "by construction"
 * on a synthetic cohort) and audit (checks by verdict, findings by class and severity). Deterministic.
 * Cost: O(findings).
 *
 * @example
 * reviewToHtml(review, { linkExtension: ".html" }) // '<style>…</style><div class="review">…'
 */
export function reviewToHtml(review: Review, options: ReviewHtmlOptions = {}): string {
  const r = review.reproduction;
  const row = (v: (typeof REPRODUCTION_VERDICTS)[number]) =>
    `<tr><td>${reviewBadge("repro", v, v === "exact" && r.byConstruction ? "exact (by construction)" : v)}</td>` +
    `<td class="n">${r.counts[v]}</td></tr>`;
  const reproduction =
    `<table><caption>Reproduction (${r.counted} results)</caption><tbody>` +
    REPRODUCTION_VERDICTS.filter((v) => v !== "context label")
      .map(row)
      .join("") +
    `<tr><td>${reviewBadge("repro", "context label", "context labels (not counted)")}</td>` +
    `<td class="n">${r.counts["context label"]}</td></tr></tbody></table>`;
  const f = review.audit.findings;
  const top = (sev: string) => f.filter((x) => x.severity === sev).length;
  const misses =
    r.misses === 0
      ? ""
      : r.missesWithFindings === r.misses
        ? `; each of the ${r.misses} that do not carries an audit finding`
        : `; of the ${r.misses} that do not, ${r.missesWithFindings} carry an audit finding`;
  const lede =
    `<p class="review-lede"><strong>${f.length} finding${f.length === 1 ? "" : "s"}</strong> on ` +
    `${review.registry.entries} registered numbers: ${top("critical")} critical, ${top("major")} major, ` +
    `${top("minor")} minor, ${top("note")} note. <strong>Reproduction</strong> (${escapeHtml(review.data.label)}): ` +
    `${r.counts.exact} of ${r.counted} results print exactly as published` +
    (r.byConstruction
      ? " — by construction, since the cohort was built to print them: this shows the numbers are attainable " +
        "together, not that they were computed correctly"
      : "") +
    `${misses}.</p>`;
  return (
    lede +
    auditSummaryToHtml(review.audit, {
      linkExtension: options.linkExtension,
      style: options.style,
      otherCounts: reproduction,
    })
  );
}
