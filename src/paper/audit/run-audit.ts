import { deepFreeze } from "../../lib/core/freeze";
import { checkChisqFromCounts } from "./check-chisq-from-counts";
import { checkCoxRow } from "./check-cox-row";
import { checkFrankel } from "./check-frankel";
import { checkGrim } from "./check-grim";
import { checkGrimmer } from "./check-grimmer";
import { checkKmFeasibility } from "./check-km-feasibility";
import { checkKmMedianCi } from "./check-km-median-ci";
import { checkPReporting } from "./check-p-reporting";
import { checkPairedDesign } from "./check-paired-design";
import { checkPercent } from "./check-percent";
import { checkQuantileFeasibility } from "./check-quantile-feasibility";
import { checkSameQuantity } from "./check-same-quantity";
import { checkStatisticP } from "./check-statistic-p";
import { checkSubgroupRecombination } from "./check-subgroup-recombination";
import { checkTotal } from "./check-total";
import type { AuditFinding } from "./finding";
import { flagAdjustmentClaim } from "./flag-adjustment-claim";
import { flagAnalysisAmbiguity } from "./flag-analysis-ambiguity";
import { flagEndEvent } from "./flag-end-event";
import { flagEventsPerVariable } from "./flag-events-per-variable";
import { flagInclusionVsOutcome } from "./flag-inclusion-vs-outcome";
import { flagMultipleTesting } from "./flag-multiple-testing";
import { flagPostBaselineCovariate } from "./flag-post-baseline-covariate";
import type { Registry } from "./registry";

const T3_CELLS = [
  ["t3.pre.abnormal.post.abnormal", "t3.pre.abnormal.post.normal"],
  ["t3.pre.normal.post.abnormal", "t3.pre.normal.post.normal"],
] as const;
const t5Cells = (key: string) => [
  [`t5.${key}.no.survival.n`, `t5.${key}.no.mortality.n`],
  [`t5.${key}.yes.survival.n`, `t5.${key}.yes.mortality.n`],
];
const T2_PRE = ["B", "C", "D", "E"];
const T2_POST = ["A", "B", "C", "D", "E"];
const COX_TERMS = ["t6.visceral.b", "t6.bma.b"];

/** The paper-specific checks: which ids feed which check (configuration only; every verdict is computed). */
function paperSpecific(r: Registry): AuditFinding[] {
  return [
    checkChisqFromCounts(r, "t3.chisq", T3_CELLS),
    checkChisqFromCounts(r, "t5.visceral.chisq", t5Cells("visceral")),
    checkChisqFromCounts(r, "t5.bma.chisq", t5Cells("bma")),
    checkChisqFromCounts(
      r,
      "s4.3.chisq",
      T2_PRE.map((pre) => T2_POST.map((post) => `t2.pre.${pre}.post.${post}`)),
    ),
    checkPairedDesign(r, { cells: T3_CELLS, pValue: "t3.p", methodStatement: "stmt.frankel-chisq" }),
    checkKmFeasibility(r, {
      n: "abs.results.n",
      deaths: "abs.deaths.n",
      survivalAtHorizon: "abs.1y-survival",
      horizon: "abs.horizon.1y",
      median: "abs.median-survival",
      minFollowUp: "s2.1.followup-min",
    }),
    checkFrankel(r, {
      table2Prefix: "t2",
      preGrades: T2_PRE,
      postGrades: T2_POST,
      normalGrade: "E",
      table3: {
        abnormalAbnormal: T3_CELLS[0][0],
        abnormalNormal: T3_CELLS[0][1],
        normalAbnormal: T3_CELLS[1][0],
        normalNormal: T3_CELLS[1][1],
      },
      text: {
        preAbnormal: "s4.3.pre-abnormal.n2",
        recovered: "s4.3.recovered.n",
        maintained: "s4.3.maintained.n",
        improved: "s4.3.improved.n",
        worsened: "s4.3.worsened.n",
      },
      improvementRate: "s5.improvement-rate",
    }),
    flagPostBaselineCovariate(r, COX_TERMS, "stmt.time-zero"),
    flagEventsPerVariable(r, "abs.deaths.n", "s4.4.univariate-factors.count", COX_TERMS),
    flagMultipleTesting(r, "s4.4.univariate-factors.count", "s3.alpha", ["t4.odi-1m.p", "t5.visceral.p", "t5.bma.p"]),
    flagInclusionVsOutcome(r, {
      minFollowUp: "s2.1.followup-min",
      expectedSurvivalMin: "s2.1.expected-survival-min",
      n: "abs.results.n",
      survivalAtHorizon: "abs.1y-survival",
      horizon: "abs.horizon.1y",
      exclusionStatement: "stmt.exclusion-other-death",
    }),
    flagAnalysisAmbiguity(r, {
      statistic: "t5.visceral.chisq",
      cells: t5Cells("visceral"),
      methodStatement: "stmt.km-logrank-1y",
      coxStatement: "stmt.cox-1y",
      median: "abs.median-survival",
      horizon: "abs.horizon.1y",
    }),
    flagEndEvent(r, "stmt.end-event", "stmt.exclusion-other-death", "abs.deaths.n"),
    flagAdjustmentClaim(r, "stmt.adjusted-covariates", COX_TERMS),
  ];
}

