import { deepFreeze } from "../../lib/core/freeze";
import type { AuditPlugin } from "../audit/audit-plugin";
import { auditSummary, type AuditSummary } from "../audit/audit-summary";
import type { AuditFinding } from "../audit/finding";
import type { Registry } from "../audit/registry";
import { registrySource } from "../audit/registry-source";
import type { ReproductionVerdict, Scorecard } from "./scorecard";

/** The reviewer's summary: both axes, as the JSON the report, notebook 07 and the README status share. */
export interface Review {
  readonly paper: { readonly doi: string | null; readonly citation: string | null };
  readonly data: { readonly synthetic: boolean; readonly label: string };
  /** The registry file (relative to the repository when inside it) and its size. */
  readonly registry: { readonly source: string; readonly entries: number };
  /** Audit axis: findings ranked by severity, then the counts. */
  readonly audit: AuditSummary;
  /** Reproduction axis: registered numbers by verdict; context labels are listed, never counted. */
  readonly reproduction: {
    readonly registered: number;
    readonly counted: number;
    readonly counts: Readonly<Record<ReproductionVerdict, number>>;
    /** Exact matches are by construction (a synthetic cohort built to print the paper's numbers). */
    readonly byConstruction: boolean;
    /** Numbers that differ (or are within rounding) and carry an audit finding that explains them. */
    readonly missesWithFindings: number;
    readonly misses: number;
  };
}

/**
 * The reviewer's summary of a paper on both axes: the audit's findings ranked by severity (decision-changing
 * and contradictions first; {@link auditSummary}) and the scorecard's reproduction counts, with the data
 * they were computed on. notebook 07 writes it to reports/review.json, the report's index page opens with
 * it, and the README's status lines are generated from it (a test keeps them equal). Deterministic.
 * Cost: O(findings · log findings + rows).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * scorecardReview(card, findings, registry, { dataLabel: cohortTag(study) }).audit.findings[0].class
 * // "decision-changing"
 */
export function scorecardReview(
  card: Scorecard,
  findings: readonly AuditFinding[],
  registry: Registry,
  options: { dataLabel: string; plugins?: readonly AuditPlugin[] },
): Review {
  const misses = card.rows.filter((r) => r.reproduction === "differs" || r.reproduction === "within rounding");
  return deepFreeze({
    paper: { doi: registry.paper.doi ?? null, citation: registry.paper.citation ?? null },
    data: { synthetic: card.synthetic, label: options.dataLabel },
    registry: { source: registrySource(registry), entries: registry.entries.length },
    audit: auditSummary(findings, registry, { plugins: options.plugins }),
    reproduction: {
      registered: card.registered,
      counted: card.counted,
      counts: card.counts,
      byConstruction: card.synthetic,
      missesWithFindings: misses.filter((r) => r.findings.length > 0).length,
      misses: misses.length,
    },
  });
}
