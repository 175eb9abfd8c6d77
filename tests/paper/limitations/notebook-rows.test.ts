import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { coxFirth } from "../../../src/lib/survival/cox-firth";
import { coxBootstrap, screenMultiplicity, simulateSelection } from "../../../src/lib";
import { screenMultiplicityRows, selectionScenarioRows, smallSampleRows } from "../../../src/paper/limitations";

describe("table rows for notebook 06", () => {
  it("smallSampleRows puts ML, Firth and bootstrap side by side per covariate", () => {
    const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1]);
    const x = { names: ["a"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]] };
    const fit = coxPH(y, x, { ties: "breslow" });
    const firth = coxFirth(y, x, { ties: "breslow" });
    const boot = coxBootstrap(y, x, { ties: "breslow", replicates: 19, seed: 1 });
    const rows = smallSampleRows(fit, firth, boot);
    expect(rows.map((r) => r.method)).toEqual(["maximum likelihood", "Firth", "bootstrap"]);
    expect(rows[0]).toMatchObject({
      B: fit.terms[0].coef,
      HR: fit.terms[0].hazardRatio,
      lower: fit.terms[0].ciLower,
      interval: "Wald 95%",
    });
    expect(rows[1]).toMatchObject({ B: firth.terms[0].coef, upper: firth.terms[0].ciUpper });
    expect(rows[2]).toMatchObject({ B: fit.terms[0].coef, lower: boot.terms[0].hazardRatioLower });
    expect(rows[2].interval).toMatch(/^percentile 95%, 19 resamples; bootstrap mean of B -?\d\.\d{3}, SE \d+\.\d{3}$/);
  });

  it("screenMultiplicityRows flattens the bounds per method", () => {
    const r = screenMultiplicity([{ label: "x", p: 0.01 }], {
      tests: 5,
      unreportedAbove: 0.05,
      methods: ["bonferroni", "holm"],
    });
    // Hand: Bonferroni 5 × 0.01 = 0.05; Holm step 1 the same. 0.05 is not < 0.05.
    expect(screenMultiplicityRows(r)).toEqual([
      { factor: "x", "printed p": 0.01, "bonferroni ≥": 0.05, "holm ≥": 0.05, "survives any at α = 0.05": "no" },
    ]);
  });

  it("selectionScenarioRows runs simulateSelection per scenario on the same seed", () => {
    const base = {
      n: 55,
      replicates: 50,
      seed: 9,
      survival: { median: 12 },
      followUp: { rule: "none" as const, minimumMonths: 12, potentialMonths: [15, 87] as const },
    };
    const rows = selectionScenarioRows(base, [
      { label: "perfect", prognosis: { minimumMonths: 3, errorSd: 0 }, rule: "none", lossRate: 0.02 },
    ]);
    const direct = simulateSelection({
      ...base,
      prognosis: { minimumMonths: 3, errorSd: 0 },
      followUp: { ...base.followUp, lossRate: 0.02 },
    });
    expect(rows[0]).toEqual({
      scenario: "perfect",
      "included of n": direct.selected.meanN,
      "KM median": direct.selected.meanMedian,
      "true median": 12,
      "1-year survival %": 100 * direct.selected.meanSurvivalAtHorizon,
      "true 1-year %": 100 * 2 ** -1,
      "median not reached (replicates)": direct.selected.medianMissing,
    });
  });
});