/** Generic checks discovered from the registry's kinds and relations. */
function discovered(r: Registry, maxN: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const e of r.entries) {
    const rel = e.relations ?? {};
    if ((e.kind === "percent" || e.kind === "survival-rate") && rel.denominator) out.push(checkPercent(r, e.id));
    if (rel.parts) out.push(checkTotal(r, e.id));
    if (rel.sameAs) out.push(checkSameQuantity(r, e.id));
    if (e.kind === "mean" && e.scale && rel.denominator) {
      out.push(checkGrim(r, e.id));
      if (rel.sd && e.scale.type === "integer") out.push(checkGrimmer(r, e.id));
    }
    if (e.kind === "mean" && r.entries.some((s) => s.relations?.subgroupOf === e.id))
      out.push(checkSubgroupRecombination(r, e.id));
    if (e.kind === "p-value") {
      out.push(checkPReporting(r, e.id));
      if (rel.statistic) out.push(checkStatisticP(r, e.id));
    }
    if (e.kind === "coefficient" && rel.expB) out.push(checkCoxRow(r, e.id));
    if (e.kind === "median" && rel.lower && r.get(rel.lower).kind === "ci-lower") out.push(checkKmMedianCi(r, e.id));
    if (e.kind === "median" && e.scale && rel.lower && r.get(rel.lower).kind === "quartile-lower")
      out.push(checkQuantileFeasibility(r, e.id, maxN));
  }
  return out;
}

/**
 * Runs every audit check on the registry: generic checks found from entry kinds and relations
 * (percent, totals, same quantity, GRIM, GRIMMER, subgroup recombination, statistic ↔ p, p reporting,
 * Cox rows, KM median CI, quantile feasibility) and the paper-specific ones (χ² recomputed from
 * Tables 2, 3 and 5, McNemar for the paired Table 3, KM median feasibility, Frankel arithmetic,
 * methodological flags). Sorted by check then ids; deeply frozen.
 *
 * Cost: O(entries · relations) plus the quantile scans (O(maxN · scale²) per median).
 *
 * @example
 * runAudit(loadRegistry()).filter((f) => f.verdict === "inconsistent").length // 30
 */
export function runAudit(registry: Registry, options: { maxN?: number } = {}): readonly AuditFinding[] {
  const maxN = options.maxN ?? (registry.has("s4.1.n") ? registry.get("s4.1.n").number : 100);
  const findings = [...discovered(registry, maxN), ...(registry.has("t3.chisq") ? paperSpecific(registry) : [])];
  const key = (f: AuditFinding) => `${f.check}\u0000${f.ids.join("\u0001")}`;
  findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return deepFreeze(findings);
}
