import { formatFixed } from "../../lib/core/format";
import { escapeHtml } from "../../lib/core/html";
import { FINDING_CLASSES, SEVERITIES } from "../audit/finding";
import { REVIEW_CSS } from "../audit/review-css";
import { reviewBadge } from "../audit/review-badge";
import { REPRODUCTION_VERDICTS, type ReproductionVerdict, type Scorecard, type ScorecardRow } from "./scorecard";

/** Options of {@link scorecardToHtml}. */
export interface ScorecardHtmlOptions {
  /** Only rows with these reproduction verdicts. */
  readonly verdicts?: readonly ReproductionVerdict[];
  /** Only registry ids starting with one of these prefixes (a section's "published vs reproduced"). */
  readonly idPrefixes?: readonly string[];
  readonly caption?: string;
  /** Open every section's fold (default: open only folds of at most 12 rows). */
  readonly open?: boolean;
  /** Include the <style> element (default true). */
  readonly style?: boolean;
}

/** Words of the reproduction badge: "by construction" on the synthetic cohort, "on your data: …" on other data. */
function reproductionText(r: ScorecardRow, synthetic: boolean): string {
  if (synthetic) return r.reproduction === "exact" && r.byConstruction ? "exact (by construction)" : r.reproduction;
  if (r.reproduction === "exact") return "on your data: equals the paper";
  if (r.reproduction === "differs" || r.reproduction === "within rounding")
    return r.reproduction === "differs"
      ? "on your data: differs from the paper by"
      : "on your data: within rounding of the paper:";
  return r.reproduction;
}

function reproductionCell(r: ScorecardRow, synthetic: boolean): string {
  const text = reproductionText(r, synthetic);
  const decimals = (r.published.split(".")[1] ?? "").length;
  const isCount = decimals === 0 && Number.isInteger(r.difference);
  const diff =
    r.difference !== null && (r.reproduction === "differs" || r.reproduction === "within rounding")
      ? ` <span class="review-note">${r.difference > 0 ? "+" : "−"}` +
        `${isCount ? Math.abs(r.difference) : formatFixed(Math.abs(r.difference), decimals + 2)}` +
        (r.lastDigitUnits !== null && !isCount
          ? ` (${r.lastDigitUnits} unit${r.lastDigitUnits === 1 ? "" : "s"} of the last digit)`
          : "") +
        "</span>"
      : "";
  const why = r.reason ? `<br><span class="review-note">${escapeHtml(r.reason)}</span>` : "";
  return `${reviewBadge("repro", r.reproduction, text)}${diff}${why}`;
}

function findingsCell(r: ScorecardRow): string {
  const classes = FINDING_CLASSES.filter((c) => r.findings.some((f) => f.class === c));
  return classes
    .map((c) => {
      const fs = r.findings
        .filter((f) => f.class === c)
        .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
      const title = fs.map((f) => `${f.severity}: ${f.headline}`).join("\n");
      const badge = reviewBadge("cls", c, fs.length > 1 ? `${c} ×${fs.length}` : c);
      return `<span title="${escapeHtml(title)}">${badge}</span>`;
    })
    .join("");
}

function sectionTable(rows: readonly ScorecardRow[], synthetic: boolean): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.where)}</td><td class="num">${escapeHtml(r.published)}</td>` +
        `<td class="num">${r.reproduced === null ? "—" : escapeHtml(r.reproduced)}</td>` +
        `<td>${reproductionCell(r, synthetic)}</td><td>${findingsCell(r)}</td>` +
        `<td><span class="review-ids">${escapeHtml(r.id)}</span></td></tr>`,
    )
    .join("");
  return (
    `<table class="review-table"><thead><tr><th>where (as printed)</th><th>published</th><th>reproduced</th>` +
    `<th>reproduction</th><th>audit findings</th><th>id</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/**
 * The scorecard as HTML, one fold per paper section. Each fold's summary line says how many numbers the
 * section prints and how they reproduce (exact, within rounding, differs, not computable; context labels
 * counted apart) and how many carry audit findings, so a closed fold still gives the counts. Rows put
 * where the number is printed first (the paper's words), then published, reproduced, the reproduction
 * verdict (with the difference when it differs; "by construction" on a synthetic cohort), the audit
 * findings as class badges (severity and headline on hover), and the registry id last, small. Filtered
 * to `verdicts` and to ids starting with one of `idPrefixes` when given. Deterministic. Cost: O(rows).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(registry), { registry });
 * scorecardToHtml(card, { idPrefixes: ["t2."] }) // '<style>…</style><div class="review">…'
 */
export function scorecardToHtml(card: Scorecard, options: ScorecardHtmlOptions = {}): string {
  const chosen = card.rows.filter(
    (r) =>
      (!options.verdicts || options.verdicts.includes(r.reproduction)) &&
      (!options.idPrefixes || options.idPrefixes.some((p) => r.id.startsWith(p))),
  );
  const sections = [...new Set(chosen.map((r) => r.section))];
  const folds = sections.map((section) => {
    // Results first, context labels after them; registry order otherwise.
    const all = chosen.filter((r) => r.section === section);
    const rows = [
      ...all.filter((r) => r.reproduction !== "context label"),
      ...all.filter((r) => r.reproduction === "context label"),
    ];
    const counted = rows.filter((r) => r.reproduction !== "context label");
    const labels = rows.length - counted.length;
    const tally = REPRODUCTION_VERDICTS.filter(
      (v) => v !== "context label" && counted.some((r) => r.reproduction === v),
    )
      .map((v) => reviewBadge("repro", v, `${counted.filter((r) => r.reproduction === v).length} ${v}`))
      .join("");
    const withFindings = rows.filter((r) => r.findings.length > 0).length;
    const summary =
      `${escapeHtml(section)} — ` +
      (counted.length > 0 ? `${counted.length} number${counted.length === 1 ? "" : "s"} ${tally}` : "") +
      (labels > 0 ? reviewBadge("repro", "context label", `${labels} context label${labels === 1 ? "" : "s"}`) : "") +
      (withFindings > 0 ? ` · ${withFindings} with audit findings` : "");
    const open = options.open ?? rows.length <= 12;
    return (
      `<details class="review-fold"${open ? " open" : ""}><summary>${summary}</summary>` +
      `${sectionTable(rows, card.synthetic)}</details>`
    );
  });
  const counted = chosen.filter((r) => r.reproduction !== "context label");
  const head =
    `${escapeHtml(options.caption ?? "Published vs reproduced")}: ${counted.length} numbers` +
    (card.synthetic
      ? " — synthetic cohort: exact matches are by construction (the cohort was built to print them)"
      : "") +
    ".";
  return (
    `${options.style === false ? "" : `<style>${REVIEW_CSS}</style>`}<div class="review">` +
    `<p><strong>${head}</strong></p>${folds.join("")}</div>`
  );
}
