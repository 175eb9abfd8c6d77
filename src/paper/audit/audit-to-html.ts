import { escapeHtml } from "../../lib/core/html";
import { AUDIT_VERDICTS, type AuditFinding, type AuditVerdict, FINDING_CLASSES, SEVERITIES } from "./finding";
import { REVIEW_CSS } from "./review-css";
import { reviewBadge } from "./review-badge";

/** Options of {@link auditToHtml}. */
export interface AuditHtmlOptions {
  /** Only this check kind. */
  readonly check?: string;
  /** Only findings using a registry id that starts with this prefix. */
  readonly idPrefix?: string;
  /** Only this verdict ("finding", "passes", "not checkable"). */
  readonly verdict?: AuditVerdict;
  readonly caption?: string;
  /** Open the fold (default: open when it holds at most 12 rows). */
  readonly open?: boolean;
  /** Include the <style> element (default true). */
  readonly style?: boolean;
}

/** The full arithmetic and the printed values the check used, with their quotes, folded. */
function printedValues(f: AuditFinding): string {
  const rows = f.printed
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.where)}</td><td class="num">${p.value === null ? "—" : escapeHtml(p.value)}</td>` +
        `<td>“${escapeHtml(p.quote)}”</td><td><span class="review-ids">${escapeHtml(p.id)}</span></td></tr>`,
    )
    .join("");
  return (
    `<details><summary class="review-note">arithmetic and the ${f.printed.length} printed values used</summary>` +
    `<p class="review-note">${escapeHtml(f.explanation)}</p>` +
    `<table class="review-table"><thead><tr><th>where</th><th>printed</th><th>quote</th><th>id</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></details>`
  );
}

const rank = (f: AuditFinding): number =>
  f.verdict === "finding"
    ? SEVERITIES.indexOf(f.severity!) * 10 + FINDING_CLASSES.indexOf(f.class!)
    : 100 + AUDIT_VERDICTS.indexOf(f.verdict);

/**
 * Audit findings (or the subset of one check kind / id prefix / verdict) as a folded HTML table for the
 * notebooks and the report: the summary line shows the caption and the counts (findings by severity,
 * checks that pass, not checkable) so a closed fold still says what it holds; inside, findings first
 * (most severe first) with severity and class badges, where it is printed, the headline and the evidence,
 * then the checks that pass or cannot decide; registry ids last, small. Deterministic. Cost: O(findings).
 *
 * @example
 * auditToHtml(runAudit(loadRegistry()), { idPrefix: "t3." })
 * // '<style>…</style><details class="review-fold">…'
 */
export function auditToHtml(findings: readonly AuditFinding[], options: AuditHtmlOptions = {}): string {
  const chosen = findings
    .filter(
      (f) =>
        (options.check === undefined || f.check === options.check) &&
        (options.idPrefix === undefined || f.ids.some((id) => id.startsWith(options.idPrefix!))) &&
        (options.verdict === undefined || f.verdict === options.verdict),
    )
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
  const found = chosen.filter((f) => f.verdict === "finding");
  const bySeverity = SEVERITIES.filter((s) => found.some((f) => f.severity === s))
    .map((s) => reviewBadge("sev", s, `${found.filter((f) => f.severity === s).length} ${s}`))
    .join("");
  const passes = chosen.filter((f) => f.verdict === "passes").length;
  const notCheckable = chosen.filter((f) => f.verdict === "not checkable").length;
  const summary =
    `${escapeHtml(options.caption ?? "Consistency audit of the published numbers")} — ` +
    (found.length > 0 || chosen.length === 0
      ? `${found.length} finding${found.length === 1 ? "" : "s"} ${bySeverity}`
      : "") +
    (passes > 0 ? reviewBadge("verdict", "passes", `${passes} pass`) : "") +
    (notCheckable > 0 ? reviewBadge("verdict", "not checkable", `${notCheckable} not checkable`) : "");
  const rows = chosen
    .map((f) => {
      const badges =
        f.verdict === "finding"
          ? `${reviewBadge("sev", f.severity!)}${reviewBadge("cls", f.class!)}`
          : reviewBadge("verdict", f.verdict);
      const ids = f.ids.slice(0, 4).join(", ") + (f.ids.length > 4 ? ` +${f.ids.length - 4}` : "");
      return (
        `<tr class="verdict-row-${f.verdict.replace(/\s+/g, "-")}"><td>${badges}</td><td>${escapeHtml(f.where)}</td>` +
        `<td><strong>${escapeHtml(f.headline)}</strong><br><span class="review-note">${escapeHtml(f.evidence)}` +
        `${f.assumption ? ` — impossible only if ${escapeHtml(f.assumption)}` : ""}</span>` +
        (f.verdict === "finding" ? printedValues(f) : "") +
        `</td>` +
        `<td><span class="review-ids" title="${escapeHtml(f.ids.join(", "))}">${escapeHtml(f.check)}<br>` +
        `${escapeHtml(ids)}</span></td></tr>`
      );
    })
    .join("");
  const open = options.open ?? chosen.length <= 12;
  return (
    `${options.style === false ? "" : `<style>${REVIEW_CSS}</style>`}` +
    `<details class="review-fold"${open ? " open" : ""}><summary>${summary}</summary>` +
    `<table class="review-table"><thead><tr><th>verdict</th><th>where</th><th>what the check found</th>` +
    `<th>check · ids</th></tr></thead><tbody>${rows}</tbody></table></details>`
  );
}
