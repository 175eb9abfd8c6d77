import { describe, expect, it } from "vitest";
import { eValue, pAdjust } from "../../../src/lib/hypothesis";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { ref } from "./fixture";

describe("pAdjust matches R p.adjust", () => {
  for (const method of ["bonferroni", "holm", "hochberg", "BH"] as const) {
    it(method, () => {
      expectAllClose(pAdjust(ref.p_adjust.p, { method }), ref.p_adjust[method], {
        rel: 1e-12,
        label: method,
        input: ref.p_adjust.p,
      });
    });
  }
  it("Holm by hand on [0.01, 0.04, 0.03]: 3·0.01, max(0.03, 2·0.03), max(0.06, 1·0.04)", () => {
    expectAllClose(pAdjust([0.01, 0.04, 0.03], { method: "holm" }), [0.03, 0.06, 0.06], { rel: 1e-12 });
  });
});

describe("E-values (VanderWeele & Ding 2017, Ann Intern Med 167:268), hand formulas", () => {
  const e = (rr: number) => rr + Math.sqrt(rr * (rr - 1)); // E = RR + sqrt(RR(RR − 1))

  it("the paper's worked example RR 3.9 (1.8, 8.7): E = 3.9 + sqrt(3.9·2.9) = 7.26; CI: 1.8 + sqrt(1.8·0.8) = 3.0", () => {
    const r = eValue(3.9, { measure: "RR", lower: 1.8, upper: 8.7 });
    expectClose(r.eValuePoint, 3.9 + Math.sqrt(3.9 * 2.9), { rel: 1e-12 });
    expect(r.eValuePoint.toFixed(2)).toBe("7.26");
    expectClose(r.eValueCi, 3.0, { rel: 1e-12, label: "CI E-value" });
  });

  it("protective estimate: RR 0.5 (0.3, 0.9) uses 1/RR and the upper limit: E(2), E(1/0.9)", () => {
    const r = eValue(0.5, { measure: "RR", lower: 0.3, upper: 0.9 });
    expectClose(r.eValuePoint, 2 + Math.sqrt(2), { rel: 1e-12 });
    expectClose(r.eValueCi, e(1 / 0.9), { rel: 1e-12 });
  });

  it("a CI that includes 1 gives a CI E-value of 1", () => {
    expect(eValue(1.5, { measure: "RR", lower: 0.9, upper: 2.5 }).eValueCi).toBe(1);
  });

  it("paper Table 6 visceral metastases HR 3.538 (1.191, 10.516), rare-outcome approximation RR ≈ HR", () => {
    const r = eValue(3.538, { measure: "HR", lower: 1.191, upper: 10.516 });
    expectClose(r.eValuePoint, 3.538 + Math.sqrt(3.538 * 2.538), { rel: 1e-12 });
    expectClose(r.eValueCi, 1.191 + Math.sqrt(1.191 * 0.191), { rel: 1e-12 });
  });

  it("common outcome (23/55 = 42% died > 15%): RR = (1 − 0.5^sqrt(HR))/(1 − 0.5^sqrt(1/HR))", () => {
    const conv = (hr: number) => (1 - 0.5 ** Math.sqrt(hr)) / (1 - 0.5 ** Math.sqrt(1 / hr));
    const r = eValue(3.538, { measure: "HR", lower: 1.191, upper: 10.516, rareOutcome: false });
    expectClose(r.riskRatio, conv(3.538), { rel: 1e-12 });
    expectClose(r.eValuePoint, e(conv(3.538)), { rel: 1e-12 });
    expectClose(r.eValueCi, e(conv(1.191)), { rel: 1e-12 });
    // BMA HR 0.327 (0.136, 0.784): protective, CI limit closest to 1 is 0.784
    const b = eValue(0.327, { measure: "HR", lower: 0.136, upper: 0.784, rareOutcome: false });
    expectClose(b.eValuePoint, e(1 / conv(0.327)), { rel: 1e-12 });
    expectClose(b.eValueCi, e(1 / conv(0.784)), { rel: 1e-12 });
  });

  it("common-outcome odds ratio uses sqrt(OR): OR 4 → RR 2 → E = 2 + sqrt(2)", () => {
    expectClose(eValue(4, { measure: "OR", rareOutcome: false }).eValuePoint, 2 + Math.sqrt(2), { rel: 1e-12 });
  });
});
