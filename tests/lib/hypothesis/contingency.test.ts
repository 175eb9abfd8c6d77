import { describe, expect, it } from "vitest";
import { formatP } from "../../../src/lib/core";
import {
  bowkerTest,
  chisqTest,
  cochranArmitageTest,
  fisherTest,
  likelihoodRatioTest,
  mcnemarTest,
  oddsRatio,
  riskDifference,
  riskRatio,
  stuartMaxwellTest,
} from "../../../src/lib/hypothesis";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { type RCase, ref } from "./fixture";

const TOL = { rel: 1e-6 };

describe("Pearson chi-square matches R chisq.test with and without Yates' correction", () => {
  for (const [name, c] of Object.entries<RCase>(ref.contingency)) {
    it(`${name}: X², df, p and expected counts (correct = FALSE and TRUE)`, () => {
      const plain = chisqTest(c.table, { convention: "r", correct: false });
      expectClose(plain.statistic, c.chisq.statistic, { ...TOL, label: `${name} X²`, input: c.table });
      expect(plain.df).toBe(c.chisq.parameter);
      expectClose(plain.pValue, c.chisq.p_value, { ...TOL, label: `${name} p`, input: c.table });
      plain.details.expected.forEach((row, i) => {
        expectAllClose(row, c.expected[i], { ...TOL, label: `${name} E[${i}]` });
      });
      const yates = chisqTest(c.table, { convention: "r" });
      expectClose(yates.statistic, c.chisq_correct.statistic, { ...TOL, label: `${name} Yates X²`, input: c.table });
      expectClose(yates.pValue, c.chisq_correct.p_value, { ...TOL, label: `${name} Yates p`, input: c.table });
      expect(yates.convention).toBe("R stats::chisq.test(correct = TRUE)");
    });
  }

  it("SPSS convention is Pearson without correction and says so", () => {
    const r = chisqTest([
      [15, 8],
      [2, 30],
    ]);
    expect(r.convention).toBe("SPSS 27 CROSSTABS (Pearson, no continuity correction)");
    expect(r.details.yatesApplied).toBe(false);
  });

  it("R's Yates shift is min(0.5, |O − E|): 0 when |ad − bc| < n/2", () => {
    // [[5, 5], [5, 6]]: |ad − bc| = 5 < n/2 = 10.5, so |O − E| = 5/21 < 0.5 and every corrected term is 0
    const r = chisqTest(
      [
        [5, 5],
        [5, 6],
      ],
      { convention: "r" },
    );
    expect(r.statistic).toBe(0);
    expectClose(r.details.yatesShift, 5 / 21, { label: "Yates shift" });
  });
});

describe("paper's published chi-squares (hand arithmetic)", () => {
  it("Table 3, Frankel before × after 15, 8 / 2, 30: χ² = 55·(15·30 − 8·2)²/(23·32·17·38) = 21.79", () => {
    const hand = (55 * (15 * 30 - 8 * 2) ** 2) / (23 * 32 * 17 * 38); // 55·434²/475456 = 21.788725
    const r = chisqTest([
      [15, 8],
      [2, 30],
    ]);
    expectClose(r.statistic, hand, { rel: 1e-12, label: "Table 3 χ²" });
    expect(r.statistic!.toFixed(2)).toBe("21.79");
    // the paper prints P = 0.000; core formatP prints what it should
    expect(formatP(r.pValue)).toBe("< 0.001");
  });

  it("Table 5 visceral metastases 15/4 vs 17/19: χ² = 55·(15·19 − 4·17)²/(19·36·32·23) = 5.145", () => {
    const hand = (55 * (15 * 19 - 4 * 17) ** 2) / (19 * 36 * 32 * 23);
    const r = chisqTest([
      [15, 4],
      [17, 19],
    ]);
    expectClose(r.statistic, hand, { rel: 1e-12, label: "visceral χ²" });
    expect(r.statistic!.toFixed(3)).toBe("5.145");
    expect(r.pValue!.toFixed(3)).toBe("0.023");
  });

  it("Table 5 postoperative BMA 10/15 vs 22/8: χ² = 55·(10·8 − 15·22)²/(25·30·32·23) = 6.227", () => {
    const hand = (55 * (10 * 8 - 15 * 22) ** 2) / (25 * 30 * 32 * 23);
    const r = chisqTest([
      [10, 15],
      [22, 8],
    ]);
    expectClose(r.statistic, hand, { rel: 1e-12, label: "BMA χ²" });
    expect(r.statistic!.toFixed(3)).toBe("6.227");
    expect(r.pValue!.toFixed(3)).toBe("0.013");
  });
});

