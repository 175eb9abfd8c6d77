import type { AuditFinding } from "./finding";
import { countVerdicts } from "./audit-to-html";

/**
 * The audit as deterministic JSON text: findings in the given (sorted) order, keys in a fixed order,
 * two-space indentation, trailing newline — byte-identical for the same registry.
 *
 * Cost: O(size of the findings).
 *
 * @example
 * auditToJson(runAudit(loadRegistry())).startsWith("{\n  \"counts\"") // true
 */
export function auditToJson(findings: readonly AuditFinding[]): string {
  const ordered = findings.map((f) => ({
    check: f.check,
    ids: f.ids,
    verdict: f.verdict,
    recomputed: f.recomputed,
    explanation: f.explanation,
  }));
  return `${JSON.stringify({ counts: countVerdicts(findings), findings: ordered }, null, 2)}\n`;
}

/**
 * A plain-text table for the console: verdict, check, ids (first three), and the explanation cut to
 * one line of `width` characters; then the counts by verdict.
 *
 * Cost: O(findings).
 *
 * @example
 * formatAuditTable(runAudit(loadRegistry())).split("\n")[0] // "verdict        check  …"
 */
export function formatAuditTable(findings: readonly AuditFinding[], width = 160): string {
  const cut = (s: string, n: number) => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);
  const lines = [`${cut("verdict", 14)} ${cut("check", 28)} ${cut("ids", 44)} explanation`];
  for (const f of findings) {
    const ids = f.ids.slice(0, 3).join(", ") + (f.ids.length > 3 ? ", …" : "");
    lines.push(
      `${cut(f.verdict, 14)} ${cut(f.check, 28)} ${cut(ids, 44)} ` +
        `${cut(f.explanation, Math.max(20, width - 89)).trimEnd()}`,
    );
  }
  const c = countVerdicts(findings);
  lines.push(
    "",
    `${findings.length} checks: ${c.consistent} consistent, ${c.inconsistent} inconsistent, ` +
      `${c["not checkable"]} not checkable`,
  );
  return lines.join("\n");
}
