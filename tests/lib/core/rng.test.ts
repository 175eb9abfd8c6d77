import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/lib/core/rng";

// Known answers: moments of the target distributions, checked to within 4 Monte Carlo SEs.
describe("createRng", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const draws = (r: ReturnType<typeof createRng>) => [r.next(), r.exponential(2), r.normal(), r.int(10)];
    expect(draws(a)).toEqual(draws(b));
    expect(draws(createRng(7))).not.toEqual(draws(c));
  });

  it("exponential(rate) has mean 1/rate and variance 1/rate²", () => {
    const rng = createRng(11);
    const n = 200_000;
    const rate = 0.25; // mean 4, sd 4
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.exponential(rate);
      expect(x).toBeGreaterThanOrEqual(0);
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    expect(Math.abs(mean - 4)).toBeLessThan(4 * (4 / Math.sqrt(n)));
    expect(Math.abs(variance - 16) / 16).toBeLessThan(0.03);
  });

  it("normal() has mean 0, variance 1 and P(Z ≤ 1.96) ≈ 0.975", () => {
    const rng = createRng(3);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (z <= 1.959964) below++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(below / n - 0.975)).toBeLessThan(4 * Math.sqrt((0.975 * 0.025) / n));
  });
});
