import { describe, expect, it } from "vitest";
import { localSearch } from "../../../src/paper/reconstruct/local-search";
import { designSample, quartileMissAt } from "../../../src/paper/reconstruct/sample-design";
import { shippedTargets } from "../../../src/paper/reconstruct/targets";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { quantileAttainable } from "../../../src/paper/audit/check-quantile-feasibility";
import { printedMiss, pThresholdMiss } from "../../../src/paper/reconstruct/printed-miss";
import { assignLevels, proportionalDeaths } from "../../../src/paper/reconstruct/allocate";
import { patternsForCells, rankedOneYearData } from "../../../src/paper/reconstruct/death-order";
import { createRng } from "../../../src/lib/core/rng";
import { mannWhitneyZ } from "../../../src/paper/reconstruct/mann-whitney-z";
import { mannWhitneyTest } from "../../../src/lib/hypothesis/mann-whitney-test";

describe("designSample finds samples with given SPSS quartiles", () => {
  it("5 integers in 0..10 with median 4 and quartiles (2, 7): checked by hand with type-6 positions 1.5, 3, 4.5", () => {
    const grid = Array.from({ length: 11 }, (_, k) => k);
    for (const seed of [1, 2, 3]) {
      const { values, loss } = designSample({
        n: 5,
        grid,
        targets: { median: "4.00", p25: "2.00", p75: "7.00" },
        rng: createRng(seed),
      });
      const [x1, x2, x3, x4, x5] = values; // sorted
      const label = `seed ${seed}: ${JSON.stringify(values)}`;
      expect(loss, label).toBe(0);
      expect(x1 + 0.5 * (x2 - x1), label).toBe(2); // P25 at position 0.25·6 = 1.5
      expect(x3, label).toBe(4); // median at position 3
      expect(x4 + 0.5 * (x5 - x4), label).toBe(7); // P75 at position 4.5
      values.forEach((v) => {
        expect(grid, label).toContain(v);
      });
    }
  });

  it("a quartile between grid values: 32 ODI-like scores (steps 2 and 2.5) with P75 48.75 = 45 + 0.75·(50 − 45) (position 0.75·33 = 24.75)", () => {
    const grid = [
      ...new Set([...Array.from({ length: 51 }, (_, k) => 2 * k), ...Array.from({ length: 41 }, (_, k) => 2.5 * k)]),
    ].sort((a, b) => a - b);
    // 48.75 is not on the grid, and from a tight start no single-element move reaches a pair
    // printing it; the start places the tightest such pair at positions 24 and 25.
    const { values, loss } = designSample({
      n: 32,
      grid,
      targets: { median: "30.00", p75: "48.75" },
      rng: createRng(3),
      maxIterations: 2000,
    });
    expect(loss, JSON.stringify(values)).toBe(0);
    expect(values[23] + 0.75 * (values[24] - values[23])).toBeCloseTo(48.75, 10);
  });

  it("8 integers with mean 4.50 and SD 2.00 (hand: sum 36, sum of squares 190)", () => {
    const { values, loss } = designSample({
      n: 8,
      grid: Array.from({ length: 11 }, (_, k) => k),
      targets: { mean: "4.50", sd: "2.00" },
      rng: createRng(7),
    });
    const sum = values.reduce((s, v) => s + v, 0);
    const ss = values.reduce((s, v) => s + (v - sum / 8) ** 2, 0);
    expect(loss, JSON.stringify(values)).toBe(0);
    expect(sum).toBe(36);
    // SD prints 2.00: sqrt(ss / 7) in [1.995, 2.005) → ss in [27.86, 28.14]; integer data with mean 4.5 give ss = 28
    expect(ss).toBe(28);
  });
});

describe("quartileMissAt: how near n values on a scale can come to printed quartiles", () => {
  it("by hand: the median of 4 integers is whole or half, so 1.25 is missed by 0.25 − 0.005 = 24.5 units of 0.01 (+ 0.001)", () => {
    expect(quartileMissAt(4, [0, 1, 2], { median: "1.25" })).toBeCloseTo(24.501, 9);
    expect(quartileMissAt(4, [0, 1, 2], { median: "1.50" })).toBe(0);
    expect(quartileMissAt(5, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { median: "4", p25: "2", p75: "7" })).toBe(0);
  });

  it("is 0 exactly when the audit's independent quantileAttainable finds a witness (ODI scale, Table 1's 3- and 6-month P75, n = 30..55)", () => {
    const registry = loadRegistry();
    const grid = shippedTargets().scoreGrids.odi;
    for (const id of ["t1.odi.3m.q3", "t1.odi.6m.q3", "t1.odi.1m.q3", "t1.odi.pre.median"]) {
      const entry = registry.get(id);
      const p = id.endsWith("q3") ? 0.75 : 0.5;
      for (let n = 30; n <= 55; n++) {
        const miss = quartileMissAt(n, grid, p === 0.75 ? { p75: entry.value } : { median: entry.value });
        expect(miss === 0, `${id} (${entry.value}) at n = ${n}: miss ${miss}`).toBe(
          quantileAttainable(entry, p, n, grid) !== null,
        );
      }
    }
  });
});

