import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aalenJohansen,
  causeSpecificCox,
  cuminc,
  cumincTimepoints,
  fineGray,
  fineGrayData,
} from "../../../src/lib/competing-risks";
import { InputError } from "../../../src/lib/core/errors";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

/**
 * R survival's survfitci.c recursion written out directly (every subject's influence vector updated at
 * every event time, U ← U·H, then the dH term for those at risk): the O(n × times) definition that
 * aalenJohansen's closed form must reproduce. Right-censored, one initial state, weights.
 */
function bruteForceIJ(time: number[], status: number[], w: number[], K: number): { t: number[]; se: number[][] } {
  const n = time.length;
  const times = [...new Set(time)].sort((a, b) => a - b);
  const U = Array.from({ length: n }, () => new Array<number>(K + 1).fill(0));
  const p = [1, ...new Array<number>(K).fill(0)];
  const inRisk = new Array<boolean>(n).fill(true);
  const se: number[][] = [];
  for (const ct of times) {
    const nw = inRisk.reduce((s, r, i) => s + (r ? w[i] : 0), 0);
    const d = new Array<number>(K + 1).fill(0);
    time.forEach((t, i) => {
      if (t === ct && status[i] > 0) d[status[i]] += w[i];
    });
    const dTot = d.reduce((a, b) => a + b, 0);
    if (dTot > 0) {
      const H0 = [1 - dTot / nw, ...d.slice(1).map((x) => x / nw)];
      for (let i = 0; i < n; i++) {
        const u0 = U[i][0];
        U[i][0] = u0 * H0[0];
        for (let k = 1; k <= K; k++) U[i][k] += u0 * H0[k];
        if (inRisk[i]) {
          for (let k = 0; k <= K; k++) U[i][k] -= (H0[k] * p[0]) / nw;
          const dest = time[i] === ct ? status[i] : 0;
          U[i][dest] += p[0] / nw;
        }
      }
      const s0 = p[0];
      p[0] = s0 * H0[0];
      for (let k = 1; k <= K; k++) p[k] += s0 * H0[k];
    }
    se.push(U[0].map((_, k) => Math.sqrt(U.reduce((s, u, i) => s + w[i] * w[i] * u[k] * u[k], 0))));
    time.forEach((t, i) => {
      if (t === ct) inRisk[i] = false;
    });
  }
  return { t: times, se };
}

const crData = fc
  .array(
    fc.record({
      t: fc.integer({ min: 1, max: 12 }),
      s: fc.integer({ min: 0, max: 2 }),
      w: fc.constantFrom(0.5, 1, 1.5, 2),
      x: fc.integer({ min: -2, max: 2 }),
    }),
    { minLength: 3, maxLength: 40 },
  )
  .filter((rows) => rows.some((r) => r.s === 1) && rows.some((r) => r.s === 2));