describe("small expected counts are reported the SPSS way", () => {
  it("2×3 [[2,5,1],[4,0,3]]: all 6 cells have E < 5, minimum E = 8·4/15", () => {
    const r = chisqTest([
      [2, 5, 1],
      [4, 0, 3],
    ]);
    expect(r.warnings).toContain(
      "6 cells (100.0%) have expected count less than 5. The minimum expected count is 1.87.",
    );
    expect(r.details.cellsBelow5).toBe(6);
    expectClose(r.details.minExpected, (4 * 7) / 15, { label: "min E" });
  });

  it("Table 3 has one cell with E = 23·17/55 = 7.11 ≥ 5: no warning", () => {
    expect(
      chisqTest([
        [15, 8],
        [2, 30],
      ]).warnings,
    ).toEqual([]);
  });
});

describe("likelihood-ratio G² matches 2 Σ O ln(O/E) computed in R", () => {
  for (const [name, c] of Object.entries<RCase>(ref.contingency)) {
    it(name, () => {
      expectClose(likelihoodRatioTest(c.table).statistic, c.g2, { ...TOL, label: `${name} G²`, input: c.table });
    });
  }
});

describe("Fisher's exact test matches R fisher.test", () => {
  for (const [name, c] of Object.entries<RCase>(ref.contingency)) {
    it(`${name}: two-sided p${c.table.length === 2 && c.table[0].length === 2 ? ", conditional MLE and CI" : ""}`, () => {
      const r = fisherTest(c.table);
      expectClose(r.pValue, c.fisher.p_value, { ...TOL, label: `${name} p`, input: c.table });
      if (c.fisher_precise.estimate !== null) {
        expectClose(r.estimate, c.fisher_precise.estimate, { ...TOL, label: `${name} OR` });
        expectAllClose(r.ci!, c.fisher_precise.conf_int, { ...TOL, label: `${name} CI` });
        // R's default uniroot tolerance (~1e-4) is the only difference from the default fisher.test
        expectClose(r.estimate, c.fisher.estimate, { rel: 1e-3, label: `${name} OR vs default R` });
      }
    });
  }

  for (const [name, c] of Object.entries<RCase>(ref.contingency).filter(([, c]) => c.fisher_less)) {
    it(`${name}: one-sided alternatives and 90% interval`, () => {
      const less = fisherTest(c.table, { alternative: "less" });
      const greater = fisherTest(c.table, { alternative: "greater" });
      const ninety = fisherTest(c.table, { confLevel: 0.9 });
      expectClose(less.pValue, c.fisher_less.p_value, { ...TOL, label: `${name} p less` });
      expectAllClose(less.ci!, c.fisher_less.conf_int, { ...TOL, label: `${name} CI less` });
      expectClose(greater.pValue, c.fisher_greater.p_value, { ...TOL, label: `${name} p greater` });
      expectAllClose(greater.ci!, c.fisher_greater.conf_int, { ...TOL, label: `${name} CI greater` });
      expectAllClose(ninety.ci!, c.fisher_90.conf_int, { ...TOL, label: `${name} CI 90%` });
    });
  }

  for (const [name, c] of Object.entries<RCase>(ref.fisher_rxc)) {
    it(`r × c ${name}: network enumeration p = R FEXACT p`, () => {
      expectClose(fisherTest(c.table).pValue, c.p_value, { ...TOL, label: `${name} p`, input: c.table });
    });
  }

  it("refuses r × c tables beyond the documented limit with an InputError naming the limit", () => {
    const big = Array.from({ length: 6 }, () => [3, 3, 3]);
    expect(() => fisherTest(big)).toThrow(/limited to 5 × 5 tables with n ≤ 100/);
  });
});

