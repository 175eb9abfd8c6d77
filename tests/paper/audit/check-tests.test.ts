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
    const f = checkStatisticP(statReg("5.145", "0.023", "chisq", 1), "p");
    expect(f.verdict).toBe("passes");
    const mid = ((f.recomputed.pLower as number) + (f.recomputed.pUpper as number)) / 2;
    expectClose(mid, R.p["chisq1_5.145"], { rel: 1e-3, label: "p of χ² 5.145 (midpoint of the rounding interval)" });
  });

  it("catches χ²(1) = 5.145 printed with p = 0.030", () => {
    expect(checkStatisticP(statReg("5.145", "0.030", "chisq", 1), "p").verdict).toBe("finding");
  });

  it("flags a decision error: χ²(1) = 3.50 printed p = 0.040 (true p = 0.0614 > 0.05)", () => {
    const f = checkStatisticP(statReg("3.50", "0.040", "chisq", 1), "p");
    expect(f.verdict).toBe("finding");
    expect(f.recomputed.decisionError).toBe(true);
  });

  it("accepts Z = −2.353 with p = 0.019 (R 2·pnorm(−2.353))", () => {
    const f = checkStatisticP(statReg("-2.353", "0.019", "mann-whitney-z"), "p");
    expect(f.verdict).toBe("passes");
    expect((f.recomputed.pLower as number) <= R.p["z_2.353"] && R.p["z_2.353"] <= (f.recomputed.pUpper as number)).toBe(
      true,
    );
  });

  it("accepts χ² = 21.79 with p = 0.000 numerically (p = 3.04e-6 rounds to 0.000)", () => {
    const f = checkStatisticP(statReg("21.79", "0.000", "chisq", 1), "p");
    expect(f.verdict).toBe("passes");
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
    expect(ok.verdict).toBe("passes");
    expect(
      (ok.recomputed.pLower as number) <= R.p.wald_visceral && R.p.wald_visceral <= (ok.recomputed.pUpper as number),
    ).toBe(true);
    expect(checkStatisticP(cox("0.050"), "p").verdict).toBe("finding");
  });
});

describe("checkPReporting", () => {
  it('flags every "0.000" in one reporting finding (note) and accepts "0.013"', () => {
    const r = registryOf([
      entry("a", "0.000", "p-value"),
      entry("c", "0.000", "p-value"),
      entry("b", "0.013", "p-value"),
    ]);
    const out = checkPReporting(r, ["a", "b", "c"]);
    const found = out.filter((f) => f.verdict === "finding");
    expect(found).toHaveLength(1);
    expect([found[0].class, found[0].severity, found[0].ids]).toEqual(["reporting", "note", ["a", "c"]]);
    expect(found[0].explanation).toContain("< 0.001");
    expect(out.find((f) => f.ids[0] === "b")?.verdict).toBe("passes");
  });

  it("a p above 1 is a contradiction", () => {
    const f = checkPReporting(registryOf([entry("a", "1.20", "p-value")]), ["a"]);
    expect(f[0].class).toBe("contradiction");
  });
});

describe("checkChisqFromCounts (Pearson χ² recomputed from the counts)", () => {
  const cells = [
    ["a", "b"],
    ["c", "d"],
  ];
  const reg = (stat: string, counts: number[]) =>
    registryOf([
      entry("x", stat, "test-statistic", { relations: { test: "chisq", df: 1, table: cells } }),
      ...["a", "b", "c", "d"].map((id, i) => entry(id, String(counts[i]), "count")),
    ]);

  it("accepts Table 3's 21.79 (R chisq.test(correct = FALSE) = 21.7887) and reports Yates (R 19.1150)", () => {
    const f = checkChisqFromCounts(reg("21.79", [15, 8, 2, 30]), "x");
    expect(f.verdict).toBe("passes");
    expectClose(f.recomputed.pearson as number, R.chisq.table3.pearson.statistic, { label: "Pearson χ² Table 3" });
    expectClose(f.recomputed.yates as number, R.chisq.table3.yates.statistic, { label: "Yates χ² Table 3" });
  });

  it("accepts a printed Yates value (Table 5 visceral: 3.923, R correct = TRUE)", () => {
    const f = checkChisqFromCounts(reg("3.923", [15, 4, 17, 19]), "x");
    expect(f.verdict).toBe("passes");
    expect(f.explanation).toContain("matches Yates");
  });

  it("catches a χ² that matches neither (19.50 for Table 3): a contradiction; 21.80 is rounding-level (one unit)", () => {
    const f = checkChisqFromCounts(reg("19.50", [15, 8, 2, 30]), "x");
    expect([f.verdict, f.class]).toEqual(["finding", "contradiction"]);
    // 21.7887 prints as 21.79; 21.80 is one unit of the last digit away, 21.81 two.
    expect(checkChisqFromCounts(reg("21.80", [15, 8, 2, 30]), "x").class).toBe("rounding-level");
    expect(checkChisqFromCounts(reg("21.81", [15, 8, 2, 30]), "x").class).toBe("contradiction");
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
      entry("x", "21.79", "test-statistic", { relations: { test: "chisq", table: ids } }),
      ...t2.flatMap((row, i) => row.map((v, j) => entry(`c${i}${j}`, String(v), "count"))),
    ]);
    const f = checkChisqFromCounts(r, "x");
    expect(f.verdict).toBe("finding");
    expectClose(f.recomputed.pearson as number, R.chisq.table2.pearson.statistic, { label: "Pearson χ² Table 2" });
    expect(f.recomputed.df).toBe(R.chisq.table2.pearson.df);
    expectClose(f.recomputed.minExpected as number, R.chisq.table2.pearson.minExpected, { label: "min expected" });
  });
});