describe("aalenJohansen: hand-computable cases and properties", () => {
  it("a five-subject case written out", () => {
    // t=1: cause 1 of 5 → S = 4/5, F1 = 1/5; t=2: cause 2 of 4 → F2 = 4/5·1/4 = 1/5, S = 3/5;
    // t=4: cause 1 of 2 → F1 = 1/5 + 3/5·1/2 = 1/2, S = 3/10.
    const fit = aalenJohansen([1, 2, 3, 4, 5], [1, 2, 0, 1, 0]);
    const c = fit.curves[0];
    expect(c.time).toEqual([1, 2, 3, 4, 5]);
    expect(c.nRisk).toEqual([5, 4, 3, 2, 1]);
    [
      [0.8, 0.2, 0],
      [0.6, 0.2, 0.2],
      [0.6, 0.2, 0.2],
      [0.3, 0.5, 0.2],
      [0.3, 0.5, 0.2],
    ].forEach((row, j) => {
      for (const [k, v] of row.entries()) expectClose(c.pstate[j][k], v, { rel: 1e-14 });
    });
    // First event time: U for the failing subject is S−/n·(e₁ − H row) = (−4/25, 4/25, 0)·…; the IJ
    // variance of F1 at t=1 is Σ U² = (1/5)²(4/5)² + 4·(1/25)² = 4/125 → se = sqrt(4/125).
    expectClose(c.stdErr[0][1], Math.sqrt(4 / 125), { rel: 1e-12 });
    expectClose(c.stdErr[0][0], Math.sqrt(4 / 125), { rel: 1e-12 });
  });

  it("closed-form std.err equals survfit's subject-by-subject recursion (random data, weights)", () => {
    fc.assert(
      fc.property(crData, (rows) => {
        const t = rows.map((r) => r.t);
        const s = rows.map((r) => r.s);
        const w = rows.map((r) => r.w);
        const fit = aalenJohansen(t, s, { weights: w, causes: [1, 2] });
        const ref = bruteForceIJ(t, s, w, 2);
        expect(fit.curves[0].time).toEqual(ref.t);
        ref.se.forEach((row, j) => {
          for (const [k, v] of row.entries()) expectClose(fit.curves[0].stdErr[j][k], v, { rel: 1e-9, abs: 1e-12 });
        });
      }),
      { numRuns: 150, seed: 18 },
    );
  });

  it("states sum to 1, incidences never fall, and with one cause (s0) is Kaplan–Meier", () => {
    fc.assert(
      fc.property(crData, (rows) => {
        const t = rows.map((r) => r.t);
        const s = rows.map((r) => r.s);
        const c = aalenJohansen(t, s).curves[0];
        c.pstate.forEach((row, j) => {
          expectClose(
            row.reduce((a, b) => a + b, 0),
            1,
            { rel: 1e-12 },
          );
          if (j > 0) for (let k = 1; k < row.length; k++) expect(row[k] >= c.pstate[j - 1][k] - 1e-15).toBe(true);
        });
        const km = kaplanMeier(
          surv(
            t,
            s.map((v) => (v > 0 ? 1 : 0)),
          ),
        );
        km.steps.forEach((step, j) => {
          expectClose(c.pstate[j][0], step.survival, { rel: 1e-12, abs: 1e-15 });
        });
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("cuminc's estimates are the Aalen–Johansen ones", () => {
    fc.assert(
      fc.property(crData, (rows) => {
        const t = rows.map((r) => r.t);
        const s = rows.map((r) => r.s);
        const aj = aalenJohansen(t, s).curves[0];
        const times = [...new Set(t)].sort((a, b) => a - b);
        const ci = cumincTimepoints(cuminc(t, s), times);
        times.forEach((_, j) => {
          expectClose(ci.est[0][j], aj.pstate[j][1], { rel: 1e-12, abs: 1e-15 });
          expectClose(ci.est[1][j], aj.pstate[j][2], { rel: 1e-12, abs: 1e-15 });
        });
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe("fineGray: reductions that can be worked out", () => {
  it("without competing failures, crr is the Breslow Cox model and finegray the Efron one", () => {
    fc.assert(
      fc.property(crData, (rows) => {
        const t = rows.map((r) => r.t);
        const s = rows.map((r) => (r.s === 2 ? 0 : r.s));
        const x = rows.map((r) => r.x + 0.1 * r.t);
        const cov = { names: ["x"], columns: [x] };
        const y = surv(t, s);
        for (const [method, ties] of [
          ["crr", "breslow"],
          ["finegray", "efron"],
        ] as const) {
          const cox = coxPH(y, cov, { ties });
          if (!cox.converged || cox.possiblyInfinite) continue;
          // crr stops at gtol 1e-6 by default; converge as tightly as coxPH for the comparison.
          const fg = fineGray(t, s, cov, { method, causes: [1], gtol: 1e-12, maxiter: 50 });
          if (!fg.converged) continue;
          expectClose(fg.terms[0].coef, cox.terms[0].coef, { rel: 1e-5, abs: 1e-7 });
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("fineGrayData: other-cause failures are carried through the censoring intervals with Ĝ ratios", () => {
    // Censoring KM: at 3, 2 at risk (3 and 4) → Ĝ = 1/2. The cause-2 failure at 2 is extended to 3, then
    // (3, 4] with weight Ĝ(3)/Ĝ(2) = 1/2; (3, 4] is kept because the cause-1 failure at 4 lies in it.
    const d = fineGrayData([1, 2, 3, 4], [1, 2, 0, 1]);
    expect(d.row).toEqual([0, 1, 1, 2, 3]);
    expect(d.fgstart).toEqual([0, 0, 3, 0, 0]);
    expect(d.fgstop).toEqual([1, 3, 4, 3, 4]);
    expect(d.fgstatus).toEqual([1, 0, 0, 0, 1]);
    expect(d.fgwt).toEqual([1, 1, 0.5, 1, 1]);
    expect(d.add).toEqual([0, 0, 1, 0, 0]);
  });

  it("causeSpecificCox equals coxPH with the other causes censored", () => {
    const t = [1, 2, 3, 4, 5, 6, 7, 8];
    const s = [1, 2, 1, 0, 1, 2, 1, 0];
    const cov = { names: ["x"], columns: [[1, 0, 1, 0, 0, 1, 1, 0]] };
    const cs = causeSpecificCox(t, s, cov);
    expect(cs.fits[0].terms[0].coef).toBe(
      coxPH(
        surv(
          t,
          s.map((v) => (v === 1 ? 1 : 0)),
        ),
        cov,
      ).terms[0].coef,
    );
    expect(cs.fits[1].terms[0].coef).toBe(
      coxPH(
        surv(
          t,
          s.map((v) => (v === 2 ? 1 : 0)),
        ),
        cov,
      ).terms[0].coef,
    );
    expect(causeSpecificCox(t, s, cov, { only: [2] }).causes).toEqual(["2"]);
  });
});

describe("competing risks: bad input is an InputError naming field, index and value", () => {
  const t = [1, 2, 3, 4];
  const s = [1, 2, 0, 1];
  const cov = { names: ["x"], columns: [[0, 1, 0, 1]] };
  const cases: [string, () => unknown, RegExp][] = [
    ["negative time", () => aalenJohansen([1, -2, 3, 4], s), /time\[1\] = -2/],
    ["NaN status", () => aalenJohansen(t, [1, Number.NaN, 0, 1]), /status\[1\] = NaN/],
    ["empty-string status", () => cuminc(t, ["a", "", "censor", "a"], { censorCode: "censor" }), /status\[1\] = ""/],
    ["unlisted cause", () => aalenJohansen(t, [1, 3, 0, 1], { causes: [1, 2] }), /status\[1\] = 3/],
    ["censor code as a cause", () => aalenJohansen(t, s, { causes: [0, 1] }), /causes\[0\] = 0/],
    ["no events", () => aalenJohansen(t, [0, 0, 0, 0]), /status/],
    ["length mismatch", () => aalenJohansen([1, 2, 3], s), /length/],
    ["bad confType", () => aalenJohansen(t, s, { confType: "probit" as never }), /confType = "probit"/],
    ["bad confLevel", () => aalenJohansen(t, s, { confLevel: 1.2 }), /confLevel = 1.2/],
    ["zero weight", () => aalenJohansen(t, s, { weights: [1, 0, 1, 1] }), /weights\[1\] = 0/],
    ["start ≥ time", () => aalenJohansen(t, s, { start: [0, 2, 0, 0] }), /time\[1\]/],
    ["bad group label", () => aalenJohansen(t, s, { group: ["a", "", "b", "a"] }), /group\[1\] = ""/],
    ["bad rho", () => cuminc(t, s, { rho: Number.NaN }), /rho = NaN/],
    ["unknown failcode", () => fineGray(t, s, cov, { failcode: 5 }), /failcode = 5/],
    ["no failures of interest", () => fineGray(t, [2, 2, 0, 2], cov, { causes: [1, 2] }), /failcode/],
    ["covariate NaN", () => fineGray(t, s, { names: ["x"], columns: [[0, Number.NaN, 0, 1]] }), /x\[1\] = NaN/],
    ["bad method", () => fineGray(t, s, cov, { method: "cox" as never }), /method = "cox"/],
    ["bad maxiter", () => fineGray(t, s, cov, { maxiter: -1 }), /maxiter = -1/],
    ["init length", () => fineGray(t, s, cov, { init: [0, 0] }), /init/],
    ["unknown etype", () => fineGrayData(t, s, { cause: "x" }), /cause = "x"/],
    ["only: unknown cause", () => causeSpecificCox(t, s, cov, { only: [9] }), /only\[0\] = 9/],
    ["timepoints of another result", () => cumincTimepoints({ kind: "x" } as never, [1]), /fit/],
    ["timepoints NaN", () => cumincTimepoints(cuminc(t, s), [1, Number.NaN]), /times\[1\] = NaN/],
  ];
  it.each(cases)("%s", (_label, fn, message) => {
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
});

describe("doc-comment examples of the competing-risks functions", () => {
  it("aalenJohansen", () =>
    expect(
      aalenJohansen([1, 2, 3, 4, 5], [1, 2, 0, 1, 0]).curves[0].pstate.map((r) => r.map((p) => +p.toFixed(4))),
    ).toEqual([
      [0.8, 0.2, 0],
      [0.6, 0.2, 0.2],
      [0.6, 0.2, 0.2],
      [0.3, 0.5, 0.2],
      [0.3, 0.5, 0.2],
    ]));
  it("cuminc", () => {
    const r = cuminc([1, 2, 3, 4, 5, 6], [1, 2, 1, 0, 1, 2], { group: ["a", "b", "a", "b", "a", "b"] });
    expect(r.curves.map((c) => c.name)).toEqual(["a 1", "b 1", "a 2", "b 2"]);
    expect(r.tests?.[0].stat?.toFixed(4)).toBe("3.9283");
  });
  it("cumincTimepoints", () =>
    expect(cumincTimepoints(cuminc([1, 2, 3, 4], [1, 2, 1, 0]), [0.5, 3, 9]).est[0]).toEqual([0, 0.5, null]));
  it("fineGray", () =>
    expect(
      fineGray([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 1, 0, 1, 2, 1, 0], {
        names: ["x"],
        columns: [[1, 0, 1, 0, 0, 1, 1, 0]],
      }).terms[0].coef.toFixed(4),
    ).toBe("1.2371"));
  it("causeSpecificCox", () =>
    expect(
      causeSpecificCox([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 1, 0, 1, 2, 1, 0], {
        names: ["x"],
        columns: [[1, 0, 1, 0, 0, 1, 1, 0]],
      }).fits.map((f) => f.terms[0].coef?.toFixed(4)),
    ).toEqual(["1.0986", "-0.2027"]));
});
