import { describe, expect, it } from "vitest";
import { interimKmMedian } from "../../src/reproduction/internal/interim-km-median";
import { expectClose } from "../helpers/expect-close";

describe("SPSS-style Kaplan–Meier median CI (interim kernel), by hand", () => {
  it("10 deaths at 1..10: median 5, SE = 0.5·√0.1 / 0.1, CI 5 ± 1.96·1.5811", () => {
    // S: 0.9 … 0.5 at t = 5 (median); u = 4 (last S ≥ 0.55, S = 0.6); l = 6 (first S ≤ 0.45, S = 0.4);
    // density (0.6 − 0.4)/(6 − 4) = 0.1; Greenwood Σ d/(n(n−d)) over t ≤ 5 telescopes to 1/5 − 1/10 = 0.1;
    // SE(S) = 0.5·√0.1 = 0.158114; SE(median) = 1.581139; 1.959964·1.581139 = 3.098975.
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = interimKmMedian(t, t.map(() => 1));
    expect(r.median).toBe(5);
    expect(interimKmMedian(t, t.map(() => 1), 3.5).survivalAt).toBeCloseTo(0.7, 12); // 3 of 10 died by 3.5
    expectClose(r.se, 1.5811388300841898, { label: "SE(median)" });
    expectClose(r.lower, 5 - 1.959963984540054 * 1.5811388300841898, { label: "lower" });
    expectClose(r.upper, 5 + 1.959963984540054 * 1.5811388300841898, { label: "upper" });
  });
  it("returns NaN when S never reaches 0.5; S(t) uses product-limit with censoring", () => {
    const r = interimKmMedian([1, 2, 3], [1, 0, 0], 5);
    expect(r.median).toBeNaN();
    expect(interimKmMedian([1, 2, 3, 4], [0, 1, 0, 1], 3).survivalAt).toBeCloseTo(2 / 3, 12); // (1 − 1/3) after a censoring at 1
  });
});
