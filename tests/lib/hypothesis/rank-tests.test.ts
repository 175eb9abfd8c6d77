import { describe, expect, it } from "vitest";
import {
  friedmanTest,
  kruskalWallisTest,
  mannWhitneyTest,
  signTest,
  wilcoxonSignedRankTest,
} from "../../../src/lib/hypothesis";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { type RCase, ref } from "./fixture";

const TOL = { rel: 1e-6 };
// R's interval limits land exactly on data differences; a limit that is 0 prints as ~1e-14 in R
const CI_TOL = { rel: 1e-6, abs: 1e-9 };

describe("Mann–Whitney / Wilcoxon rank sum matches R wilcox.test", () => {
  for (const [name, c] of Object.entries<RCase>(ref.mann_whitney)) {
    it(`${name}: R default rule (exact when n < 50 and no ties), statistic, p, HL estimate and CI`, () => {
      const r = mannWhitneyTest(c.x, c.y, { convention: "r" });
      expect(r.method).toBe(c.default.method);
      expectClose(r.statistic, c.default.statistic, { ...TOL, label: `${name} W` });
      expectClose(r.pValue, c.default.p_value, { ...TOL, label: `${name} p` });
      expectClose(r.estimate, c.default.estimate, { ...CI_TOL, label: `${name} estimate` });
      expectAllClose(r.ci!, c.default.conf_int, { ...CI_TOL, label: `${name} CI` });
    });
    it(`${name}: normal approximation with and without continuity correction, asymptotic CI`, () => {
      for (const [key, correct] of [
        ["normal_correct", true],
        ["normal_uncorrected", false],
      ] as const) {
        const r = mannWhitneyTest(c.x, c.y, { convention: "r", exact: false, correct });
        expectClose(r.pValue, c[key].p_value, { ...TOL, label: `${name} ${key} p` });
        expectClose(r.estimate, c[key].estimate, { ...CI_TOL, label: `${name} ${key} estimate` });
        expectAllClose(r.ci!, c[key].conf_int, { ...CI_TOL, label: `${name} ${key} CI` });
      }
      const less = mannWhitneyTest(c.x, c.y, { convention: "r", exact: false, alternative: "less" });
      expectClose(less.pValue, c.less.p_value, { ...TOL, label: `${name} less p` });
    });
    if (c.exact_greater) {
      it(`${name}: exact one-sided p and one-sided exact intervals`, () => {
        const g = mannWhitneyTest(c.x, c.y, { convention: "r", exact: true, alternative: "greater" });
        expectClose(g.pValue, c.exact_greater.p_value, { ...TOL, label: `${name} greater p` });
        expectAllClose(g.ci!, c.exact_greater.conf_int, { ...CI_TOL, label: `${name} greater CI` });
        const l = mannWhitneyTest(c.x, c.y, { convention: "r", exact: true, alternative: "less", confLevel: 0.9 });
        expectClose(l.pValue, c.exact_less.p_value, { ...TOL, label: `${name} less p` });
        expectAllClose(l.ci!, c.exact_less.conf_int, { ...CI_TOL, label: `${name} less CI` });
      });
    }
    it(`${name}: SPSS Z (tie-corrected, no continuity correction) = coin::wilcox_test Z in magnitude`, () => {
      const s = mannWhitneyTest(c.x, c.y);
      expectClose(Math.abs(s.details.zSpss), Math.abs(c.coin_z.statistic), { ...TOL, label: `${name} |Z|` });
      expect(s.details.zSpss <= 0).toBe(true);
      // The statistic keeps R's meaning (W = U of x) under the SPSS convention too.
      expectClose(s.statistic, c.default.statistic, { ...TOL, label: `${name} W under SPSS` });
      expectClose(s.pValue, c.coin_z.p_value, { ...TOL, label: `${name} asymptotic p` });
    });
  }

  it("SPSS U, W and exact sig by hand on x = [3.1, 4.7, 2.2], y = [1.0, 5.5, 0.4, 2.9]", () => {
    // pooled ranks: 0.4→1, 1.0→2, 2.2→3, 2.9→4, 3.1→5, 4.7→6, 5.5→7; R_x = 3 + 5 + 6 = 14, R_y = 2 + 7 + 1 + 4 = 14
    // U_x = 14 − 3·4/2 = 8, U_y = 12 − 8 = 4 → U = 4; W = rank sum of the smaller group (x, n = 3) = 14
    // exact one-tailed P(U ≤ 4 | 3, 4): counts of U = 0..4 are 1, 1, 2, 3, 4 → 11/35; 2 × 11/35 = 0.628571
    const s = mannWhitneyTest([3.1, 4.7, 2.2], [1.0, 5.5, 0.4, 2.9]);
    expect(s.details.U).toBe(4);
    expect(s.details.wilcoxonW).toBe(14);
    expect(s.statistic).toBe(8); // R's W = U of x
    expect(s.statisticName).toBe("W");
    expectClose(s.details.exactSig2x1Tailed, 22 / 35, { rel: 1e-12, label: "SPSS exact sig" });
    // Z = (4 − 6) / sqrt(3·4·8/12) = −2/sqrt(8)
    expectClose(s.details.zSpss, -2 / Math.sqrt(8), { rel: 1e-12, label: "SPSS Z" });
  });

  for (const [name, c] of Object.entries<RCase>(ref.mann_whitney)) {
    it(`${name}: confInt: false (R conf.int = FALSE) gives R's statistic and p, and no estimate or interval`, () => {
      for (const [key, options] of [
        ["default", { convention: "r" }],
        ["normal_correct", { convention: "r", exact: false, correct: true }],
      ] as const) {
        const r = mannWhitneyTest(c.x, c.y, { ...options, confInt: false });
        expectClose(r.statistic, c[key].statistic ?? c.default.statistic, { ...TOL, label: `${name} ${key} W` });
        expectClose(r.pValue, c[key].p_value, { ...TOL, label: `${name} ${key} p` });
        expect([r.estimate, r.ci, r.estimateName, r.details.ciMethod]).toEqual([null, null, null, "not computed"]);
        expect(r.convention).toContain("conf.int = FALSE");
      }
    });
  }

  it("SPSS exact significance is only reported for N ≤ 40", () => {
    const x = Array.from({ length: 21 }, (_, i) => i * 1.5);
    const y = Array.from({ length: 20 }, (_, i) => i * 1.4 + 0.3);
    expect(mannWhitneyTest(x, y).details.exactSig2x1Tailed).toBeNull();
    expect(mannWhitneyTest(x.slice(1), y).details.exactSig2x1Tailed).not.toBeNull();
  });

  for (const [name, c] of Object.entries<RCase>(ref.mann_whitney)) {
    it(`${name}: exact: true gives the conditional exact p of exactRankTests::wilcox.exact (ties allowed)`, () => {
      for (const alt of ["two-sided", "greater", "less"] as const) {
        const key = alt === "two-sided" ? "two_sided" : alt;
        const r = mannWhitneyTest(c.x, c.y, { convention: "r", exact: true, alternative: alt });
        expectClose(r.pValue, c.exact_cond[key].p_value, { ...TOL, label: `${name} wilcox.exact ${alt}` });
      }
    });
  }
});

