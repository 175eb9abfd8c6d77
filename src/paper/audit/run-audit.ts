import { deepFreeze } from "../../lib/core/freeze";
import type { AuditPlugin } from "./audit-plugin";
import { checkChisqFromCounts } from "./check-chisq-from-counts";
import { checkCoxRow } from "./check-cox-row";
import { checkGrim } from "./check-grim";
import { checkGrimmer } from "./check-grimmer";
import { checkKmFeasibility } from "./check-km-feasibility";
import { checkKmMedianCi } from "./check-km-median-ci";
import { checkMissingN } from "./check-missing-n";
import { checkPReporting } from "./check-p-reporting";
import { checkPairedDesign } from "./check-paired-design";
import { checkPercent } from "./check-percent";
import { checkQuantileFeasibility } from "./check-quantile-feasibility";
import { checkSameQuantity } from "./check-same-quantity";
import { checkStatisticP } from "./check-statistic-p";
import { checkSubgroupRecombination } from "./check-subgroup-recombination";
import { checkTotal } from "./check-total";
import { checkUnnamedTest } from "./check-unnamed-test";
import type { AuditFinding } from "./finding";
import { li2026Plugin } from "./li-2026-plugin";
import type { Registry } from "./registry";

/** The plug-ins the project ships; each applies only to its own paper's registry. */
export const DEFAULT_PLUGINS: readonly AuditPlugin[] = [li2026Plugin];

/** Generic checks switched on by the registry's kinds and relations (any paper). */
function genericChecks(r: Registry, maxN: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  const sameAs: string[] = [];
  const pIds: string[] = [];
  for (const e of r.entries) {
    const rel = e.relations ?? {};
    if ((e.kind === "percent" || e.kind === "survival-rate") && rel.denominator) out.push(checkPercent(r, e.id));
    if (rel.parts) out.push(checkTotal(r, e.id));
    if (rel.sameAs) sameAs.push(e.id);
    if (e.kind === "mean" && e.scale && rel.denominator) {
      out.push(checkGrim(r, e.id));
      if (rel.sd && e.scale.type === "integer") out.push(checkGrimmer(r, e.id));
    }
    if (e.kind === "mean" && r.entries.some((s) => s.relations?.subgroupOf === e.id))
      out.push(checkSubgroupRecombination(r, e.id));
    if (e.kind === "p-value") {
      pIds.push(e.id);
      if (rel.statistic) out.push(checkStatisticP(r, e.id));
    }
    if (rel.table && (rel.test === "chisq" || rel.test === undefined)) out.push(checkChisqFromCounts(r, e.id));
    if (rel.design) out.push(checkPairedDesign(r, e.id));
    if (e.kind === "coefficient" && rel.expB) out.push(checkCoxRow(r, e.id));
    if (e.kind === "median" && rel.lower && r.get(rel.lower).kind === "ci-lower") out.push(checkKmMedianCi(r, e.id));
    if (e.kind === "median" && rel.survivalAt) out.push(checkKmFeasibility(r, e.id));
    if (e.kind === "median" && e.scale && rel.lower && r.get(rel.lower).kind === "quartile-lower")
      out.push(checkQuantileFeasibility(r, e.id, maxN));
  }
  out.push(...checkSameQuantity(r, sameAs), ...checkPReporting(r, pIds), ...checkMissingN(r), checkUnnamedTest(r));
  return out;
}

/**
 * Runs every audit check on a registry: the generic checks its relations switch on (percent-of, totals,
 * same quantity, GRIM, GRIMMER, subgroup recombination, statcheck-style statistic ↔ p with decision errors
 * at the paper's α, χ² from a printed table, test type against pairing, Cox rows, KM median with CI, KM
 * feasibility, quantile feasibility, p reporting, missing n, unnamed tests) and the checks of every plug-in
 * that applies (this paper's: {@link li2026Plugin}). Each finding carries a class and a severity.
 * Sorted by check then ids; deeply frozen.
 *
 * `maxN` bounds the n tried when a median's n is not printed (default: the largest printed count, or 100).
 *
 * Cost: O(entries · relations) plus the quantile scans (O(maxN · scale²) per median).
 *
 * @example
 * runAudit(loadRegistry()).filter((f) => f.class === "decision-changing").length // 1
 */
export function runAudit(
  registry: Registry,
  options: { maxN?: number; plugins?: readonly AuditPlugin[] } = {},
): readonly AuditFinding[] {
  const counts = registry.entries.filter((e) => e.kind === "count").map((e) => e.number);
  const maxN = options.maxN ?? (counts.length > 0 ? Math.max(...counts) : 100);
  const plugins = (options.plugins ?? DEFAULT_PLUGINS).filter((p) => p.appliesTo(registry));
  const findings = [...genericChecks(registry, maxN), ...plugins.flatMap((p) => p.checks(registry))];
  const key = (f: AuditFinding) => `${f.check}\u0000${f.ids.join("\u0001")}`;
  findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return deepFreeze(findings);
}
