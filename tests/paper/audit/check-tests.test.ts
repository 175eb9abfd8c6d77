import { describe, expect, it } from "vitest";
import { checkChisqFromCounts } from "../../../src/paper/audit/check-chisq-from-counts";
import { checkCoxRow } from "../../../src/paper/audit/check-cox-row";
import { checkPReporting } from "../../../src/paper/audit/check-p-reporting";
import { checkPairedDesign } from "../../../src/paper/audit/check-paired-design";
import { checkStatisticP } from "../../../src/paper/audit/check-statistic-p";
import { entry, expectClose, R, registryOf } from "./audit-test-kit";

const statReg = (stat: string, p: string, test: string, df?: number) =>
  registryOf([
    entry("x", stat, "test-statistic", { relations: { test, ...(df ? { df } : {}) } }),
    entry("p", p, "p-value", { relations: { statistic: "x" } }),
  ]);

describe("checkStatisticP (statcheck-style statistic ↔ p)", () => {
  it("accepts χ²(1) = 5.145 with p = 0.023 (R pchisq(5.145, 1, lower = FALSE))", () => {
    const f = checkStatisticP(statReg("5.145", "0.023", "pearson-chisq-df1", 1), "p");
    expect(f.verdict).toBe("consistent");
    const mid = ((f.recomputed.pLower as number) + (f.recomputed.pUpper as number)) / 2;
    expectClose(mid, R.p["chisq1_5.145"], { rel: 1e-3, label: "p of χ² 5.145 (midpoint of the rounding interval)" });
  });

  it("catches χ²(1) = 5.145 printed with p = 0.030", () => {
    expect(checkStatisticP(statReg("5.145", "0.030", "pearson-chisq-df1", 1), "p").verdict).toBe("inconsistent");
  });

  it("flags a decision error: χ²(1) = 3.50 printed p = 0.040 (true p = 0.0614 > 0.05)", () => {
    const f = checkStatisticP(statReg("3.50", "0.040", "pearson-chisq-df1", 1), "p");
    expect(f.verdict).toBe("inconsistent");
    expect(f.recomputed.decisionError).toBe(true);
  });

  it("accepts Z = −2.353 with p = 0.019 (R 2·pnorm(−2.353))", () => {
    const f = checkStatisticP(statReg("-2.353", "0.019", "mann-whitney-z"), "p");
    expect(f.verdict).toBe("consistent");
    expect((f.recomputed.pLower as number) <= R.p["z_2.353"] && R.p["z_2.353"] <= (f.recomputed.pUpper as number)).toBe(
      true,
    );
  });

  it("accepts χ² = 21.79 with p = 0.000 numerically (p = 3.04e-6 rounds to 0.000)", () => {
    const f = checkStatisticP(statReg("21.79", "0.000", "pearson-chisq-df1", 1), "p");
    expect(f.verdict).toBe("consistent");
    expect((f.recomputed.pUpper as number) < 0.0005).toBe(true);
  });

  it("recomputes the Cox Wald p from B and the SE implied by the CI (R 2·pnorm(−|B|/SE))", () => {
    const cox = (p: string) =>
      registryOf([
        entry("b", "1.263", "coefficient", { relations: { expB: "e", p: "p", test: "cox-wald" } }),
        entry("p", p, "p-value", { relations: { statistic: "b" } }),
        entry("e", "3.538", "hazard-ratio", { relations: { lower: "l", upper: "u" } }),
        entry("l", "1.191", "ci-lower"),
        entry("u", "10.516", "ci-upper"),
      ]);
    const ok = checkStatisticP(cox("0.023"), "p");
    expect(ok.verdict).toBe("consistent");
    expect(
      (ok.recomputed.pLower as number) <= R.p.wald_visceral && R.p.wald_visceral <= (ok.recomputed.pUpper as number),
    ).toBe(true);
    expect(checkStatisticP(cox("0.050"), "p").verdict).toBe("inconsistent");
  });
});

describe("checkPReporting", () => {
  it('flags "0.000" and accepts "0.013"', () => {
    const r = registryOf([entry("a", "0.000", "p-value"), entry("b", "0.013", "p-value")]);
    expect(checkPReporting(r, "a").verdict).toBe("inconsistent");
    expect(checkPReporting(r, "a").explanation).toContain("< 0.001");
    expect(checkPReporting(r, "b").verdict).toBe("consistent");
  });
});

