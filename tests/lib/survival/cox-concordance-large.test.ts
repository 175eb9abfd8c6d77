import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coxConcordance } from "../../../src/lib/survival/cox-concordance";
import { buildCoxDesign } from "../../../src/lib/survival/cox-design";
import { coxInternals, coxPH } from "../../../src/lib/survival/cox-ph";
import { surv } from "../../../src/lib/survival/surv";
import { createRng } from "../../../src/lib/core/rng";
import { expectClose } from "../../helpers/expect-close";

// Tens of thousands of death times: coxConcordance keeps its sums over earlier rows in Fenwick trees ("trees") or,
// when the weights are whole, forms them in cache-sized blocks ("blocks", chosen by default when the trees would
// outgrow the cache, above 2^18 death times). R's coxph is the reference for the fits; the two ways of summing
// must then give the same numbers bit for bit.

interface RConcordance {
  coef: number[];
  concordant: number;
  discordant: number;
  tiedX: number;
  tiedY: number;
  tiedXY: number;
  concordance: number;
  std: number;
}
const r = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/survival-cox/concordance-large.json"), "utf8"),
) as Record<"continuous" | "tiedEta" | "weighted" | "tiedBoth", RConcordance> & {
  n: number;
  deaths: number;
  deathTimesGrid: number;
};

// The rows of tests/fixtures/survival-cox/concordance-large.R, by the same arithmetic (exact in both languages).
const n = r.n;
const u = Float64Array.from({ length: n }, (_, k) => ((k + 1) * 0.6180339887498949) % 1);
const v = Float64Array.from({ length: n }, (_, k) => ((k + 1) * (k + 1) * 0.6180339887498949) % 1);
const column = (f: (i: number, u: number, v: number) => number) =>
  Float64Array.from({ length: n }, (_, k) => f(k + 1, u[k], v[k]));
const time = column((_, u) => 0.01 + 30 * u);
const tgrid = column((_i, _u, v) => 0.01 + Math.floor(300000 * v) / 10000);
const status = column((i) => ((i * 7) % 10 < 7 ? 1 : 0));
const x1 = column((i, u) => 0.5 * u + ((i * 0.7548776662466927) % 1));
const x2 = column((i, u) => (i % 3) + Math.floor(2 * u));
const x3 = column((i) => i % 5);
const x4 = column((i, _u, v) => (i % 2) + Math.floor(2 * v));
const w = column((i) => 1 + (i % 4));

const models = {
  continuous: () => coxPH(surv(time, status), { names: ["x1", "x2"], columns: [x1, x2] }),
  tiedEta: () => coxPH(surv(time, status), { names: ["x2", "x3"], columns: [x2, x3] }),
  weighted: () => coxPH(surv(time, status), { names: ["x1", "x2"], columns: [x1, x2] }, { weights: w }),
  tiedBoth: () => coxPH(surv(tgrid, status), { names: ["x3", "x4"], columns: [x3, x4] }),
};

describe("Cox concordance with more than 2^16 death times", () => {
  it("the data have the death times R counted", () => {
    expect(status.reduce((a, b) => a + b, 0)).toBe(r.deaths);
    expect(new Set(tgrid.filter((_, k) => status[k] === 1)).size).toBe(r.deathTimesGrid);
  });

  for (const name of Object.keys(models) as (keyof typeof models)[]) {
    it(`${name}: counts, concordance and std match R coxph`, () => {
      const fit = models[name]();
      const ref = r[name];
      const opts = (label: string) => ({ rel: 1e-6, label: `${name} ${label}` });
      fit.terms.forEach((t, j) => {
        expectClose(t.coef, ref.coef[j], opts(`coef ${t.name}`));
      });
      const c = fit.concordance;
      expectClose(c.concordant, ref.concordant, opts("concordant"));
      expectClose(c.discordant, ref.discordant, opts("discordant"));
      expectClose(c.tiedX, ref.tiedX, opts("tied.x"));
      expectClose(c.tiedY, ref.tiedY, opts("tied.y"));
      expectClose(c.tiedXY, ref.tiedXY, opts("tied.xy"));
      expectClose(c.concordance, ref.concordance, opts("concordance"));
      expectClose(c.std, ref.std, opts("std"));
    });
  }

  it("block sums and tree sums give the same numbers bit for bit", () => {
    for (const name of Object.keys(models) as (keyof typeof models)[]) {
      const { design, betaScaled } = coxInternals(models[name]());
      const eta = new Float64Array(n);
      for (let k = 0; k < n; k++)
        for (let j = 0; j < design.p; j++) eta[k] += design.xs[k * design.p + j] * betaScaled[j];
      expect(coxConcordance(design, eta, null, "blocks"), name).toEqual(coxConcordance(design, eta, null, "trees"));
    }
  });

  it("block sums and tree sums agree on small designs: ties, strata, whole weights, clusters", () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 200; trial++) {
      const m = 2 + rng.int(400);
      const grid = [0, 0.5, 2][trial % 3];
      const t = Array.from({ length: m }, () => (grid ? grid * (1 + rng.int(10)) : 0.01 + 10 * rng.next()));
      const y = surv(
        t,
        t.map(() => (rng.next() < 0.6 ? 1 : 0)),
      );
      const design = buildCoxDesign({
        y,
        columns: [Float64Array.from({ length: m }, () => rng.next())],
        strata: trial % 4 === 0 ? Int32Array.from({ length: m }, () => rng.int(3)) : null,
        weights: trial % 2 === 0 ? Float64Array.from({ length: m }, () => 1 + rng.int(3)) : null,
        efron: true,
      });
      // Some η tied (rounded), some not.
      const eta = Float64Array.from({ length: m }, () => (trial % 5 < 2 ? rng.int(4) : rng.normal()));
      const cluster = trial % 7 === 0 ? Int32Array.from({ length: m }, () => rng.int(5)) : null;
      expect(coxConcordance(design, eta, cluster, "blocks"), `trial ${trial}`).toEqual(
        coxConcordance(design, eta, cluster, "trees"),
      );
    }
  });

  it("block sums: rows tied on η at one time, across a boundary of the blocks of 1024 death ranks", () => {
    // Deaths at times 1..1100 (death rank = time − 1) and a censored row at each of those times, after the death
    // in row order; η takes two values by time. The censored row at time 1024 (g = 1024, second block) must not
    // count the death at that time (rank 1023, first block): they are tied on η, so neither precedes the other.
    const deaths = 1100;
    const t = Array.from({ length: 2 * deaths }, (_, k) => (k % deaths) + 1);
    const y = surv(
      t,
      t.map((_, k) => (k < deaths ? 1 : 0)),
    );
    const design = buildCoxDesign({ y, columns: [Float64Array.from(t)], strata: null, weights: null, efron: true });
    for (const period of [2, 3, 1100]) {
      const eta = Float64Array.from(design.stop, (time) => time % period);
      expect(coxConcordance(design, eta, null, "blocks"), `period ${period}`).toEqual(
        coxConcordance(design, eta, null, "trees"),
      );
    }
  });
});
