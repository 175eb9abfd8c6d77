import { describe, expect, it } from "vitest";
import { tTest } from "../../../src/lib/hypothesis";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { type RCase, ref } from "./fixture";

const TOL = { rel: 1e-6 };
const t = ref.t;

describe("t-tests match R t.test", () => {
  const cases: [string, () => ReturnType<typeof tTest>, RCase][] = [
    ["Welch two-sample (R default)", () => tTest(t.x, t.y), t.welch],
    ["Student pooled", () => tTest(t.x, t.y, { varEqual: true }), t.student],
    [
      "Welch one-sided greater, 90% CI",
      () => tTest(t.x, t.y, { alternative: "greater", confLevel: 0.9 }),
      t.welch_greater,
    ],
    ["paired", () => tTest(t.x.slice(0, 6), t.y, { paired: true }), t.paired],
    ["one-sample mu = 55", () => tTest(t.x, undefined, { mu: 55 }), t.one_sample],
  ];
  for (const [name, run, expected] of cases) {
    it(`${name}: t, df, p, estimate and CI`, () => {
      const r = run();
      expectClose(r.statistic, expected.statistic, { ...TOL, label: `${name} t` });
      expectClose(r.df, expected.parameter, { ...TOL, label: `${name} df` });
      expectClose(r.pValue, expected.p_value, { ...TOL, label: `${name} p` });
      const est = Array.isArray(expected.estimate) ? expected.estimate[0] - expected.estimate[1] : expected.estimate;
      expectClose(r.estimate, est, { ...TOL, label: `${name} estimate` });
      expectAllClose(r.ci!, expected.conf_int, { ...TOL, label: `${name} CI` });
    });
  }

  it("one-sample by hand: x = [1, 2, 3, 4], mu = 1 → t = 1.5/(sd/2), sd = sqrt(5/3)", () => {
    const r = tTest([1, 2, 3, 4], undefined, { mu: 1 });
    expectClose(r.statistic, 1.5 / (Math.sqrt(5 / 3) / 2), { rel: 1e-12 });
    expect(r.df).toBe(3);
    expect(r.convention).toBe("R stats::t.test(x, mu) = SPSS 27 T-TEST /TESTVAL");
  });
});
