import { describe, expect, it } from "vitest";
import {
  bmaStartScenarios,
  immortalTimeDelaySweep,
  immortalTimeDistributions,
  immortalTimeQuantities,
  immortalTimeSummaryRows,
  landmarkBmaRows,
  simonMakuchBma,
  timeDependentBmaRows,
} from "../../../src/paper/limitations";
import { simulateImmortalTime } from "../../../src/lib";
import { coxTable6 } from "../../../src/paper/reproduction/cox-table6";
import { survivalByFactor } from "../../../src/paper/reproduction/survival-by-factor";
import { shippedStudy } from "../reproduction/shipped-study";

const { study } = shippedStudy();

describe("BMA start scenarios and the re-analyses built on them", () => {
  it("moves a treated patient whose follow-up ends before the assumed start to halfway (hand)", () => {
    const [late] = bmaStartScenarios(study, [1000]);
    const treated = study.patients.filter((p) => p.factors.postBma);
    expect(late.movedToHalfway).toBe(treated.length);
    const i = study.patients.findIndex((p) => p.factors.postBma);
    expect(late.treatmentTime[i]).toBe(study.patients[i].survivalMonths / 2);
    expect(late.treatmentTime.filter((t) => t !== null)).toHaveLength(treated.length);
    expect(() => bmaStartScenarios(study, [-1])).toThrow(/startMonths\[0\] = -1/);
  });

  it("BMA from day 0 as a time-dependent covariate is the baseline model (known answer: Table 6's HR)", () => {
    const rows = timeDependentBmaRows(study, bmaStartScenarios(study, [0]));
    const table6 = coxTable6(study)[1];
    expect(rows[0]["HR (BMA)"]).toBeCloseTo(table6.expb, 12);
    expect(rows[1]["HR (BMA)"]).toBeCloseTo(table6.expb, 10);
    expect(rows[1].lower).toBeCloseTo(table6.lower, 10);
    expect(immortalTimeQuantities(0)[0].compute(study)).toBeCloseTo(table6.expb, 10);
  });

  it("a landmark at 0 with BMA from day 0 is the baseline model too", () => {
    const [row] = landmarkBmaRows(study, bmaStartScenarios(study, [0])[0], [0]);
    expect(row["alive at landmark"]).toBe(55);
    expect(row["HR (BMA)"]).toBeCloseTo(coxTable6(study)[1].expb, 10);
  });

  it("Simon–Makuch with BMA from day 0 are the Kaplan–Meier curves by BMA (Figure 2), same log-rank", () => {
    const sm = simonMakuchBma(study, bmaStartScenarios(study, [0])[0]);
    const km = survivalByFactor(study, "postBma");
    expect(sm.curves.map((c) => c.label)).toEqual(["no BMA (yet)", "on BMA"]);
    expect(sm.curves[0].steps).toEqual(km.groups[0].fit.steps);
    expect(sm.curves[1].steps).toEqual(km.groups[1].fit.steps);
    expect(sm.mantelByar.statistic).toBeCloseTo(km.logRank.statistic!, 12);
  });
});

describe("simulation tables", () => {
  const base = {
    n: 55,
    replicates: 30,
    seed: 5,
    baselineHazard: 0.05,
    treatedFraction: 0.5,
    trueHazardRatio: 1,
    followUp: 12,
  };
  it("summary rows and distributions carry the simulation's numbers", () => {
    const sim = simulateImmortalTime({
      ...base,
      treatmentDelay: { kind: "fixed", at: 2 },
      referenceHazardRatio: 0.327,
    });
    const rows = immortalTimeSummaryRows(sim);
    expect(rows.map((r) => r.analysis)).toEqual(["ever treated (baseline covariate)", "time-dependent covariate"]);
    expect(rows[0]["median HR"]).toBe(sim.summaries[0].medianHr);
    expect(rows[0]["HR ≤ 0.327 %"]).toBe(100 * sim.summaries[0].shareAtOrBelowReference!);
    expect(immortalTimeDistributions(sim)[1].values).toEqual(sim.logHr[1].filter((v) => v !== null));
  });

  it("the delay sweep runs one simulation per window on the same seed", () => {
    const rows = immortalTimeDelaySweep(base, [0, 3]);
    const direct = simulateImmortalTime({ ...base, treatmentDelay: { kind: "uniform", min: 0, max: 3 } });
    expect(rows.map((r) => r["start window (months)"])).toEqual(["0", "0–3"]);
    expect(rows[1]["median HR, ever treated"]).toBe(direct.summaries[0].medianHr);
    // A window of length 0 at 0: no immortal time, the two analyses agree.
    expect(rows[0]["median HR, ever treated"]).toBe(rows[0]["median HR, time-dependent"]);
  });
});

describe("doc-comment examples of the BMA helpers", () => {
  it("give the outputs they state", () => {
    expect(bmaStartScenarios(study, [1]).map((s) => s.label)).toEqual(["BMA from 1 month"]);
    expect(timeDependentBmaRows(study, bmaStartScenarios(study, [1]))[0].analysis).toBe(
      "baseline covariate (as Table 6)",
    );
    expect(landmarkBmaRows(study, bmaStartScenarios(study, [1])[0], [3])[0].landmark).toBe(3);
    expect(immortalTimeQuantities(1)[0].label).toBe("HR postoperative BMA, time-dependent (BMA from 1 month)");
  });
});

describe("landmark rows with no usable estimate", () => {
  it("leave the hazard ratio empty and keep the reason", () => {
    // Late landmarks (BMA from 3 months) leave few or no deaths: fits that do not converge or run off to
    // infinity, then no events at all. Each such row must carry no estimate and say why.
    const landmarks = [6, 7, 8, 9, 9.5, 10, 10.5, 11, 11.5, 11.9];
    const rows = landmarkBmaRows(study, bmaStartScenarios(study, [3])[0], landmarks);
    const unusable = rows.filter((r) => /did not converge|infinite/.test(String(r.note)));
    const empty = rows.filter((r) => r["deaths after"] === 0);
    expect(unusable.length, "some late landmark has a fit that does not converge").toBeGreaterThan(0);
    expect(empty.length, "some late landmark has no deaths after it").toBeGreaterThan(0);
    for (const r of [...unusable, ...empty]) {
      expect(r["HR (BMA)"], `landmark ${r.landmark}`).toBeNull();
      expect(r["Wald p"]).toBe("—");
    }
    for (const r of empty) expect(r.note).toBe(`no events after the landmark ${r.landmark}: no comparison`);
    for (const r of rows.filter((x) => x.note === "")) expect(typeof r["HR (BMA)"]).toBe("number");
  });
});
