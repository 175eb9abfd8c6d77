import { describe, expect, it } from "vitest";
import { surv } from "../../src/survival/surv";
import { kaplanMeierByGroup } from "../../src/survival/kaplan-meier-by-group";
import { InputError } from "../../src/core/errors";

describe("kaplanMeierByGroup", () => {
  it("one curve per group, levels sorted, survival by hand", () => {
    // group 2: deaths at 1 and 3 of 2 at risk each time → S = 1/2, then 0.
    // group 10: death at 2 (2 at risk) → 1/2; censored at 4 → stays 1/2.
    const y = surv([1, 2, 3, 4], [1, 1, 1, 0]);
    const fits = kaplanMeierByGroup(y, [2, 10, 2, 10]);
    expect(fits.map((f) => f.label)).toEqual(["2", "10"]); // numeric collation, like R factor levels of numbers
    expect(fits.map((f) => f.n)).toEqual([2, 2]);
    expect(fits[0].fit.steps.map((s) => s.survival)).toEqual([0.5, 0]);
    expect(fits[1].fit.steps.map((s) => s.survival)).toEqual([0.5, 0.5]);
    expect(Object.isFrozen(fits)).toBe(true);
  });
  it("rejects mismatched length and bad labels with the index", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => kaplanMeierByGroup(y, ["a"])).toThrow(InputError);
    expect(() => kaplanMeierByGroup(y, ["a", Number.NaN])).toThrow(/groups\[1\]/);
  });
});
