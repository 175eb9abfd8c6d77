import { describe, expect, it } from "vitest";
import { rankedOneYearData, type Pattern } from "../../../src/paper/reconstruct/death-order";
import { meetInTheMiddle } from "../../../src/paper/reconstruct/death-order-meet";
import {
  ACC,
  accumulateRange,
  forEachArrangement,
  patternCoxFit,
  patternCounts,
  predictEstimate,
  segmentArrangements,
  weights,
} from "../../../src/paper/reconstruct/pattern-cox";
import { coxTable6Arrays } from "../../../src/paper/reproduction/cox-table6";
import { waldSummary } from "../../../src/lib/survival/wald-summary";
import { expectClose } from "../../helpers/expect-close";

/** Every distinct (order, same-day grouping) of `deaths`, by brute force: all permutations × all tie flags, deduplicated. */
function bruteForceOrders(deaths: readonly Pattern[]): { order: Pattern[]; ties: number[] }[] {
  const seen = new Map<string, { order: Pattern[]; ties: number[] }>();
  const permute = (rest: Pattern[], acc: Pattern[]) => {
    if (rest.length === 0) {
      for (let mask = 0; mask < 1 << (acc.length - 1); mask++) {
        const ties = Array.from({ length: acc.length - 1 }, (_, k) => (mask >> k) & 1);
        seen.set(canonical(acc, ties), { order: [...acc], ties });
      }
      return;
    }
    rest.forEach((p, i) => {
      permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, p]);
    });
  };
  permute([...deaths], []);
  return [...seen.values()];
}

/** Death times as sorted pattern lists: two orders are the same data set iff their keys are equal. */
function canonical(order: readonly number[], ties: readonly number[]): string {
  const groups: number[][] = [[order[0]]];
  for (let k = 1; k < order.length; k++) {
    if (ties[k - 1]) groups[groups.length - 1].push(order[k]);
    else groups.push([order[k]]);
  }
  return groups.map((g) => [...g].sort().join("")).join("|");
}

describe("waldSummary (hand calculation)", () => {
  it("B = 0.5, SE = 0.25: z = 2, p = 2·(1 − Φ(2)) = 0.0455003, CI exp(0.5 ± 1.959964·0.25)", () => {
    const w = waldSummary(0.5, 0.25);
    expect(w.z).toBe(2);
    expectClose(w.pValue, 0.04550026389635842, { rel: 1e-12, label: "p" });
    expectClose(w.hazardRatio, Math.exp(0.5), { rel: 1e-15, label: "Exp(B)" });
    expectClose(w.ciLower, Math.exp(0.5 - 1.959963984540054 * 0.25), { rel: 1e-12, label: "lower" });
    expectClose(w.ciUpper, Math.exp(0.5 + 1.959963984540054 * 0.25), { rel: 1e-12, label: "upper" });
  });
});

