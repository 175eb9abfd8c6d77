import { describe, expect, it } from "vitest";
import { resultToHtml } from "../../../src/lib/core";
import {
  cochranArmitageTest,
  crosstabsChiSquareTests,
  eValue,
  eValueToHtml,
  linearByLinearTest,
} from "../../../src/lib/hypothesis";
import { expectClose } from "../../helpers/expect-close";
import { type RCase, ref } from "./fixture";

describe("linear-by-linear association matches coin::lbl_test", () => {
  for (const [name, c] of Object.entries<RCase>(ref.lbl_rxc)) {
    it(name, () => {
      const r = linearByLinearTest(c.table);
      expectClose(r.statistic, c.chisq, { rel: 1e-6, label: `${name} M²`, input: c.table });
      expectClose(r.pValue, c.p_value, { rel: 1e-6, label: `${name} p` });
    });
  }
  it("on a 2 × k table equals Cochran–Armitage with the N − 1 variance", () => {
    const t = ref.trend.unequal;
    const table = [t.events, t.totals.map((n: number, i: number) => n - t.events[i])];
    const lbl = linearByLinearTest(table, { colScores: t.scores });
    expectClose(lbl.statistic, cochranArmitageTest(t.events, t.totals, { scores: t.scores }).statistic as number, {
      rel: 1e-12,
    });
  });
  it("2×2 by hand: M² = (N − 1)/N · Pearson X² = 54/55 · 5.14456 for Table 5 visceral metastases", () => {
    expectClose(
      linearByLinearTest([
        [15, 4],
        [17, 19],
      ]).statistic,
      (54 / 55) * ((55 * (15 * 19 - 4 * 17) ** 2) / (19 * 36 * 32 * 23)),
      { rel: 1e-12 },
    );
  });
});

describe("SPSS CROSSTABS Chi-Square Tests table", () => {
  it("2×2 (Table 5 visceral metastases): five rows in SPSS order, matching R", () => {
    const rows = crosstabsChiSquareTests([
      [15, 4],
      [17, 19],
    ]);
    expect(rows.map((r) => r.test)).toEqual([
      "pearson-chisq",
      "pearson-chisq",
      "likelihood-ratio-chisq",
      "fisher-exact",
      "linear-by-linear",
    ]);
    const c = ref.contingency.visceral;
    expectClose(rows[0].statistic, c.chisq.statistic, { label: "Pearson" });
    expectClose(rows[1].statistic, c.chisq_correct.statistic, { label: "Continuity Correction" });
    expectClose(rows[2].statistic, c.g2, { label: "Likelihood Ratio" });
    expectClose(rows[3].pValue, c.fisher.p_value, { label: "Fisher" });
    expectClose(rows[4].statistic, ref.lbl_rxc.visceral.chisq, { label: "Linear-by-Linear" });
    expect(resultToHtml(rows)).toContain("<table");
  });
  it("r × c: no continuity-correction or Fisher rows", () => {
    expect(
      crosstabsChiSquareTests([
        [3, 1, 0],
        [1, 4, 2],
        [0, 2, 5],
      ]).map((r) => r.test),
    ).toEqual(["pearson-chisq", "likelihood-ratio-chisq", "linear-by-linear"]);
  });
});

describe("E-value HTML", () => {
  it("renders the label, measure and E-values", () => {
    const html = eValueToHtml([
      { label: "Visceral metastases", result: eValue(3.538, { measure: "HR", lower: 1.191, upper: 10.516 }) },
    ]);
    expect(html).toContain("Visceral metastases");
    expect(html).toContain("6.535");
    expect(html).toContain("1.668");
  });
});
