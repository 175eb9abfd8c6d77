import { countVerdicts } from "./count-verdicts";
import type { AuditFinding } from "./finding";

/**
 * The audit as deterministic JSON text: counts (by verdict, class, severity), then the findings in the
 * given (sorted) order with keys in a fixed order, two-space indentation, trailing newline —
 * byte-identical for the same registry. Cost: O(size of the findings).
 *
 * @example
 * auditToJson(runAudit(loadRegistry())).startsWith("{\n  \"counts\"") // true
 */
export function auditToJson(findings: readonly AuditFinding[]): string {
  const ordered = findings.map((f) => ({
    check: f.check,
    verdict: f.verdict,
    class: f.class,
    severity: f.severity,
    severityReason: f.severityReason,
    where: f.where,
    sections: f.sections,
    headline: f.headline,
    evidence: f.evidence,
    assumption: f.assumption,
    ids: f.ids,
    printed: f.printed,
    recomputed: f.recomputed,
    explanation: f.explanation,
  }));
  return `${JSON.stringify({ counts: countVerdicts(findings), findings: ordered }, null, 2)}\n`;
}
