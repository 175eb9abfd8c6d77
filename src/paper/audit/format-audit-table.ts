import { countVerdicts } from "./count-verdicts";
import type { AuditFinding } from "./finding";

/**
 * A plain-text table for the console: verdict (or severity · class of a finding), where it is printed,
 * and the headline cut to one line of `width` characters; then the counts by verdict, class and severity.
 * Cost: O(findings).
 *
 * @example
 * formatAuditTable(runAudit(loadRegistry())).split("\n")[0] // "verdict                        where …"
 */
export function formatAuditTable(findings: readonly AuditFinding[], width = 160): string {
  const cut = (s: string, n: number) => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);
  const lines = [`${cut("verdict", 30)} ${cut("where", 44)} what the check found`];
  for (const f of findings) {
    const v = f.verdict === "finding" ? `${f.severity} · ${f.class}` : f.verdict;
    lines.push(`${cut(v, 30)} ${cut(f.where, 44)} ${cut(f.headline, Math.max(20, width - 76)).trimEnd()}`);
  }
  const c = countVerdicts(findings);
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
  lines.push(
    "",
    `${c.checks} checks: ${c.byVerdict.passes} pass, ${c.byVerdict.finding} findings, ` +
      `${c.byVerdict["not checkable"]} not checkable`,
    `findings by severity: ${list(c.bySeverity) || "none"}`,
    `findings by class: ${list(c.byClass) || "none"}`,
  );
  return lines.join("\n");
}
