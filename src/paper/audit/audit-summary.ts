import { deepFreeze } from "../../lib/core/freeze";
import type { AuditPlugin, NotebookLink } from "./audit-plugin";
import { type AuditCounts, countVerdicts } from "./count-verdicts";
import { type AuditFinding, FINDING_CLASSES, type FindingClass, SEVERITIES, type Severity } from "./finding";
import type { Registry } from "./registry";
import { DEFAULT_PLUGINS } from "./run-audit";

/** One line of the reviewer's summary. */
export interface RankedFinding {
  /** 1 = most serious. */
  readonly rank: number;
  readonly severity: Severity;
  readonly class: FindingClass;
  readonly where: string;
  readonly headline: string;
  /** One line of evidence with the arithmetic. */
  readonly evidence: string;
  readonly assumption: string | null;
  readonly severityReason: string | null;
  readonly check: string;
  readonly ids: readonly string[];
  readonly sections: readonly string[];
  /** Where a notebook discusses it (from the paper's plug-in), or null. */
  readonly link: NotebookLink | null;
}

/** The audit, ranked for a reviewer: findings most serious first, and the counts. */
export interface AuditSummary {
  readonly alpha: number;
  readonly alphaSource: string;
  readonly findings: readonly RankedFinding[];
  readonly counts: AuditCounts;
}

/**
 * The reviewer's view of an audit: every finding (checks that pass or cannot decide are counted, not
 * listed) ranked by severity (critical, major, minor, note), then class (decision-changing,
 * contradiction, conditional, design concern, rounding-level, reporting), then where it is printed
 * (registry order); each with its one-line evidence and, from the paper's plug-in, the notebook section
 * that discusses it; then the counts. Deterministic. Cost: O(findings · log findings).
 *
 * @example
 * auditSummary(runAudit(loadRegistry()), loadRegistry()).findings[0].class // "decision-changing"
 */
export function auditSummary(
  findings: readonly AuditFinding[],
  registry: Registry,
  options: { plugins?: readonly AuditPlugin[] } = {},
): AuditSummary {
  const plugins = (options.plugins ?? DEFAULT_PLUGINS).filter((p) => p.appliesTo(registry));
  const order = new Map<string, number>();
  for (const [i, e] of registry.entries.entries()) order.set(e.id, i);
  for (const [i, s] of registry.statements.entries()) order.set(s.id, registry.entries.length + i);
  const position = (f: AuditFinding): number =>
    Math.min(...f.ids.map((id) => order.get(id) ?? Number.MAX_SAFE_INTEGER));
  const ranked = findings
    .filter((f) => f.verdict === "finding")
    .map((f) => ({ f, pos: position(f) }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.f.severity!) - SEVERITIES.indexOf(b.f.severity!) ||
        FINDING_CLASSES.indexOf(a.f.class!) - FINDING_CLASSES.indexOf(b.f.class!) ||
        a.pos - b.pos ||
        (a.f.check < b.f.check ? -1 : a.f.check > b.f.check ? 1 : 0),
    )
    .map(({ f }, i): RankedFinding => {
      let link: NotebookLink | null = null;
      for (const p of plugins) link ??= p.link?.(f, registry) ?? null;
      return {
        rank: i + 1,
        severity: f.severity!,
        class: f.class!,
        where: f.where,
        headline: f.headline,
        evidence: f.evidence,
        assumption: f.assumption,
        severityReason: f.severityReason,
        check: f.check,
        ids: f.ids,
        sections: f.sections,
        link,
      };
    });
  return deepFreeze({
    alpha: registry.alpha,
    alphaSource: registry.alphaSource,
    findings: ranked,
    counts: countVerdicts(findings, registry),
  });
}
