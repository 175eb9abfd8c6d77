import { describe, expect, it } from "vitest";
import { checkKmFeasibility } from "../../../src/paper/audit/check-km-feasibility";
import { checkKmMedianCi } from "../../../src/paper/audit/check-km-median-ci";
import { entry, expectClose, R, registryOf } from "./audit-test-kit";

describe("checkKmMedianCi (SPSS symmetric CI: median ± 1.96·SE)", () => {
  const reg = (m: string, l: string, u: string) =>
    registryOf([
      entry("m", m, "median", { relations: { lower: "l", upper: "u" } }),
      entry("l", l, "ci-lower"),
      entry("u", u, "ci-upper"),
    ]);

  it("accepts 16.83 (9.88, 23.78): 6.95 either side; SE = 13.90/3.92 = 3.5459", () => {
    const f = checkKmMedianCi(reg("16.83", "9.88", "23.78"), "m");
    expect(f.verdict).toBe("passes");
    expectClose(f.recomputed.impliedSE as number, 13.9 / 3.92, { rel: 1e-9, label: "SE" });
  });

  it("names an asymmetric interval (9.88, 25.00) as not SPSS's (R's log interval is asymmetric): no finding", () => {
    const f = checkKmMedianCi(reg("16.83", "9.88", "25.00"), "m");
    expect([f.verdict, f.recomputed.symmetric]).toEqual(["passes", false]);
    expect(f.evidence).toContain("asymmetric");
  });

  it("a median outside its own CI is a contradiction (16.83 with 17.00–23.78)", () => {
    expect(checkKmMedianCi(reg("16.83", "17.00", "23.78"), "m").class).toBe("contradiction");
  });
});

describe("checkKmFeasibility (median vs one-year survival vs deaths)", () => {
  const reg = (deaths: string, median = "16.83", followUp = "1") =>
    registryOf([
      entry("n", "55", "count"),
      entry("d", deaths, "count"),
      entry("s", "58.18", "survival-rate"),
      entry("h", "1", "time"),
      entry("m", median, "median", {
        relations: { denominator: "n", events: "d", survivalAt: "s", horizon: "h", minFollowUp: "fu" },
      }),
      entry("fu", followUp, "time"),
    ]);
  const ids = "m";

  it("catches 23 deaths with S(12) = 58.18% and a median of 16.83 (R survfit: median NA for these counts)", () => {
    const f = checkKmFeasibility(reg("23"), ids);
    expect([f.verdict, f.class]).toEqual(["finding", "conditional"]);
    expect(f.assumption).toContain("the 23 deaths are all the deaths");
    expect(f.recomputed.deathsByHorizon).toBe(23);
    expect(f.recomputed.deathsAfterHorizon).toBe(0);
    expect(R.km.deaths23_only.median).toBe("NA");
    expectClose(R.km.deaths23_only.s12, 32 / 55, { rel: 1e-12, label: "R S(12) = 32/55" });
  });

  it("needs 5 more deaths without censoring (R: +4 → median NA, +5 → median reached) and 1 with ≤ 7 at risk (R: 7 at risk → reached, 8 → NA)", () => {
    const f = checkKmFeasibility(reg("23"), ids);
    expect(f.recomputed.extraDeathsNeededWithoutCensoring).toBe(5);
    expect(R.km.plus4.median).toBe("NA");
    expect(R.km.plus5.median).toBe(17);
    expect(f.recomputed.maxRiskSetForOneDeath).toBe(7);
    expect(R.km.plus1_censored25.median).toBe(16);
    expect(R.km.plus1_censored24.median).toBe("NA");
  });

  it("accepts 28 deaths (5 after one year): the median can then lie beyond 12 months", () => {
    expect(checkKmFeasibility(reg("28"), ids).verdict).toBe("passes");
  });

  it("cannot decide when patients may be censored before the horizon (minimum follow-up 0.5 years)", () => {
    expect(checkKmFeasibility(reg("23", "16.83", "0.5"), ids).verdict).toBe("not checkable");
  });

  it("accepts a median within the year even with no later deaths (median 10.00)", () => {
    expect(checkKmFeasibility(reg("23", "10.00"), ids).verdict).toBe("passes");
  });
});