describe("Wilcoxon signed-rank matches R wilcox.test(paired = TRUE) and coin", () => {
  for (const [name, c] of Object.entries<RCase>(ref.signed_rank)) {
    it(`${name}: R default rule, V, p, pseudomedian and CI`, () => {
      const r = wilcoxonSignedRankTest(c.x, c.y, { convention: "r" });
      expect(r.method).toBe(c.default.method);
      expectClose(r.statistic, c.default.statistic, { ...TOL, label: `${name} V` });
      expectClose(r.pValue, c.default.p_value, { ...TOL, label: `${name} p` });
      expectClose(r.estimate, c.default.estimate, { ...CI_TOL, label: `${name} estimate` });
      expectAllClose(r.ci!, c.default.conf_int, { ...CI_TOL, label: `${name} CI` });
    });
    it(`${name}: normal approximation with and without continuity correction`, () => {
      for (const [key, correct] of [
        ["normal_correct", true],
        ["normal_uncorrected", false],
      ] as const) {
        const r = wilcoxonSignedRankTest(c.x, c.y, { convention: "r", exact: false, correct });
        expectClose(r.pValue, c[key].p_value, { ...TOL, label: `${name} ${key} p` });
        expectClose(r.estimate, c[key].estimate, { ...CI_TOL, label: `${name} ${key} estimate` });
        expectAllClose(r.ci!, c[key].conf_int, { ...CI_TOL, label: `${name} ${key} CI` });
      }
    });
    it(`${name}: SPSS (zeros dropped) = coin zero.method "Wilcoxon"; Pratt = coin zero.method "Pratt"`, () => {
      const s = wilcoxonSignedRankTest(c.x, c.y);
      expectClose(Math.abs(s.details.zSpss!), Math.abs(c.wilcoxon_zero.statistic), {
        ...TOL,
        label: `${name} |Z| SPSS`,
      });
      expectClose(s.pValue, c.wilcoxon_zero.p_value, { ...TOL, label: `${name} p SPSS` });
      const p = wilcoxonSignedRankTest(c.x, c.y, { zeroMethod: "pratt" });
      expectClose(p.details.z, c.pratt.statistic, { ...TOL, label: `${name} Z Pratt` });
      expectClose(p.pValue, c.pratt.p_value, { ...TOL, label: `${name} p Pratt` });
    });
    it(`${name}: exact: true = exactRankTests::wilcox.exact(paired = TRUE), ties and zeros allowed`, () => {
      const two = wilcoxonSignedRankTest(c.x, c.y, { convention: "r", exact: true });
      expectClose(two.pValue, c.exact_cond.two_sided.p_value, { ...TOL, label: `${name} exact two-sided` });
      const greater = wilcoxonSignedRankTest(c.x, c.y, { convention: "r", exact: true, alternative: "greater" });
      expectClose(greater.pValue, c.exact_cond.greater.p_value, { ...TOL, label: `${name} exact greater` });
    });
    it(`${name}: sign test = R binom.test`, () => {
      const r = signTest(c.x, c.y, { convention: "r" });
      expectClose(r.pValue, c.sign.p_value, { ...TOL, label: `${name} sign p` });
      expect(r.statistic).toBe(c.sign.statistic);
    });
  }

  it("zeros and ties by hand: d = [4, 4, 7, 0, 7, 3, 0, 4, 5, 2] (SPSS drops the two zeros)", () => {
    // non-zero |d| sorted: 2,3,4,4,4,5,7,7 → ranks 1,2,4,4,4,6,7.5,7.5; all positive: T+ = 36, T− = 0, n = 8
    // σ² = 8·9·17/24 − [(3³ − 3) + (2³ − 2)]/48 = 51 − 30/48 = 50.375; Z = (0 − 18)/sqrt(50.375)
    const s = wilcoxonSignedRankTest([5, 6, 7, 3, 8, 5, 4, 7, 6, 2], [1, 2, 0, 3, 1, 2, 4, 3, 1, 0]);
    expect(s.details.zeros).toBe(2);
    expect(s.details.Tplus).toBe(36);
    expect(s.statistic).toBe(36); // V = T+ under the SPSS convention too
    expectClose(s.details.zSpss, -18 / Math.sqrt(50.375), { rel: 1e-12, label: "SPSS Z" });
    expect(s.warnings).toContain("2 zero differences dropped before ranking");
  });

  it("sign test: SPSS exact for n ≤ 25, normal with continuity correction beyond", () => {
    // 20 positive, 6 negative (n = 26): Z = (6 + 0.5 − 13)/(0.5·sqrt(26))
    const x = Array.from({ length: 26 }, (_, i) => (i < 20 ? 2 : 0));
    const y = Array.from({ length: 26 }, () => 1);
    const big = signTest(x, y);
    expectClose(big.details.zSpss, (6 + 0.5 - 13) / (0.5 * Math.sqrt(26)), { rel: 1e-12, label: "sign Z" });
    expect(big.statistic).toBe(20); // the number of positive differences, as under the exact rule
    const small = signTest(x.slice(1), y.slice(1)); // n = 25: exact, 19 vs 6 → 2·P(X ≤ 6 | 25, ½)
    expect(small.method).toBe("Sign test (exact binomial)");
    let tail = 0;
    let choose = 1;
    for (let k = 0; k <= 6; k++) {
      tail += choose;
      choose = (choose * (25 - k)) / (k + 1);
    }
    expectClose(small.pValue, (2 * tail) / 2 ** 25, { rel: 1e-10, label: "sign exact p" });
  });
});

