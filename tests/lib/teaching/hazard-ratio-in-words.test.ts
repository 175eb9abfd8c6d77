import { describe, expect, it } from "vitest";
import type { CoxTerm } from "../../../src/lib/survival";
import { hazardRatioInWords } from "../../../src/lib/teaching";

const term = (hr: number, lo: number, hi: number, p: number): CoxTerm => ({
  name: "x",
  coef: Math.log(hr),
  se: 0.1,
  naiveSe: 0.1,
  wald: 1,
  z: 1,
  pValue: p,
  hazardRatio: hr,
  ciLower: lo,
  ciUpper: hi,
});

describe("hazardRatioInWords", () => {
  it("describes a group comparison as a percentage lower or higher hazard", () => {
    expect(hazardRatioInWords(term(0.58, 0.41, 0.8, 0.00099), { exposure: "Women", reference: "men" })).toBe(
      "Women had a 42% lower hazard of death than men (HR 0.58, 95% CI 0.41 to 0.80; p < 0.001).",
    );
    expect(
      hazardRatioInWords(term(1.3, 0.88, 1.93, 0.193), { exposure: "Test", reference: "standard", adjustedFor: "age" }),
    ).toBe(
      "Test, adjusted for age, had a 30% higher hazard of death than standard (HR 1.30, 95% CI 0.88 to 1.93; p = 0.193): " +
        "the data are compatible with no difference.",
    );
  });
  it("uses 'times the hazard' from HR 2 on", () => {
    expect(hazardRatioInWords(term(3.17, 1.78, 5.65, 0.0001), { exposure: "Adeno", reference: "squamous" })).toBe(
      "Adeno had 3.2 times the hazard of death of squamous (HR 3.17, 95% CI 1.78 to 5.65; p < 0.001).",
    );
  });
  it("raises a continuous covariate's HR and interval to the power of the step", () => {
    // 0.969^10 = 0.7298…, 0.9595^10 = 0.6616…, 0.9791^10 = 0.8094…
    expect(
      hazardRatioInWords(term(0.969, 0.9595, 0.9791, 1e-9), {
        exposure: "the Karnofsky score",
        per: 10,
        unit: "points",
      }),
    ).toBe(
      "Each 10 points more of the Karnofsky score went with a 27% lower hazard of death (HR 0.73, 95% CI 0.66 to 0.81; p < 0.001).",
    );
  });
  it("opens with a lead when asked", () => {
    expect(
      hazardRatioInWords(term(0.63, 0.56, 0.71, 1e-12), {
        exposure: "the score",
        per: 1,
        unit: "point",
        lead: "Early",
      }),
    ).toBe(
      "Early, each point more of the score went with a 37% lower hazard of death (HR 0.63, 95% CI 0.56 to 0.71; p < 0.001).",
    );
  });
  it("refuses a term that was not estimated", () => {
    expect(() => hazardRatioInWords({ ...term(1, 1, 1, 1), hazardRatio: null }, { exposure: "x" })).toThrow(
      /term.hazardRatio = null/,
    );
    expect(() => hazardRatioInWords(term(1, 0.5, 2, 1), { exposure: "" })).toThrow(/options.exposure/);
  });
});
