import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import {
  landmarkAnalyses,
  landmarkAnalysis,
  mantelByarTest,
  simonMakuch,
  simulateImmortalTime,
  splitAtTreatment,
  timeDependentCox,
} from "../../../src/lib";

// Each @example of the immortal-time functions, run as written.
describe("doc-comment examples of the immortal-time functions", () => {
  const time = [5, 8, 12, 20, 3, 9];
  const event = [1, 1, 0, 1, 1, 0];
  const tt = [null, 2, 4, null, null, 1];
  it("splitAtTreatment", () =>
    expect(splitAtTreatment(surv([10, 6, 8], [1, 0, 1]), [4, null, 8]).treated).toEqual([0, 1, 0, 0]));
  it("timeDependentCox", () =>
    expect(timeDependentCox(surv(time, event), tt).terms[0].name).toBe("treatment (time-dependent)"));
  it("mantelByarTest", () => expect(mantelByarTest(surv(time, event), tt).df).toBe(1));
  it("simonMakuch", () =>
    expect(simonMakuch(surv(time, event), tt).groups.map((g) => g.label)).toEqual(["not (yet) treated", "treated"]));
  it("landmarkAnalysis", () => expect(landmarkAnalysis(surv(time, event), tt, 3).n).toBe(5));
  it("landmarkAnalyses", () => expect(landmarkAnalyses(surv(time, event), tt, [1, 3]).map((r) => r.n)).toEqual([6, 5]));
  it("simulateImmortalTime", () => {
    const r = simulateImmortalTime({
      n: 200,
      replicates: 20,
      seed: 1,
      baselineHazard: 0.05,
      treatedFraction: 0.5,
      treatmentDelay: { kind: "uniform", min: 0, max: 6 },
      trueHazardRatio: 1,
      followUp: 12,
    });
    expect(r.summaries[0].medianHr < 1).toBe(true);
  });
});
