import { htmlTable } from "../../lib/core/html";
import type { AuditFinding, Verdict } from "./finding";

/**
 * Renders audit findings (or the subset of one check kind / one section's ids) as an HTML table for
 * notebooks (tslab display.html) and the report: check, ids, verdict, explanation, plus a caption with
 * counts by verdict. Deterministic.
 *
 * Cost: O(findings).
 *
 * @example
 * auditToHtml(runAudit(loadRegistry()), { idPrefix: "t3." }) // '<table class="repro-table"><caption>…'
 */
export function auditToHtml(
  findings: readonly AuditFinding[],
  options: { check?: string; idPrefix?: string; verdict?: Verdict; caption?: string } = {},
): string {
  const chosen = findings.filter(
    (f) =>
      (options.check === undefined || f.check === options.check) &&
      (options.idPrefix === undefined || f.ids.some((id) => id.startsWith(options.idPrefix!))) &&
      (options.verdict === undefined || f.verdict === options.verdict),
  );
  const counts = countVerdicts(chosen);
  const caption =
    `${options.caption ?? "Consistency audit of the published numbers"} — ${counts.consistent} consistent, ` +
    `${counts.inconsistent} inconsistent, ${counts["not checkable"]} not checkable`;
  return htmlTable(
    chosen.map((f) => ({ check: f.check, ids: f.ids.join(", "), verdict: f.verdict, explanation: f.explanation })),
    { caption, columns: ["check", "ids", "verdict", "explanation"] },
  );
}

/**
 * Counts of findings by verdict (all three keys always present). Cost: O(findings).
 *
 * @example
 * countVerdicts([]) // { consistent: 0, inconsistent: 0, "not checkable": 0 }
 */
export function countVerdicts(findings: readonly AuditFinding[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { consistent: 0, inconsistent: 0, "not checkable": 0 };
  for (const f of findings) out[f.verdict]++;
  return out;
}
