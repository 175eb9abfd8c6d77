import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { restrictedMean } from "../../../src/lib/survival/restricted-mean";
import { spssMeanSurvival } from "../../../src/lib/survival/spss-mean-survival";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

// restrictedMean (RMST) and spssMeanSurvival against R's survmean, past the last time too, and by hand.
interface Dataset {
  time: number[];
  status: number[];
  rmean: { tau: number; rmean: number; se: number; max_time: number; rmean_individual: number; se_individual: number };
}
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<string, Dataset>;
  rmean_beyond: { dataset: string; tau: number; rmean: number; se: number }[];
};

describe.each(Object.entries(fixture.datasets))("restricted and SPSS mean vs R survmean: %s", (name, d) => {
  it("restricted mean and SPSS mean = R survmean (rmean = tau, rmean = 'individual')", () => {
    const fit = kaplanMeier(surv(d.time, d.status));
    const r = restrictedMean(fit, d.rmean.tau);
    expectClose(r.estimate, d.rmean.rmean, { label: `${name} rmean(${d.rmean.tau})` });
    expectClose(r.se, d.rmean.se, { label: `${name} se(rmean)` });
    const m = spssMeanSurvival(fit);
    expect(m.tau).toBe(d.rmean.max_time);
    expectClose(m.estimate, d.rmean.rmean_individual, { label: `${name} SPSS mean` });
    expectClose(m.se, d.rmean.se_individual, { label: `${name} SPSS mean SE` });
    expectClose(m.upper - m.estimate, 1.959963984540054 * m.se, { label: "symmetric CI" });
  });
});

describe.each(fixture.rmean_beyond.map((r) => [r.dataset, r] as const))(
  "restricted mean past the last time vs R survmean: %s",
  (name, ref) => {
    it(`τ = 1.5 × largest time`, () => {
      const d = fixture.datasets[name];
      const m = restrictedMean(kaplanMeier(surv(d.time, d.status)), ref.tau);
      expectClose(m.estimate, ref.rmean, { label: `${name} rmean τ = ${ref.tau}` });
      expectClose(m.se, ref.se, { label: `${name} se(rmean) τ = ${ref.tau}` });
    });
  },
);

describe("by hand", () => {
  it("restricted mean with censoring, written out", () => {
    // times 2 (death), 3 (censored), 5 (death), 8 (censored); n = 4. S = 1 on [0, 2), 0.75 on [2, 5), 0.375 on [5, ∞).
    // RMST(6) = 2·1 + 3·0.75 + 1·0.375 = 4.625.
    // Var: death at 2: A = 3·0.75 + 1·0.375 = 2.625, d/(n(n−d)) = 1/(4·3); death at 5: A = 0.375, 1/(2·1).
    // Var = 2.625²/12 + 0.375²/2 = 0.57422 + 0.070313 = 0.64453; SE = 0.80283.
    const r = restrictedMean(kaplanMeier(surv([2, 3, 5, 8], [1, 0, 1, 0])), 6);
    expect(r.estimate).toBeCloseTo(4.625, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(2.625 ** 2 / 12 + 0.375 ** 2 / 2), 12);
  });

  it("names a bad tau", () => {
    expect(() => restrictedMean(kaplanMeier(surv([1, 2, 3, 4], [1, 1, 0, 1])), 0)).toThrow(/tau = 0/);
  });
});