describe("segment arrangements (orders with same-day deaths)", () => {
  it("distinct patterns give the ordered set partitions (Fubini numbers 1, 3, 13, 75)", () => {
    expect(segmentArrangements([1, 0, 0, 0])).toBe(1);
    expect(segmentArrangements([1, 1, 0, 0])).toBe(3); // 0|1, 1|0, {0,1}
    expect(segmentArrangements([1, 1, 1, 0])).toBe(13);
    expect(segmentArrangements([1, 1, 1, 1])).toBe(75);
  });

  it("equal patterns are interchangeable: two deaths of one pattern are apart or on one day", () => {
    expect(segmentArrangements([2, 0, 0, 0])).toBe(2);
    expect(segmentArrangements([0, 2, 1, 0])).toBe(bruteForceOrders([1, 1, 2]).length);
  });

  it("forEachArrangement visits each distinct arrangement once, with the accumulators of its own order", () => {
    const deaths: Pattern[] = [0, 1, 1, 2, 3];
    const counts = patternCounts(deaths);
    const risk = Int32Array.from([3, 3, 2, 3]);
    const w = weights([0.4, -0.7]);
    const keys = new Set<string>();
    let visits = 0;
    forEachArrangement(counts, risk, w, (acc, seq, tied) => {
      visits++;
      keys.add(canonical(Array.from(seq), Array.from(tied).slice(1)));
      // the score at β must equal (observed − expected) computed directly for this order
      const order = Array.from(seq);
      const ties = Array.from(tied).slice(1);
      let uv = 0;
      const atRisk = Array.from(risk);
      for (let k = 0; k < order.length; ) {
        let end = k + 1;
        while (end < order.length && ties[end - 1]) end++;
        const s0 = atRisk.reduce((s, n, p) => s + n * w[p], 0);
        const mv = (atRisk[1] * w[1] + atRisk[3] * w[3]) / s0;
        for (let m = k; m < end; m++) uv += (order[m] & 1) - mv;
        for (let m = k; m < end; m++) atRisk[order[m]]--;
        k = end;
      }
      expectClose(acc[0], uv, { rel: 1e-12, abs: 1e-12, label: "U_visceral", input: { order, ties } });
    });
    expect(visits).toBe(segmentArrangements(counts));
    expect(keys.size).toBe(visits);
    expect(visits).toBe(bruteForceOrders(deaths).length);
  });
});