describe("localSearch", () => {
  it("finds three integers in 0..9 summing to 12 and is deterministic for a seed", () => {
    const run = () =>
      localSearch({
        initial: [Int32Array.from([0, 0, 0])],
        objective: ([v]) => Math.abs(v[0] + v[1] + v[2] - 12),
        moves: { bounds: [[0, 9]] },
        rng: createRng(5),
      });
    const a = run();
    const b = run();
    expect(a.loss).toBe(0);
    expect(Array.from(a.state[0]).reduce((s, x) => s + x, 0)).toBe(12);
    expect(Array.from(a.state[0])).toEqual(Array.from(b.state[0]));
  });

  it("swap moves keep the multiset", () => {
    const r = localSearch({
      initial: [Int32Array.from([5, 1, 4, 2, 3])],
      objective: ([v]) => (v[0] < v[4] ? 0 : 1),
      moves: { swapBlocks: [0] },
      rng: createRng(1),
    });
    expect(Array.from(r.state[0]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.loss).toBe(0);
  });

  it("nearest-value moves create ties: five distinct values become one", () => {
    const distinct = ([v]: Int32Array[]) => new Set(v).size - 1;
    const r = localSearch({
      initial: [Int32Array.from([1, 4, 6, 8, 9])],
      objective: distinct,
      moves: { bounds: [[0, 9]], maxStep: 1, copyBlocks: [0] },
      rng: createRng(2),
      maxIterations: 2000,
    });
    expect(r.loss).toBe(0);
  });

  it("refuses an initial value outside the bounds, naming it", () => {
    expect(() =>
      localSearch({
        initial: [Int32Array.from([0, 12])],
        objective: () => 0,
        moves: { bounds: [[0, 9]] },
        rng: createRng(1),
      }),
    ).toThrow(/initial\[0\]\[1\] = 12/);
  });
});

describe("mannWhitneyZ (the search's fast Z)", () => {
  it("equals mannWhitneyTest's SPSS Z, and by hand the untied Z of U = 15, m = 10, n = 8: (15 − 40)/√(80·19/12) = −2.221", () => {
    const x = [5, 3, 7, 7, 2, 8, 5, 9, 6, 5];
    const y = [1, 3, 2, 4, 5, 3, 2, 6];
    const r = mannWhitneyZ(x, y);
    expect(r.z).toBeCloseTo(-2.244593, 6); // mannWhitneyTest's documented (R/SPSS-checked) value
    expect(r.untiedZ).toBeCloseTo(-25 / Math.sqrt((80 * 19) / 12), 12);
    const rng = createRng(11);
    for (let k = 0; k < 20; k++) {
      const a = Array.from({ length: 5 + rng.int(30) }, () => rng.int(12));
      const b = Array.from({ length: 5 + rng.int(30) }, () => rng.int(12));
      expect(mannWhitneyZ(a, b).z, JSON.stringify([a, b])).toBeCloseTo(mannWhitneyTest(a, b).details.zSpss, 12);
    }
  });
});

describe("printed-precision losses", () => {
  it("printedMiss is 0 exactly when the value prints as published", () => {
    expect(printedMiss(10.625, "10.63")).toBe(0); // half away from zero, as SPSS displays
    expect(printedMiss(-2.3525, "-2.353")).toBe(0);
    expect(printedMiss(10.61, "10.63")).toBeCloseTo(1.501, 10); // |10.61 − 10.63| − 0.005 = 0.015 → 1.5 units
    expect(printedMiss(NaN, "1.00")).toBe(1e6);
  });
  it("pThresholdMiss keeps a margin around the threshold", () => {
    expect(pThresholdMiss(0.01, "below")).toBe(0);
    expect(pThresholdMiss(0.046, "below")).toBeCloseTo(0.2, 10); // (0.046 − 0.045) / 0.005
    expect(pThresholdMiss(0.2, "above")).toBe(0);
  });
});

describe("categorical allocation", () => {
  it("proportionalDeaths: largest remainder (hand: 45·23/55 = 18.82, 4·23/55 = 1.67, 2.09, 0.42 → 19, 2, 2, 0)", () => {
    expect(proportionalDeaths([45, 4, 5, 1], 23, 55)).toEqual([19, 2, 2, 0]);
    expect(() => proportionalDeaths([1, 2], 1, 4)).toThrow(/counts sum to 3, not 4/);
  });
  it("assignLevels puts exactly the requested counts in each outcome group", () => {
    const died = [1, 1, 0, 0, 0] as (0 | 1)[];
    const levels = assignLevels([2, 3], [1, 1], died, createRng(3));
    expect(levels.filter((l, i) => l === 0 && died[i] === 1).length).toBe(1);
    expect(levels.filter((l, i) => l === 0 && died[i] === 0).length).toBe(1);
    expect(levels.filter((l) => l === 1).length).toBe(3);
  });
  it("Table 5 margins determine the joint cells up to (x, y)", () => {
    const { deaths, survivors } = patternsForCells({ x: 2, y: 6 });
    const count = (ps: number[], bit: number) => ps.filter((p) => (p & bit) !== 0).length;
    expect([deaths.length, count(deaths, 1), count(deaths, 2), deaths.filter((p) => p === 0).length]).toEqual([
      23, 19, 8, 2,
    ]);
    expect([
      survivors.length,
      count(survivors, 1),
      count(survivors, 2),
      survivors.filter((p) => p === 0).length,
    ]).toEqual([32, 17, 22, 6]);
  });
  it("rankedOneYearData merges same-day deaths and censors survivors after the last death", () => {
    const d = rankedOneYearData([1, 3, 0], [1, 0], [2, 0]);
    expect(d.time).toEqual([1, 1, 2, 3, 3]);
    expect(d.event).toEqual([1, 1, 1, 0, 0]);
    expect(d.visceral).toEqual([1, 1, 0, 0, 0]);
    expect(d.bma).toEqual([0, 1, 0, 1, 0]);
  });
});
