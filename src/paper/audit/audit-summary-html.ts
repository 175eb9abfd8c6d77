import { escapeHtml } from "../../lib/core/html";
import type { RankedFinding, AuditSummary } from "./audit-summary";
import { headingAnchor } from "./heading-anchor";
import { FINDING_CLASSES, SEVERITIES, type Severity } from "./finding";
import { REVIEW_CSS } from "./review-css";
import { reviewBadge } from "./review-badge";

/** Options of {@link auditSummaryToHtml}. */
export interface AuditSummaryHtmlOptions {
  /** Extension of notebook links: ".ipynb" in Jupyter (default), ".html" in the report. */
  readonly linkExtension?: ".ipynb" | ".html";
  /** A link for findings without a notebook section (e.g. "#finding-3" on the audit page), or null. */
  readonly fallbackHref?: (finding: RankedFinding) => string | null;
  /** Findings at or above this severity are listed open; the rest fold under a count (default "major"). */
  readonly openUpTo?: Severity;
  /** Include the <style> element (default true: notebooks need it; report pages carry the CSS already). */
  readonly style?: boolean;
  /** Link findings to the notebook sections the plug-in names (default true). */
  readonly notebookLinks?: boolean;
  /** More count tables (HTML) shown first beside the audit's (e.g. the reproduction axis). */
  readonly otherCounts?: string;
}

const idList = (ids: readonly string[]): string => {
  const shown = ids.slice(0, 3).join(", ") + (ids.length > 3 ? ` +${ids.length - 3}` : "");
  return `<span class="review-ids" title="${escapeHtml(ids.join(", "))}">${escapeHtml(shown)}</span>`;
};

function item(f: RankedFinding, options: AuditSummaryHtmlOptions): string {
  const ext = options.linkExtension ?? ".ipynb";
  const link = options.notebookLinks === false ? null : f.link;
  const href = link ? `${link.notebook}${ext}#${headingAnchor(link.heading)}` : (options.fallbackHref?.(f) ?? null);
  const linkText = link ? `notebook ${link.notebook.slice(0, 2)} · ${link.heading}` : "details";
  return (
    `<li class="item-${f.severity}" id="review-${f.rank}">` +
    `<div><span class="rank">${f.rank}.</span> ${reviewBadge("sev", f.severity)}${reviewBadge("cls", f.class)}` +
    `<strong>${escapeHtml(f.where)}</strong> — ` +
    `<span class="headline">${escapeHtml(f.headline)}</span></div>` +
    `<div class="evidence">${escapeHtml(f.evidence)}</div>` +
    (f.assumption ? `<div class="assumption">Impossible only if: ${escapeHtml(f.assumption)}</div>` : "") +
    `<div class="meta">${href ? `<a href="${escapeHtml(href)}">→ ${escapeHtml(linkText)}</a> · ` : ""}` +
    `${f.severityReason ? `${escapeHtml(f.severityReason)} · ` : ""}${idList(f.ids)}</div></li>`
  );
}

/**
 * The reviewer's summary of an audit as HTML: findings ranked by severity (decision-changing and
 * contradictions first), each with its class and severity badges, where it is printed (the paper's words
 * first, registry ids small and last), one line of evidence with the arithmetic, the assumption of a
 * conditional finding, and a link to the notebook section that discusses it; findings below `openUpTo`
 * fold under their count; then the counts of checks by verdict, class and severity. Deterministic.
 * Cost: O(findings).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * auditSummaryToHtml(auditSummary(findings, registry)) // '<style>…</style><div class="review">…'
 */
export function auditSummaryToHtml(summary: AuditSummary, options: AuditSummaryHtmlOptions = {}): string {
  const open = SEVERITIES.indexOf(options.openUpTo ?? "major");
  const first = summary.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= open);
  const rest = summary.findings.filter((f) => SEVERITIES.indexOf(f.severity) > open);
  const c = summary.counts;
  const restCounts = SEVERITIES.filter((s) => rest.some((f) => f.severity === s))
    .map((s) => `${rest.filter((f) => f.severity === s).length} ${s}`)
    .join(", ");
  const list = (fs: readonly RankedFinding[]) =>
    `<ol class="review-list">${fs.map((f) => item(f, options)).join("")}</ol>`;
  const row = (label: string, n: number, badge = "") =>
    `<tr><td>${badge || escapeHtml(label)}</td><td class="n">${n}</td></tr>`;
  const counts =
    `<div class="review-counts">${options.otherCounts ?? ""}` +
    `<table><caption>Audit checks (${c.checks})</caption><tbody>` +
    row("passes", c.byVerdict.passes, reviewBadge("verdict", "passes")) +
    row("finding", c.byVerdict.finding, reviewBadge("verdict", "finding", "findings")) +
    row("not checkable", c.byVerdict["not checkable"], reviewBadge("verdict", "not checkable")) +
    `</tbody></table>` +
    `<table><caption>Findings by class</caption><tbody>` +
    FINDING_CLASSES.map((k) => row(k, c.byClass[k], reviewBadge("cls", k))).join("") +
    `</tbody></table>` +
    `<table><caption>Findings by severity</caption><tbody>` +
    SEVERITIES.map((k) => row(k, c.bySeverity[k], reviewBadge("sev", k))).join("") +
    `</tbody></table></div>`;
  const alpha =
    `<p class="review-note">Decisions are judged at the paper's α = ${summary.alpha}` +
    `${summary.alphaSource === "default" ? " (no α declared; 0.05 assumed)" : ""}. ` +
    `${c.numbersWithFindings} registered numbers are used by at least one finding.</p>`;
  return (
    `${options.style === false ? "" : `<style>${REVIEW_CSS}</style>`}<div class="review">` +
    (summary.findings.length === 0 ? `<p>No findings: every check passes or cannot decide.</p>` : list(first)) +
    (rest.length > 0
      ? `<details class="review-fold"><summary>${rest.length} more finding${rest.length > 1 ? "s" : ""} ` +
        `(${restCounts})</summary>${list(rest)}</details>`
      : "") +
    counts +
    alpha +
    `</div>`
  );
}