describe("patternCoxFit agrees with coxPH (validated against R) on ranked data", () => {
  it("23 deaths with same-day deaths, 32 survivors", () => {
    const order: Pattern[] = [1, 1, 3, 3, 2, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 1, 1, 2, 2];
    const ties = [0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const survivors: Pattern[] = [...Array(7).fill(0), ...Array(3).fill(2), ...Array(8).fill(3), ...Array(14).fill(1)];
    const fit = patternCoxFit(order, ties, survivors)!;
    const d = rankedOneYearData(order, ties, survivors);
    const rows = coxTable6Arrays(d.time, d.event, d.visceral, d.bma);
    rows.forEach((r, k) => {
      expectClose(fit.b[k], r.b, { rel: 1e-7, label: `B[${k}]` });
      expectClose(fit.se[k], r.se, { rel: 1e-7, label: `SE[${k}]` });
    });
  });
});

describe("one Newton step from accumulators at β0 predicts the fit (error O(δ²) with the curvature term)", () => {
  const order: Pattern[] = [1, 3, 1, 2, 1, 1, 3, 0, 1, 2, 1, 3];
  const ties = [0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0];
  const survivors: Pattern[] = [0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 1, 0];
  const fit = patternCoxFit(order, ties, survivors)!;
  const at = (beta0: [number, number], curvature: boolean) => {
    const acc = new Float64Array(ACC);
    accumulateRange(acc, order, ties, 0, order.length, patternCounts([...order, ...survivors]), weights(beta0));
    if (!curvature) acc.fill(0, 5);
    return predictEstimate(acc, beta0)!;
  };
  it("B: δ = 0.02 away, the step lands within 10⁻³ of the MLE (quadratic convergence)", () => {
    const e = at([fit.b[0] + 0.02, fit.b[1] - 0.02], true);
    expect(Math.abs(e.b[0] - fit.b[0])).toBeLessThan(1e-3);
    expect(Math.abs(e.b[1] - fit.b[1])).toBeLessThan(1e-3);
  });
  it("SE: the curvature-corrected information is ≥ 10× closer to the information at the MLE than the uncorrected one", () => {
    const start: [number, number] = [fit.b[0] + 0.02, fit.b[1] - 0.02];
    const corrected = at(start, true);
    const plain = at(start, false);
    for (const k of [0, 1]) {
      const errCorrected = Math.abs(corrected.se[k] - fit.se[k]);
      const errPlain = Math.abs(plain.se[k] - fit.se[k]);
      expect(
        errCorrected,
        `SE[${k}]: corrected ${corrected.se[k]}, plain ${plain.se[k]}, MLE ${fit.se[k]}`,
      ).toBeLessThan(errPlain / 10);
    }
  });
});

describe("meetInTheMiddle finds exactly the orders a brute-force search finds", () => {
  // 7 deaths, 6 survivors: 7!·2⁶ orderings, each fitted by coxPH
  const deaths: Pattern[] = [0, 1, 1, 2, 3, 3, 1];
  const survivors: Pattern[] = [0, 0, 1, 2, 3, 2];
  const brute = bruteForceOrders(deaths).map((o) => {
    const d = rankedOneYearData(o.order, o.ties, survivors);
    const [v, b] = coxTable6Arrays(d.time, d.event, d.visceral, d.bma);
    return { ...o, b: [v.b, b.b] };
  });
  // aim at the coefficients of one order, with windows of ±0.03
  const target = brute[137].b;
  const half = 0.03;
  const inside = (b: readonly number[], margin: number) =>
    Math.abs(b[0] - target[0]) <= half - margin && Math.abs(b[1] - target[1]) <= half - margin;
  const split = 3;
  const search = (enough: number) =>
    meetInTheMiddle({
      deaths,
      survivors,
      center: [target[0], target[1]],
      halfWidth: [half, half],
      estimateLoss: (e) => (inside(e.b, 0) ? 0 : 1),
      objective: (d) => {
        const [v, b] = coxTable6Arrays(d.time, d.event, d.visceral, d.bma);
        return inside([v.b, b.b], 0) ? 0 : 1;
      },
      split,
      enough,
    });
  const result = search(Infinity);
  const found = new Set(result.solutions.filter((s) => s.loss === 0).map((s) => canonical(s.order, s.tieWithPrevious)));

  it("every order it returns as exact is one (sound)", () => {
    for (const s of result.solutions.filter((x) => x.loss === 0)) {
      const d = rankedOneYearData(s.order, s.tieWithPrevious, survivors);
      const [v, b] = coxTable6Arrays(d.time, d.event, d.visceral, d.bma);
      expect(inside([v.b, b.b], 0), JSON.stringify(s)).toBe(true);
      expect(s.tieWithPrevious[split - 1], "no same-day deaths across the split").toBe(0);
    }
  });

  it("it finds every brute-force solution without a same-day death across the split (complete, 10⁻³ from the window's edge)", () => {
    const expected = brute
      .filter((o) => o.ties[split - 1] === 0 && inside(o.b, 1e-3))
      .map((o) => canonical(o.order, o.ties));
    expect(expected.length).toBeGreaterThan(3);
    for (const key of expected) expect(found.has(key), key).toBe(true);
    expect(result.compositions).toEqual({ visited: result.compositions.total, total: result.compositions.total });
  });

  it("rejects bad input with an InputError naming the field, index and value", () => {
    const base = {
      deaths,
      survivors,
      center: [0, 0] as [number, number],
      halfWidth: [0.1, 0.1] as [number, number],
      estimateLoss: () => 0,
      objective: () => 0,
    };
    expect(() => meetInTheMiddle({ ...base, deaths: [0, 1, 4 as Pattern] })).toThrow(/deaths\[2\] = 4/);
    expect(() => meetInTheMiddle({ ...base, survivors: [0, 1.5 as Pattern] })).toThrow(/survivors\[1\] = 1.5/);
    expect(() => meetInTheMiddle({ ...base, deaths: [1] })).toThrow(/deaths/);
    expect(() => meetInTheMiddle({ ...base, halfWidth: [0.1, 0] })).toThrow(/halfWidth\[1\] = 0/);
    expect(() => meetInTheMiddle({ ...base, center: [NaN, 0] })).toThrow(/center\[0\] = NaN/);
    expect(() => meetInTheMiddle({ ...base, split: 7 })).toThrow(/split = 7/);
  });

  it("stops at the first prefix composition with an exact solution when asked for one", () => {
    const first = search(1);
    expect(first.solutions[0].loss).toBe(0);
    expect(first.compositions.visited).toBeLessThanOrEqual(result.compositions.total);
  });
});
