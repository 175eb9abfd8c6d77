import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkStatisticP } from "../../../src/paper/audit/check-statistic-p";
import { entry, registryOf } from "./audit-test-kit";

/** R's p-values of reported statistics (tests/fixtures/distributions/reported-tests.R). */
const R = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "fixtures", "distributions", "reported-tests.json"), "utf8"),
) as {
  cases: { family: string; statistic: number; df: number | null; df2: number | null; sided: string; p: number }[];
};
const rP = (family: string, statistic: number, df: number | null, df2: number | null = null, sided = "two-sided") => {
  const c = R.cases.find(
    (x) => x.family === family && x.statistic === statistic && x.df === df && x.df2 === df2 && x.sided === sided,
  );
  if (!c) throw new Error(`no R case ${family} ${statistic}`);
  return c.p;
};

const reg = (stat: string, p: string, relations: Record<string, unknown>, pRelations: Record<string, unknown> = {}) =>
  registryOf([
    entry("x", stat, "test-statistic", { relations }),
    entry("p", p, "p-value", { relations: { statistic: "x", ...pRelations } }),
  ]);

describe("checkStatisticP: statcheck on χ², t, F, z and r, one- or two-sided, at the paper's α", () => {
  it.each([
    ["t(28) = 2.10, p = .045", "2.10", "0.045", { test: "t", df: 28 }, rP("t", 2.1, 28)],
    ["F(2, 57) = 4.20, p = .020", "4.20", "0.020", { test: "F", df: 2, df2: 57 }, rP("F", 4.2, 2, 57)],
    ["r(48) = .35, p = .013", "0.35", "0.013", { test: "r", df: 48 }, rP("r", 0.35, 48)],
    ["z = 1.96, p = .050", "1.96", "0.050", { test: "z" }, rP("z", 1.96, null)],
    [
      "t(28) = 2.10 one-sided, p = .022",
      "2.10",
      "0.022",
      { test: "t", df: 28, sided: "one-sided" },
      rP("t", 2.1, 28, null, "one-sided"),
    ],
    ["Welch t(17.35) = 1.98, p = .064", "1.98", "0.064", { test: "t", df: 17.35 }, rP("t", 1.98, 17.35)],
  ])("%s passes, and R's p lies in the recomputed interval", (_, stat, p, relations, r) => {
    const f = checkStatisticP(reg(stat, p, relations), "p");
    expect(f.verdict, f.evidence).toBe("passes");
    expect(f.recomputed.pLower as number).toBeLessThanOrEqual(r);
    expect(f.recomputed.pUpper as number).toBeGreaterThanOrEqual(r);
  });

  it("a two-sided p printed for a one-sided test is an inconsistency (t(28) = 2.10 with p = .022 two-sided)", () => {
    const f = checkStatisticP(reg("2.10", "0.022", { test: "t", df: 28 }), "p");
    expect([f.verdict, f.class]).toEqual(["finding", "contradiction"]);
  });

  it("a decision error is decision-changing: t(28) = 1.70, p = .040 (R: p = 0.1002)", () => {
    expect(rP("t", 1.7, 28)).toBeGreaterThan(0.1);
    const f = checkStatisticP(reg("1.70", "0.040", { test: "t", df: 28 }), "p");
    expect([f.class, f.severity, f.recomputed.decisionError]).toEqual(["decision-changing", "critical", true]);
    expect(f.headline).toContain("not significant at α = 0.05");
  });

  it("'p < .05' with χ²(1) = 3.50 (p = 0.0614) is a decision error; with χ²(1) = 3.84 it passes (p ≈ 0.050)", () => {
    expect(rP("chisq", 3.5, 1)).toBeGreaterThan(0.06);
    expect(checkStatisticP(reg("3.50", "0.05", { test: "chisq", df: 1 }, { comparator: "<" }), "p").class).toBe(
      "decision-changing",
    );
    expect(checkStatisticP(reg("3.84", "0.05", { test: "chisq", df: 1 }, { comparator: "<" }), "p").verdict).toBe(
      "passes",
    );
  });

  it("judges the decision at the registry's α (0.01 here): χ²(1) = 5.145 printed p = 0.009 flips it", () => {
    const r = registryOf(
      [
        entry("a", "0.01", "p-threshold", { context: "significance level" }),
        entry("x", "5.145", "test-statistic", { relations: { test: "chisq", df: 1 } }),
        entry("p", "0.009", "p-value", { relations: { statistic: "x" } }),
      ],
      [],
      { alpha: "a" },
    );
    const f = checkStatisticP(r, "p");
    expect([f.class, f.recomputed.alpha]).toEqual(["decision-changing", 0.01]);
  });

  it("one unit of p's last digit is rounding-level (χ²(1) = 5.145: p = 0.0233, printed 0.024)", () => {
    expect(checkStatisticP(reg("5.145", "0.024", { test: "chisq", df: 1 }), "p").class).toBe("rounding-level");
    expect(checkStatisticP(reg("5.145", "0.026", { test: "chisq", df: 1 }), "p").class).toBe("contradiction");
  });

  it("a χ² from a printed table takes its df from the table's shape when df is absent", () => {
    const r = registryOf([
      ...["a", "b", "c", "d", "e", "f"].map((id, i) => entry(id, String([5, 7, 9, 6, 4, 8][i]), "count")),
      entry("x", "1.80", "test-statistic", {
        relations: {
          test: "chisq",
          table: [
            ["a", "b", "c"],
            ["d", "e", "f"],
          ],
        },
      }),
      entry("p", "0.407", "p-value", { relations: { statistic: "x" } }),
    ]);
    // χ²(2) = 1.80: p = exp(−0.9) = 0.40657 (a χ² with 2 df is exponential with mean 2).
    expect(rP("chisq", 1.8, 2)).toBeCloseTo(Math.exp(-0.9), 12);
    const f = checkStatisticP(r, "p");
    expect(f.verdict).toBe("passes");
    expect(f.evidence).toContain("χ²(2)");
  });
});
