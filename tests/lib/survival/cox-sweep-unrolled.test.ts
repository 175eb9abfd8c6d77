import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/lib/core/rng";
import { buildCoxDesign } from "../../../src/lib/survival/cox-design";
import { coxSweep, coxWork } from "../../../src/lib/survival/cox-kernel";
import { compileSweep, sweepSource, unrolledSweep } from "../../../src/lib/survival/cox-sweep-unrolled";
import { surv, survCounting } from "../../../src/lib/survival/surv";

// The unrolled sweep must give what the generic loop gives: the generic loop runs when a per-death-time
// collector is passed, the unrolled one otherwise. The log-likelihood uses the same operations (bit for
// bit); score and information sum the Efron steps in closed form, so they agree to rounding (1e-11 of the
// largest entry: the closed form loses at most a few digits in large tied groups).
function compare(opts: {
  n: number;
  p: number;
  counting: boolean;
  strata: boolean;
  weights: boolean;
  efron: boolean;
  seed: number;
}) {
  const rng = createRng(opts.seed);
  const time = Array.from({ length: opts.n }, () => 1 + rng.int(20)); // many ties
  const start = time.map((t) => (opts.counting ? rng.int(t) : 0));
  const event = time.map(() => (rng.next() < 0.6 ? 1 : 0));
  const columns = Array.from({ length: opts.p }, (_, j) =>
    Array.from({ length: opts.n }, () => (j === 0 ? rng.int(2) : rng.normal())),
  );
  const y = opts.counting ? survCounting(start, time, event) : surv(time, event);
  const design = buildCoxDesign({
    y,
    columns,
    strata: opts.strata ? Int32Array.from({ length: opts.n }, () => rng.int(3)) : null,
    weights: opts.weights ? Float64Array.from({ length: opts.n }, () => 0.5 + rng.next()) : null,
    efron: opts.efron,
  });
  const beta = Float64Array.from({ length: opts.p }, () => 0.3 * rng.normal());
  const generic = coxWork(opts.n, opts.p);
  const unrolled = coxWork(opts.n, opts.p);
  coxSweep(design, beta, generic, () => undefined);
  coxSweep(design, beta, unrolled);
  expect(unrolled.loglik).toBe(generic.loglik);
  const close = (a: Float64Array, b: Float64Array) => {
    const scale = Math.max(...Array.from(b, Math.abs));
    a.forEach((v, i) => {
      expect(Math.abs(v - b[i]), `entry ${i}: ${v} vs ${b[i]}`).toBeLessThanOrEqual(1e-11 * scale);
    });
  };
  close(unrolled.u, generic.u);
  close(unrolled.imat, generic.imat);
}

describe("unrolled Cox sweep", () => {
  it.each([
    { n: 200, p: 1, counting: false, strata: false, weights: false, efron: true, seed: 1 },
    { n: 300, p: 3, counting: false, strata: true, weights: false, efron: false, seed: 2 },
    { n: 300, p: 5, counting: true, strata: false, weights: true, efron: true, seed: 3 },
    { n: 400, p: 7, counting: true, strata: true, weights: true, efron: false, seed: 4 },
    { n: 150, p: 12, counting: false, strata: false, weights: true, efron: true, seed: 5 },
  ])(
    "agrees with the generic sweep (p = $p, counting $counting, strata $strata, weights $weights, efron $efron)",
    (o) => compare(o),
  );

  it("single-death lines give the general lines' results bit for bit, overflowing fits included", () => {
    // Distinct times: every death time has one death. The reference is the same generated sweep without the
    // single-death lines; the huge weights and β make risk scores overflow, where only the general lines may run.
    for (const [p, seed, weightScale, betaScale] of [
      [5, 1, 1, 0.5],
      [2, 2, 1, 3],
      [3, 3, 1e120, 0.5],
      [3, 4, 1e200, 0.5],
      [4, 5, 1, 2000],
    ]) {
      const rng = createRng(seed);
      const n = 400;
      const y = surv(
        Array.from({ length: n }, () => 1 + 20 * rng.next()),
        Array.from({ length: n }, () => (rng.next() < 0.6 ? 1 : 0)),
      );
      const columns = Array.from({ length: p }, () => Array.from({ length: n }, () => rng.normal()));
      const weights = Float64Array.from({ length: n }, (_, i) => (i % 50 === 7 ? weightScale : 0.5 + rng.next()));
      const design = buildCoxDesign({ y, columns, strata: null, weights, efron: true });
      const beta = Float64Array.from({ length: p }, () => betaScale * rng.normal());
      const general = compileSweep(p, false);
      const a = coxWork(n, p);
      const b = coxWork(n, p);
      unrolledSweep(p)(design, beta, a);
      general(design, beta, b);
      const bits = (w: typeof a) => [w.loglik, ...w.u, ...w.imat].map((v) => (Object.is(v, -0) ? "-0" : String(v)));
      expect(bits(a), `p = ${p}, seed = ${seed}`).toEqual(bits(b));
    }
  });

  it("generates straight-line code: no loop over covariates", () => {
    const src = sweepSource(3);
    expect(src).toContain("s2_2_1 += rx2 * x1;");
    expect(src).not.toMatch(/for \(let j/);
  });
});