describe("McNemar family on the paper's Table 3 read as a paired table (b = 8, c = 2)", () => {
  const m = ref.mcnemar;
  it("continuity-corrected = R mcnemar.test default: (|8 − 2| − 1)²/10 = 2.5", () => {
    const r = mcnemarTest(m.table, { convention: "r" });
    expectClose(r.statistic, m.correct.statistic, TOL);
    expect(r.statistic).toBe(2.5);
    expectClose(r.pValue, m.correct.p_value, { ...TOL, label: "p corrected" });
  });
  it("uncorrected = R mcnemar.test(correct = FALSE): (8 − 2)²/10 = 3.6", () => {
    const r = mcnemarTest(m.table, { method: "asymptotic" });
    expectClose(r.statistic, m.uncorrected.statistic, TOL);
    expectClose(r.pValue, m.uncorrected.p_value, { ...TOL, label: "p uncorrected" });
  });
  it("exact (SPSS default) = R binom.test(8, 10)", () => {
    const r = mcnemarTest(m.table);
    expect(r.convention).toMatch(/SPSS 27 CROSSTABS McNemar/);
    expectClose(r.pValue, m.exact.p_value, { ...TOL, label: "p exact" });
    // One meaning of `statistic` for every method: McNemar's χ², here (8 − 2)²/10 for reference (df null:
    // the p is binomial); b and c are in details.
    expect(r.statisticName).toBe("McNemar's chi-squared");
    expectClose(r.statistic, m.uncorrected.statistic, TOL);
    expect(r.df).toBeNull();
    expect(r.details.discordant).toEqual([8, 2]);
  });
  it("mid-p = 2·P(X ≤ 2) − P(X = 2), X ~ Bin(10, ½) = (2·56 − 45)/1024", () => {
    const r = mcnemarTest(m.table, { method: "mid-p" });
    expectClose(r.pValue, m.mid_p, { ...TOL, label: "mid-p (R)" });
    expectClose(r.pValue, (2 * (1 + 10 + 45) - 45) / 1024, { rel: 1e-12, label: "mid-p (hand)" });
  });
});

