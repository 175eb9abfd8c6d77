import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFrankel } from "../../../src/paper/audit/check-frankel";
import { FRANKEL_IDS } from "../../../src/paper/audit/li-2026-plugin";
import { flagAdjustmentClaim } from "../../../src/paper/audit/flag-adjustment-claim";
import { flagAnalysisAmbiguity } from "../../../src/paper/audit/flag-analysis-ambiguity";
import { flagEndEvent } from "../../../src/paper/audit/flag-end-event";
import { flagEventsPerVariable } from "../../../src/paper/audit/flag-events-per-variable";
import { flagInclusionVsOutcome } from "../../../src/paper/audit/flag-inclusion-vs-outcome";
import { flagMultipleTesting } from "../../../src/paper/audit/flag-multiple-testing";
import { flagPostBaselineCovariate } from "../../../src/paper/audit/flag-post-baseline-covariate";
import { buildRegistry, loadRegistry, type Registry } from "../../../src/paper/audit/registry";
import { entry, expectClose, R, registryOf } from "./audit-test-kit";

const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "data", "published.json"), "utf8"));
/** The real registry with some printed values (and their quotes) changed. */
function edited(values: Record<string, [string, string]>, statements: Record<string, string> = {}): Registry {
  const copy = JSON.parse(JSON.stringify(raw));
  for (const e of copy.entries) if (values[e.id]) [e.value, e.locator.quote] = values[e.id];
  for (const s of copy.statements) if (statements[s.id]) s.quote = statements[s.id];
  return buildRegistry(copy);
}
const real = loadRegistry();
const FRANKEL = FRANKEL_IDS;

describe("checkFrankel (Table 2 ↔ Table 3 ↔ text)", () => {
  it("catches the paper: Table 2 gives normal→abnormal 1 + 1 + 0 + 1 = 3, Table 3 prints 2; 'worsened 2' vs 0", () => {
    const [collapse, outcome, rate] = checkFrankel(real, FRANKEL);
    expect([collapse.class, collapse.severity, collapse.where]).toEqual([
      "contradiction",
      "minor",
      "Table 2 and Table 3",
    ]);
    expect(collapse.recomputed.collapsed).toEqual([
      [15, 8],
      [3, 30],
    ]);
    // Hand: recovered B→E 2 + C→E 1 + D→E 5 = 8; maintained B→B 1 + D→D 7 = 8; improved B→C 1 + B→D 3 + C→D 3 = 7.
    expect([
      outcome.recomputed.recovered,
      outcome.recomputed.maintained,
      outcome.recomputed.improved,
      outcome.recomputed.worsenedAmongAbnormal,
      outcome.recomputed.worsenedAmongNormal,
    ]).toEqual([8, 8, 7, 0, 3]);
    expect([outcome.class, outcome.severity]).toEqual(["contradiction", "major"]); // 2 patients
    expect(outcome.headline).toContain("worsened 2 printed, Table 2 gives 0");
    expect(rate.verdict).toBe("passes");
    expectClose(rate.recomputed.improvementRate as number, (100 * 15) / 23, { rel: 1e-9, label: "(8 + 7)/23" });
  });

  it("accepts a corrected version (E→D = 0, worsened 0)", () => {
    const r = edited({
      "t2.pre.E.post.D": ["0", "E 32 1 1 0 1 30"],
      "s4.3.worsened.n": ["0", "0 had worsened (edited)"],
    });
    // The quote of t2.pre.E.post.D keeps its printed row; only the value differs (the check reads values).
    for (const f of checkFrankel(r, FRANKEL)) expect(f.verdict, f.explanation).toBe("passes");
  });
});