describe("checkPairedDesign (McNemar for a before/after table)", () => {
  const table = [
    ["aa", "an"],
    ["na", "nn"],
  ];
  const reg = (counts: number[], p: string, design = "paired", test = "chisq") =>
    registryOf([
      ...["aa", "an", "na", "nn"].map((id, i) => entry(id, String(counts[i]), "count")),
      entry("x", "1.0", "test-statistic", { relations: { test, df: 1, table, design } }),
      entry("p", p, "p-value", { relations: { statistic: "x" } }),
    ]);

  it("Table 3 (b = 8, c = 2): McNemar 3.6 / 2.5, exact p = 0.109 (R) → the printed significance does not hold", () => {
    const f = checkPairedDesign(reg([15, 8, 2, 30], "0.000"), "x");
    expect([f.verdict, f.class, f.severity]).toEqual(["finding", "decision-changing", "critical"]);
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

  it("b = 20, c = 2: paired tests agree with a significant printed p → a design concern, not decision-changing", () => {
    const f = checkPairedDesign(reg([10, 20, 2, 30], "0.001"), "x");
    expect([f.verdict, f.class, f.severity]).toEqual(["finding", "design concern", "minor"]);
    expect(f.evidence).toContain("the paired test agrees with the printed conclusion");
    expectClose(f.recomputed.pExactBinomial as number, R.mcnemar_b20_c2.exact.p, { label: "exact p b=20 c=2" });
    expectClose(f.recomputed.pMcnemar as number, R.mcnemar_b20_c2.asymptotic.p, { label: "McNemar p b=20 c=2" });
  });
});

describe("checkPairedDesign: pairing declared as data", () => {
  const table = [
    ["aa", "an"],
    ["na", "nn"],
  ];
  const reg = (design: string, test: string, extra: Record<string, unknown> = {}) =>
    registryOf([
      ...["aa", "an", "na", "nn"].map((id, i) => entry(id, String([15, 8, 2, 30][i]), "count")),
      entry("x", "3.6", "test-statistic", { relations: { test, df: 1, table, design, ...extra } }),
      entry("p", "0.058", "p-value", { relations: { statistic: "x" } }),
    ]);

  it("passes McNemar on paired data and Pearson χ² on independent samples", () => {
    expect(checkPairedDesign(reg("paired", "mcnemar-chisq"), "x").verdict).toBe("passes");
    expect(checkPairedDesign(reg("independent", "chisq"), "x").verdict).toBe("passes");
  });

  it("flags a paired test on independent samples as a design concern", () => {
    const f = checkPairedDesign(reg("independent", "wilcoxon-z"), "x");
    expect([f.class, f.severity]).toEqual(["design concern", "major"]);
  });

  it("cannot decide when the test's pairing is not declared (a t statistic without testAssumes)", () => {
    expect(checkPairedDesign(reg("paired", "t", { df: 20 }), "x").verdict).toBe("not checkable");
    expect(checkPairedDesign(reg("paired", "t", { df: 20, testAssumes: "independent" }), "x").class).toBe(
      "design concern",
    );
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
    expect(f.verdict).toBe("passes");
    expectClose(f.recomputed.impliedSE as number, (Math.log(0.784) - Math.log(0.136)) / (2 * 1.959963984540054), {
      rel: 1e-9,
      label: "SE",
    });
  });

  it("catches Exp(B) = 0.372 for B = −1.118 (digits swapped)", () => {
    expect(checkCoxRow(reg("-1.118", "0.372", "0.136", "0.784"), "b").verdict).toBe("finding");
  });

  it("catches a CI not symmetric about B on the log scale (0.136–0.900): a contradiction", () => {
    expect(checkCoxRow(reg("-1.118", "0.327", "0.136", "0.900"), "b").class).toBe("contradiction");
    expect(checkCoxRow(reg("-1.118", "0.372", "0.136", "0.784"), "b").class).toBe("contradiction");
  });

  it("Table 6 visceral: (ln 1.191 + ln 10.516)/2 = 1.26382, B printed 1.263 — one unit of B's last digit: rounding-level", () => {
    // Over the rounding intervals the centre lies in [1.26357, 1.26408]; 1.263's interval ends at 1.2635.
    const f = checkCoxRow(reg("1.263", "3.538", "1.191", "10.516"), "b");
    expect([f.class, f.severity, f.recomputed.symUnits]).toEqual(["rounding-level", "note", 1]);
    expect(checkCoxRow(reg("1.264", "3.538", "1.191", "10.516"), "b").verdict).toBe("passes");
  });

  it("checks a printed SE against the CI: (ln 0.784 − ln 0.136)/3.92 = 0.4470", () => {
    const withSe = (se: string) =>
      registryOf([
        entry("b", "-1.118", "coefficient", { relations: { expB: "e", se: "s" } }),
        entry("s", se, "se"),
        entry("e", "0.327", "hazard-ratio", { relations: { lower: "l", upper: "u" } }),
        entry("l", "0.136", "ci-lower"),
        entry("u", "0.784", "ci-upper"),
      ]);
    expect(checkCoxRow(withSe("0.447"), "b").verdict).toBe("passes");
    expect(checkCoxRow(withSe("0.530"), "b").class).toBe("contradiction");
  });
});
