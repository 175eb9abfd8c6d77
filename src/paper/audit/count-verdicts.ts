import {
  AUDIT_VERDICTS,
  type AuditFinding,
  type AuditVerdict,
  FINDING_CLASSES,
  type FindingClass,
  SEVERITIES,
  type Severity,
} from "./finding";
import type { Registry } from "./registry";

/** Counts on the audit axis. */
export interface AuditCounts {
  readonly checks: number;
  readonly byVerdict: Readonly<Record<AuditVerdict, number>>;
  readonly byClass: Readonly<Record<FindingClass, number>>;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Registered numbers that at least one finding uses. */
  readonly numbersWithFindings: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Counts of audit findings by verdict, class and severity (every key present, in the order of
 * AUDIT_VERDICTS, FINDING_CLASSES, SEVERITIES). Cost: O(findings).
 *
 * @example
 * countVerdicts([]).byVerdict // { passes: 0, finding: 0, "not checkable": 0 }
 */
export function countVerdicts(findings: readonly AuditFinding[], registry?: Registry): AuditCounts {
  const byVerdict = zeros(AUDIT_VERDICTS);
  const byClass = zeros(FINDING_CLASSES);
  const bySeverity = zeros(SEVERITIES);
  const numbers = new Set<string>();
  for (const f of findings) {
    byVerdict[f.verdict]++;
    if (f.verdict !== "finding") continue;
    byClass[f.class!]++;
    bySeverity[f.severity!]++;
    for (const id of f.ids) if (registry === undefined || registry.has(id)) numbers.add(id);
  }
  return { checks: findings.length, byVerdict, byClass, bySeverity, numbersWithFindings: numbers.size };
}