describe("checkChisqFromCounts (Pearson χ² recomputed from the counts)", () => {
  const cells = [
    ["a", "b"],
    ["c", "d"],
  ];
  const reg = (stat: string, counts: number[]) =>
    registryOf([
      entry("x", stat, "test-statistic"),
      ...["a", "b", "c", "d"].map((id, i) => entry(id, String(counts[i]), "count")),
    ]);

  it("accepts Table 3's 21.79 (R chisq.test(correct = FALSE) = 21.7887) and reports Yates (R 19.1150)", () => {
    const f = checkChisqFromCounts(reg("21.79", [15, 8, 2, 30]), "x", cells);
    expect(f.verdict).toBe("consistent");
    expectClose(f.recomputed.pearson as number, R.chisq.table3.pearson.statistic, { label: "Pearson χ² Table 3" });
    expectClose(f.recomputed.yates as number, R.chisq.table3.yates.statistic, { label: "Yates χ² Table 3" });
  });

  it("accepts a printed Yates value (Table 5 visceral: 3.923, R correct = TRUE)", () => {
    const f = checkChisqFromCounts(reg("3.923", [15, 4, 17, 19]), "x", cells);
    expect(f.verdict).toBe("consistent");
    expect(f.explanation).toContain("matches Yates");
  });

  it("catches a χ² that matches neither (19.50 for Table 3)", () => {
    expect(checkChisqFromCounts(reg("19.50", [15, 8, 2, 30]), "x", cells).verdict).toBe("inconsistent");
  });

  it("recomputes an r×c table with small expected counts (Table 2, R: 33.615, df 12, min expected 0.0714)", () => {
    const t2 = [
      [0, 1, 1, 3, 2],
      [0, 0, 0, 3, 1],
      [0, 0, 0, 7, 5],
      [1, 1, 0, 1, 30],
    ];
    const ids = t2.map((row, i) => row.map((_, j) => `c${i}${j}`));
    const r = registryOf([
      entry("x", "21.79", "test-statistic"),
      ...t2.flatMap((row, i) => row.map((v, j) => entry(`c${i}${j}`, String(v), "count"))),
    ]);
    const f = checkChisqFromCounts(r, "x", ids);
    expect(f.verdict).toBe("inconsistent");
    expectClose(f.recomputed.pearson as number, R.chisq.table2.pearson.statistic, { label: "Pearson χ² Table 2" });
    expect(f.recomputed.df).toBe(R.chisq.table2.pearson.df);
    expectClose(f.recomputed.minExpected as number, R.chisq.table2.pearson.minExpected, { label: "min expected" });
  });
});

describe("checkPairedDesign (McNemar for a before/after table)", () => {
  const reg = (counts: number[], p: string) =>
    registryOf([
      ...["aa", "an", "na", "nn"].map((id, i) => entry(id, String(counts[i]), "count")),
      entry("p", p, "p-value"),
    ]);
  const ids = {
    cells: [
      ["aa", "an"],
      ["na", "nn"],
    ] as [[string, string], [string, string]],
    pValue: "p",
  };

  it("Table 3 (b = 8, c = 2): McNemar 3.6 / 2.5, exact p = 0.109 (R) → the printed significance does not hold", () => {
    const f = checkPairedDesign(reg([15, 8, 2, 30], "0.000"), ids);
    expect(f.verdict).toBe("inconsistent");
    expectClose(f.recomputed.mcnemar as number, R.mcnemar_table3.asymptotic.statistic, { label: "McNemar" });
    expectClose(f.recomputed.pMcnemar as number, R.mcnemar_table3.asymptotic.p, { label: "McNemar p" });
    expectClose(f.recomputed.mcnemarCorrected as number, R.mcnemar_table3.corrected.statistic, {
      label: "McNemar corrected",
    });
    expectClose(f.recomputed.pMcnemarCorrected as number, R.mcnemar_table3.corrected.p, {
      label: "McNemar corrected p",
    });
    expectClose(f.recomputed.pExactBinomial as number, R.mcnemar_table3.exact.p, {
      label: "exact binomial p (112/1024)",
    });
  });

  it("b = 20, c = 2: paired tests agree with a significant printed p → conclusion holds", () => {
    const f = checkPairedDesign(reg([10, 20, 2, 30], "0.001"), ids);
    expect(f.verdict).toBe("consistent");
    expectClose(f.recomputed.pExactBinomial as number, R.mcnemar_b20_c2.exact.p, { label: "exact p b=20 c=2" });
    expectClose(f.recomputed.pMcnemar as number, R.mcnemar_b20_c2.asymptotic.p, { label: "McNemar p b=20 c=2" });
  });
});

describe("checkCoxRow (B ↔ Exp(B) ↔ CI)", () => {
  const reg = (b: string, e: string, l: string, u: string) =>
    registryOf([
      entry("b", b, "coefficient", { relations: { expB: "e" } }),
      entry("e", e, "hazard-ratio", { relations: { lower: "l", upper: "u" } }),
      entry("l", l, "ci-lower"),
      entry("u", u, "ci-upper"),
    ]);

  it("accepts B = −1.118, Exp(B) = 0.327, CI 0.136–0.784: exp(−1.118) = 0.32693; (ln 0.136 + ln 0.784)/2 = −1.1192", () => {
    const f = checkCoxRow(reg("-1.118", "0.327", "0.136", "0.784"), "b");
    expect(f.verdict).toBe("consistent");
    expectClose(f.recomputed.impliedSE as number, (Math.log(0.784) - Math.log(0.136)) / (2 * 1.959963984540054), {
      rel: 1e-9,
      label: "SE",
    });
  });

  it("catches Exp(B) = 0.372 for B = −1.118 (digits swapped)", () => {
    expect(checkCoxRow(reg("-1.118", "0.372", "0.136", "0.784"), "b").verdict).toBe("inconsistent");
  });

  it("catches a CI not symmetric about B on the log scale (0.136–0.900)", () => {
    expect(checkCoxRow(reg("-1.118", "0.327", "0.136", "0.900"), "b").verdict).toBe("inconsistent");
  });
});