describe("methodological flags", () => {
  const COX = ["t6.visceral.b", "t6.bma.b"];

  it("post-baseline covariate: flags postoperative BMA; a model of baseline terms only passes", () => {
    const f = flagPostBaselineCovariate(real, COX, "stmt.time-zero");
    expect(f.verdict).toBe("finding");
    expect(f.recomputed.flagged).toEqual(["t6.bma.b"]);
    expect(flagPostBaselineCovariate(real, ["t6.visceral.b"], "stmt.time-zero").verdict).toBe("passes");
  });

  it("events per variable: 23/43 = 0.53 flagged; 100 events / 5 candidates = 20 passes", () => {
    const f = flagEventsPerVariable(real, "abs.deaths.n", "s4.4.univariate-factors.count", COX);
    expect(f.verdict).toBe("finding");
    expectClose(f.recomputed.epvCandidates as number, 23 / 43, { rel: 1e-9, label: "EPV" });
    const r = registryOf([entry("d", "100", "count"), entry("c", "5", "count"), entry("b", "1.0", "coefficient")]);
    expect(flagEventsPerVariable(r, "d", "c", ["b"]).verdict).toBe("passes");
  });

  it("multiple testing: 43 × 0.05 = 2.15 expected; P(≥ 3) from R pbinom; none survives Holm; p = 0.001 of 3 tests survives", () => {
    const f = flagMultipleTesting(real, "s4.4.univariate-factors.count", "s3.alpha", [
      "t4.odi-1m.p",
      "t5.visceral.p",
      "t5.bma.p",
    ]);
    expect(f.verdict).toBe("finding");
    expectClose(f.recomputed.expectedFalsePositives as number, 2.15, { rel: 1e-9, label: "43·0.05" });
    expectClose(f.recomputed.pAtLeastObserved as number, R.p.binom_atleast3_of_43, {
      rel: 1e-6,
      label: "P(Bin(43, .05) ≥ 3)",
    });
    const r = registryOf([entry("m", "3", "count"), entry("a", "0.05", "p-threshold"), entry("p", "0.001", "p-value")]);
    expect(flagMultipleTesting(r, "m", "a", ["p"]).verdict).toBe("passes");
  });

  it("inclusion vs outcome: follow-up > 1 year with 23 deaths in the year is flagged; a 0.5-year minimum is not", () => {
    const ids = {
      minFollowUp: "s2.1.followup-min",
      expectedSurvivalMin: "s2.1.expected-survival-min",
      n: "abs.results.n",
      survivalAtHorizon: "abs.1y-survival",
      horizon: "abs.horizon.1y",
      exclusionStatement: "stmt.exclusion-other-death",
    };
    const f = flagInclusionVsOutcome(real, ids);
    expect(f.verdict).toBe("finding");
    expect(f.recomputed.deathsByHorizon).toBe(23);
    const r = edited({ "s2.1.followup-min": ["0.5", "Follow-up last for more than 0.5 year"] });
    expect(flagInclusionVsOutcome(r, ids).verdict).toBe("passes");
  });

  it("analysis ambiguity: Table 5's 5.145 is the Pearson χ² of the status table (flagged); a log-rank-like 4.20 is not checkable", () => {
    const ids = {
      statistic: "t5.visceral.chisq",
      cells: [
        ["t5.visceral.no.survival.n", "t5.visceral.no.mortality.n"],
        ["t5.visceral.yes.survival.n", "t5.visceral.yes.mortality.n"],
      ],
      methodStatement: "stmt.km-logrank-1y",
      coxStatement: "stmt.cox-1y",
      median: "abs.median-survival",
      horizon: "abs.horizon.1y",
    };
    const f = flagAnalysisAmbiguity(real, ids);
    expect(f.verdict).toBe("finding");
    expectClose(f.recomputed.pearsonOfStatusTable as number, R.chisq.table5_visceral.pearson.statistic, {
      label: "Pearson χ² Table 5 visceral",
    });
    const r = edited({ "t5.visceral.chisq": ["4.20", "4.20 0.023*"] });
    expect(flagAnalysisAmbiguity(r, ids).verdict).toBe("not checkable");
  });

  it("end event: tumour-specific death plus exclusion of other deaths is flagged; all-cause death is not", () => {
    expect(flagEndEvent(real, "stmt.end-event", "stmt.exclusion-other-death", "abs.deaths.n").verdict).toBe("finding");
    const r = edited({}, { "stmt.end-event": "Death from any cause was recognized as the end event." });
    expect(flagEndEvent(r, "stmt.end-event", "stmt.exclusion-other-death", "abs.deaths.n").verdict).toBe("passes");
  });

  it("adjustment claim: 6 covariates claimed vs 2 terms shown is flagged; a 2-covariate claim is not", () => {
    const f = flagAdjustmentClaim(real, "stmt.adjusted-covariates", COX);
    expect(f.verdict).toBe("finding");
    expect([f.recomputed.claimed, f.recomputed.shown]).toEqual([6, 2]);
    const r = edited(
      {},
      { "stmt.adjusted-covariates": "covariates (e.g., visceral metastases, postoperative BMA) were adjusted for" },
    );
    expect(flagAdjustmentClaim(r, "stmt.adjusted-covariates", COX).verdict).toBe("passes");
  });
});