describe("Bowker symmetry and Stuart–Maxwell marginal homogeneity", () => {
  for (const [name, c] of Object.entries<RCase>(ref.paired)) {
    it(`${name}: Bowker (empty pairs skipped) and Stuart–Maxwell = coin::mh_test`, () => {
      const b = bowkerTest(c.table);
      expectClose(b.statistic, c.bowker.statistic, { ...TOL, label: `${name} Bowker` });
      expect(b.df).toBe(c.bowker.parameter);
      expectClose(b.pValue, c.bowker.p_value, { ...TOL, label: `${name} Bowker p` });
      if (c.mcnemar_kxk)
        expectClose(b.statistic, c.mcnemar_kxk.statistic, { ...TOL, label: `${name} vs mcnemar.test` });
      const s = stuartMaxwellTest(c.table);
      expectClose(s.statistic, c.stuart_maxwell.statistic, { ...TOL, label: `${name} Stuart–Maxwell` });
      expect(s.df).toBe(c.stuart_maxwell_df);
      expectClose(s.pValue, c.stuart_maxwell.p_value, { ...TOL, label: `${name} SM p` });
    });
  }

  it("Frankel 5×5 (paper Table 2): Bowker warns that 3 of 10 pairs are empty and uses df = 7", () => {
    const b = bowkerTest(ref.paired.frankel5.table);
    expect(b.warnings).toEqual(["3 of 10 off-diagonal pairs have n_ij + n_ji = 0 and were skipped; df = 7"]);
    // hand: (0−1)²/1 + (1−0)²/1 + (3−0)²/3 + (2−1)²/3 + (3−0)²/3 + (1−0)²/1 + (5−1)²/6 = 1+1+3+1/3+3+1+8/3 = 12
    expectClose(b.statistic, 12, { rel: 1e-12, label: "Bowker hand" });
  });

  it("a category entirely on the diagonal makes V singular: generalized inverse, warning, df = rank", () => {
    const s = stuartMaxwellTest(ref.paired.singular.table);
    expect(s.df).toBe(1);
    expect(s.warnings[0]).toMatch(/singular \(rank 1 < k − 1 = 2/);
  });
});

describe("Cochran–Armitage trend", () => {
  for (const [name, c] of Object.entries<RCase>(ref.trend)) {
    it(`${name}: "r" = prop.trend.test, "spss" = coin::lbl_test (Linear-by-Linear)`, () => {
      const r = cochranArmitageTest(c.events, c.totals, { scores: c.scores, convention: "r" });
      expectClose(r.statistic, c.prop_trend.statistic, { ...TOL, label: `${name} N·r²` });
      expectClose(r.pValue, c.prop_trend.p_value, { ...TOL, label: `${name} p (R)` });
      const s = cochranArmitageTest(c.events, c.totals, { scores: c.scores });
      expectClose(s.statistic, c.lbl.chisq, { ...TOL, label: `${name} (N − 1)·r²` });
      expectClose(s.details.z, c.lbl.z, { ...TOL, label: `${name} Z` });
      expectClose(s.pValue, c.lbl.p_value, { ...TOL, label: `${name} p (SPSS)` });
    });
  }
});

describe("effect measures of a 2×2 table (hand calculations)", () => {
  // Paper Table 5, visceral metastases: a = 15, b = 4, c = 17, d = 19
  const t = [
    [15, 4],
    [17, 19],
  ];
  const z975 = 1.959963984540054;
  it("odds ratio (15·19)/(4·17) with Woolf CI exp(ln OR ± 1.96·sqrt(1/15 + 1/4 + 1/17 + 1/19))", () => {
    const or = (15 * 19) / (4 * 17);
    const se = Math.sqrt(1 / 15 + 1 / 4 + 1 / 17 + 1 / 19);
    const r = oddsRatio(t);
    expectClose(r.estimate, or, { rel: 1e-12, label: "OR" });
    expectAllClose(r.ci!, [Math.exp(Math.log(or) - z975 * se), Math.exp(Math.log(or) + z975 * se)], {
      rel: 1e-9,
      label: "Woolf CI",
    });
  });
  it("Haldane: a zero cell adds 0.5 everywhere and warns; without it the CI is undefined and warns", () => {
    const z = [
      [5, 0],
      [2, 6],
    ];
    const h = oddsRatio(z, { correction: "haldane" });
    expectClose(h.estimate, (5.5 * 6.5) / (0.5 * 2.5), { rel: 1e-12, label: "Haldane OR" });
    expect(h.warnings[0]).toMatch(/Haldane/);
    const raw = oddsRatio(z);
    expect(raw.estimate).toBe(Infinity);
    expect(raw.warnings[0]).toMatch(/a cell is zero/);
  });
  it("risk ratio (15/19)/(17/36) with CI exp(ln RR ± 1.96·sqrt(1/15 − 1/19 + 1/17 − 1/36))", () => {
    const rr = 15 / 19 / (17 / 36);
    const se = Math.sqrt(1 / 15 - 1 / 19 + 1 / 17 - 1 / 36);
    const r = riskRatio(t);
    expectClose(r.estimate, rr, { rel: 1e-12, label: "RR" });
    expectAllClose(r.ci!, [rr * Math.exp(-z975 * se), rr * Math.exp(z975 * se)], { rel: 1e-9, label: "RR CI" });
  });
  it("risk difference: Wald by hand, Newcombe from R's Wilson intervals (prop.test(correct = FALSE))", () => {
    const p1 = 15 / 19;
    const p2 = 17 / 36;
    const se = Math.sqrt((p1 * (1 - p1)) / 19 + (p2 * (1 - p2)) / 36);
    const w = riskDifference(t, { method: "wald" });
    expectAllClose(w.ci!, [p1 - p2 - z975 * se, p1 - p2 + z975 * se], { rel: 1e-9, label: "Wald CI" });
    const [l1, u1] = ref.wilson.visceral_no.conf_int;
    const [l2, u2] = ref.wilson.visceral_yes.conf_int;
    const newcombe = [
      p1 - p2 - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
      p1 - p2 + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    ];
    expectAllClose(riskDifference(t).ci!, newcombe, { ...TOL, label: "Newcombe CI" });
  });
});