describe("Kruskal–Wallis and Friedman match R", () => {
  it("kruskal.test with ties", () => {
    const c = ref.kruskal;
    const r = kruskalWallisTest(c.values, c.groups);
    expectClose(r.statistic, c.result.statistic, { ...TOL, label: "H" });
    expect(r.df).toBe(c.result.parameter);
    expectClose(r.pValue, c.result.p_value, { ...TOL, label: "p" });
  });
  it("Kruskal–Wallis by hand without ties: ranks 1..6 in pairs, H = 12/(6·7)·(9 + 49 + 121)/2 − 21 = 32/7", () => {
    expectClose(kruskalWallisTest([1, 2, 3, 4, 5, 6], ["a", "a", "b", "b", "c", "c"]).statistic, 32 / 7, {
      rel: 1e-12,
    });
  });
  it("friedman.test with ties", () => {
    const c = ref.friedman;
    const r = friedmanTest(c.data);
    expectClose(r.statistic, c.result.statistic, { ...TOL, label: "Friedman X²" });
    expect(r.df).toBe(c.result.parameter);
    expectClose(r.pValue, c.result.p_value, { ...TOL, label: "p" });
  });
  it("Friedman names the incomplete row, or drops it on request and reports it", () => {
    const data = [...ref.friedman.data.map((r: number[]) => [...r]), [1, null, 3, 4]];
    expect(() => friedmanTest(data)).toThrow(/data\[7\]\[1\] = null: missing value/);
    const r = friedmanTest(data, { dropIncomplete: true });
    expectClose(r.statistic, ref.friedman.result.statistic, { ...TOL, label: "after drop" });
    expect(r.details.droppedRows).toEqual([7]);
    expect(r.warnings[0]).toMatch(/1 incomplete row\(s\) dropped/);
  });
});
