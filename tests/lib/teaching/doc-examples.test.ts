import { describe, expect, it } from "vitest";
import { followUpFigure, schoenfeldFigure } from "../../../src/lib/figures";
import { surv } from "../../../src/lib/survival";
import {
  censoringScenarios,
  greenwoodByHand,
  handCheck,
  kmTableByHand,
  logRankByHand,
  medianByHand,
  partialLikelihoodByHand,
} from "../../../src/lib/teaching";

// Each runnable @example of src/lib/teaching (and the teaching figures), with the output its doc comment states.
describe("doc-comment examples of src/lib/teaching", () => {
  it("kmTableByHand", () => {
    expect(kmTableByHand(surv([2, 3, 4], [1, 0, 1])).rows.map((r) => r.working)).toEqual([
      "1 death of 3 at risk: S = 1 × (1 − 1/3) = 0.6667",
      "1 censored: leaves the risk set, S stays 0.6667",
      "1 death of 1 at risk: S = 0.6667 × (1 − 1/1) = 0",
    ]);
  });
  it("greenwoodByHand", () => {
    expect(greenwoodByHand(surv([1, 2, 3], [1, 1, 0])).rows[1].se).toBeCloseTo(0.2721655, 7);
  });
  it("medianByHand", () => expect(medianByHand(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1])).median).toBe(3.5));
  it("logRankByHand", () => {
    expect(logRankByHand(surv([1, 2, 3, 4], [1, 1, 1, 1]), ["a", "b", "a", "b"]).expectedA).toBeCloseTo(4 / 3, 12);
  });
  it("partialLikelihoodByHand", () => {
    expect(partialLikelihoodByHand(surv([1, 2], [1, 1]), [1, 0], 0).loglik).toBeCloseTo(-Math.LN2, 7);
  });
  it("handCheck", () => {
    expect(handCheck([{ quantity: "S(6)", byHand: 0.5625, library: 0.5625000000000001 }]).allAgree).toBe(true);
  });
  it("censoringScenarios", () => {
    const s = censoringScenarios(surv([2, 4, 6], [1, 1, 1]), 1, [3]).scenarios[0].steps.map((r) => r.survival);
    expect(s.map((v) => Number(v.toFixed(4)))).toEqual([0.6667, 0.6667, 0]);
  });
  it("followUpFigure and schoenfeldFigure", () => {
    expect(
      followUpFigure([
        { label: "1", time: 2, event: 1 },
        { label: "2", time: 3, event: 0 },
      ]).data.length,
    ).toBe(5);
    expect(
      schoenfeldFigure({ names: ["x"], time: [1, 2, 3, 4], y: [[1], [0.5], [0], [-0.5]] }, "x", { bins: 2 }).data
        .length,
    ).toBe(3);
  });
});
