import { describe, expect, it } from "vitest";
import { adjustedSurvival } from "../../../src/lib/survival/cox-adjusted-survival";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { survfitCox } from "../../../src/lib/survival/cox-survfit";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { curves, fitSpec } from "./curves-fixtures";

describe("adjustedSurvival matches R rowMeans(survfit(fit, newdata)$surv) on lung, veteran and aml", () => {
  // biome-ignore lint/suspicious/noExplicitAny: R's adjusted curves from the fixture
  for (const a of curves.adjusted as any[]) {
    it(`${a.spec} by ${a.column}`, () => {
      const { fit } = fitSpec(a.spec);
      // biome-ignore lint/suspicious/noExplicitAny: fixture rows
      const groups = a.curves.map((c: any) => ({ label: `${a.column} = ${c.value}`, set: { [a.column]: c.value } }));
      const adj = adjustedSurvival(fit, { groups });
      // biome-ignore lint/suspicious/noExplicitAny: fixture rows
      a.curves.forEach((c: any, g: number) => {
        const ours = adj.curves[g];
        expect(ours.time).toEqual(c.time);
        ours.surv.forEach((s, i) => {
          expectClose(s, c.surv[i], { rel: 1e-6, label: `${a.spec} group ${g} surv[${i}]` });
        });
      });
    });
  }
});

describe("adjustedSurvival by hand", () => {
  const y = surv([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0]);
  const x = {
    names: ["g", "age"],
    columns: [
      [0, 1, 0, 1, 0, 1],
      [50, 60, 70, 55, 65, 45],
    ],
  };
  const fit = coxPH(y, x);
  it("equals the mean of survfitCox's curves for the population with the group's value", () => {
    const adj = adjustedSurvival(fit, { groups: [{ label: "g = 1", set: { g: 1 } }] });
    const sf = survfitCox(fit, { newdata: { g: [1, 1, 1, 1, 1, 1], age: x.columns[1] }, seFit: false });
    adj.curves[0].surv.forEach((s, t) => {
      const mean = sf.curves.reduce((acc, c) => acc + c.surv[t], 0) / 6;
      expect(s).toBeCloseTo(mean, 14);
    });
  });
  it("a population of one row gives that row's predicted curve", () => {
    const adj = adjustedSurvival(fit, { groups: [{ label: "g0", set: { g: 0 } }], population: { g: [1], age: [58] } });
    const sf = survfitCox(fit, { newdata: { g: [0], age: [58] }, seFit: false });
    adj.curves[0].surv.forEach((s, t) => {
      expect(s).toBeCloseTo(sf.curves[0].surv[t], 14);
    });
  });
  it("input errors name the group and covariate", () => {
    expect(() => adjustedSurvival(fit, { groups: [] })).toThrow(/options\.groups/);
    expect(() => adjustedSurvival(fit, { groups: [{ label: "x", set: { sex: 1 } }] })).toThrow(
      /"sex" is not a covariate/,
    );
    expect(() => adjustedSurvival(fit, { groups: [{ label: "x", set: { g: Number.NaN } }] })).toThrow(
      /options\.groups\[0\]\.set\.g = NaN/,
    );
    const strat = coxPH(y, { names: ["age"], columns: [x.columns[1]] }, { strata: x.columns[0] });
    expect(() => adjustedSurvival(strat, { groups: [{ label: "a", set: { age: 50 } }] })).toThrow(/stratified/);
  });
});
