import { checkOptions } from "../core/check-options";
import { solveLinear } from "./linear-solve";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { statResult, type StatResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import type { CoxDesign } from "./cox-kernel";
import { coxInternals, type CoxResult } from "./cox-ph";
import { coxRowResiduals, schoenfeldRows } from "./cox-residual-kernel";

export type CoxZphTransform = "km" | "rank" | "identity";

/** Options of {@link coxZph}. */
export interface CoxZphOptions {
  /** Time transform g(t): "km" (R's default), "rank" or "identity". */
  readonly transform?: CoxZphTransform;
  /**
   * One test per term, a factor's indicator columns together (R's `terms = TRUE`, its default), or one per
   * coefficient (`false`). Default: per term for a fit from coxph(formula, data), per coefficient otherwise.
   */
  readonly terms?: boolean;
}

/** Details of each {@link coxZph} test. */
export interface CoxZphDetails {
  /** Covariate (or term) name, or "GLOBAL". */
  readonly term: string;
}

/** Result of {@link coxZph}: one test per covariate and a global test, plus the scaled Schoenfeld residuals. */
export interface CoxZphResult {
  readonly kind: "cox.zph";
  readonly transform: CoxZphTransform;
  /**
   * One test per covariate (df 1), or per term with `terms` (df = the term's estimable columns), in model order;
   * the global test (df = number of estimable coefficients) is `global`.
   */
  readonly tests: readonly StatResult<CoxZphDetails>[];
  readonly global: StatResult<CoxZphDetails>;
  /** Covariate (or term) names of the rows of `tests` and columns of `y` (aliased columns left out, as R). */
  readonly names: readonly string[];
  /** True when the rows are terms (R's terms = TRUE). */
  readonly terms: boolean;
  /** Transformed event times g(t) per event (R's `x`). */
  readonly x: readonly number[];
  /** Event times (R's `time`). */
  readonly time: readonly number[];
  /**
   * Scaled Schoenfeld residuals β̂ + V̄⁻¹ rᵢ per event (R's `y`), for plotting β(t); for a multi-column term, the
   * residual of its linear predictor Xβ (coefficient 1), as R's terms = TRUE.
   */
  readonly y: readonly (readonly number[])[];
}

/**
 * Test of proportional hazards (Grambsch & Therneau 1994) as current R survival (≥ 3.0) computes it:
 * a score test, at (β̂, 0), of adding covariate × g(t) terms for every covariate, with the full 2p × 2p
 * information (not the old approximation with a single averaged variance). g is the KM transform
 * 1 − Ŝ(t−) (R's default), the rank of the time, or the time itself; g is centred on its mean over
 * events. Per-covariate statistics use the p + 1 rows/columns (all β, that covariate's g term), the
 * global one all 2p. Scaled Schoenfeld residuals use the per-stratum average information.
 *
 * Reference: Grambsch P, Therneau T (1994) Biometrika 81:515–526; Therneau & Grambsch (2000) §6.2.
 * R: `survival::cox.zph(fit, transform = "km", terms = FALSE)` (defaults: km, global = TRUE).
 * SPSS has no direct equivalent (COXREG with a time-dependent covariate T_*g is the usual substitute).
 * Cost: O(n p² + G p³ + n log n) for G distinct event times.
 *
 * @example
 * const fit = coxPH(surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]), { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] });
 * coxZph(fit, { transform: "km" }).global.statistic // 0.05362 (R: cox.zph(fit)$table["GLOBAL", "chisq"] = 0.0536213)
 */
export function coxZph(fit: CoxResult, options: CoxZphOptions = {}): CoxZphResult {
  checkOptions(options);
  const opts = options;
  const transform = opts.transform ?? "km";
  if (transform !== "km" && transform !== "rank" && transform !== "identity") {
    throw new InputError('must be "km", "rank" or "identity"', { field: "options.transform", value: transform });
  }
  const assign = (fit as { assign?: readonly { term: string; columns: readonly number[] }[] }).assign;
  const byTerm = opts.terms ?? Array.isArray(assign);
  if (byTerm && !Array.isArray(assign))
    throw new InputError("terms: true needs a fit from coxph(formula, data), which records each term's columns", {
      field: "terms",
      value: opts.terms,
    });
  const internals = coxInternals(fit);
  const { design, betaScaled, aliased, names } = internals;
  const { p, event, stop, stratum, scale, weight } = design;
  const keep = names.map((_, j) => j).filter((j) => !aliased[j]);
  const q = keep.length;
  if (q === 0)
    throw new InputError("the model has no estimable coefficient: there are no score residuals to test (as R)", {
      field: "fit",
      value: names,
    });
  const res = coxRowResiduals(design, betaScaled);
  const ttimes = transformTimes(design, transform);
  let gsum = 0;
  let nd = 0;
  for (let k = 0; k < design.n; k++) {
    if (event[k] === 1) {
      gsum += ttimes[k];
      nd++;
    }
  }
  const gmean = gsum / nd;
  // Information of (β, β_g) at (β̂, 0): each death time contributes [V, gV; gV, g²V].
  const m = 2 * q;
  const imat = new Float64Array(m * m);
  for (const g of res.groups) {
    const gt = ttimes[g.deaths[0]] - gmean;
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        const v = g.info[keep[a] * p + keep[b]] / (scale[keep[a]] * scale[keep[b]]);
        imat[a * m + b] += v;
        imat[a * m + q + b] += gt * v;
        imat[(q + a) * m + b] += gt * v;
        imat[(q + a) * m + q + b] += gt * gt * v;
      }
    }
  }
  const deaths = zphOrder(design);
  const sch = schoenfeldRows(design, res.groups, res.groupOfDeath, deaths);
  const u = new Float64Array(m);
  deaths.forEach((k, i) => {
    const gt = ttimes[k] - gmean;
    for (let a = 0; a < q; a++) u[q + a] += weight[k] * gt * sch[i * p + keep[a]];
  });
  const testOn = (idx: number[]): number => {
    const sub = idx.map((r) => idx.map((c) => imat[r * m + c]));
    const rhs = idx.map((r) => u[r]);
    const sol = solve(sub, rhs);
    return sol.reduce((s, v, i) => s + v * rhs[i], 0);
  };
  const base = Array.from({ length: q }, (_, a) => a);
  const convention = `R survival 3.5 cox.zph(transform = "${transform}", terms = ${byTerm ? "TRUE" : "FALSE"})`;
  const make = (name: string, stat: number, df: number, term: string | null): StatResult<CoxZphDetails> =>
    statResult({
      test: "cox-zph",
      method:
        `Proportional-hazards test (scaled Schoenfeld residuals, ${transform} time)` +
        `${term ? `: ${term}` : ": global"}`,
      convention,
      statisticName: "chisq",
      statistic: stat,
      df,
      pValue: chisqUpperTail(stat, df),
      n: nd,
      details: { term: name },
    });
  // Rows of the table: every estimable coefficient, or (terms) every term's estimable columns together.
  const position = new Map(keep.map((j, a) => [j, a]));
  const groups: { label: string; cols: number[] }[] = byTerm
    ? (assign ?? [])
        .map((t) => ({
          label: t.term,
          cols: t.columns.filter((j) => position.has(j)).map((j) => position.get(j)!),
        }))
        .filter((g) => g.cols.length > 0)
    : keep.map((j, a) => ({ label: names[j], cols: [a] }));
  const tests = groups.map((g) =>
    make(g.label, testOn([...base, ...g.cols.map((a) => q + a)]), g.cols.length, g.label),
  );
  const global = make("GLOBAL", testOn(Array.from({ length: m }, (_, i) => i)), q, null);
  // Scaled residuals: V̄ = I_ββ / (events where the covariate varies, per stratum, pmin-combined).
  const used = usedCounts(design, keep);
  const nStrata = design.strataEnds.length;
  // R: a factor's columns count as used in a stratum when any of them is.
  for (const g of groups) {
    if (g.cols.length < 2) continue;
    for (let st = 0; st < nStrata; st++) {
      const most = Math.max(...g.cols.map((a) => used[st][a]));
      for (const a of g.cols) used[st][a] = most;
    }
  }
  const wt = Array.from({ length: q }, (_, a) =>
    Array.from({ length: q }, (_, b) => {
      let s = 0;
      for (let st = 0; st < nStrata; st++) s += Math.min(used[st][a], used[st][b]);
      return s === 0 ? 1 : s;
    }),
  );
  const vmean = Array.from({ length: q }, (_, a) => Array.from({ length: q }, (_, b) => imat[a * m + b] / wt[a][b]));
  // A multi-column term is tested through its linear predictor Xβ: columns weighted by their coefficients.
  const weightOf = (g: { cols: number[] }, a: number) => (g.cols.length === 1 ? 1 : fit.terms[keep[a]].coef!);
  const nt = groups.length;
  const vT = Array.from({ length: nt }, (_, t) =>
    Array.from({ length: nt }, (_, u) => {
      let v = 0;
      for (const a of groups[t].cols)
        for (const b of groups[u].cols) v += weightOf(groups[t], a) * vmean[a][b] * weightOf(groups[u], b);
      return v;
    }),
  );
  const usedT = used.map((row) => groups.map((g) => row[g.cols[0]]));
  const y = deaths.map((k, i) => {
    const st = stratum[k];
    const ts = groups.map((_, t) => t).filter((t) => usedT[st][t] > 0);
    const out = new Array<number>(nt).fill(NaN);
    const r = ts.map((t) => groups[t].cols.reduce((acc, a) => acc + weightOf(groups[t], a) * sch[i * p + keep[a]], 0));
    const sol = solve(
      ts.map((t) => ts.map((u) => vT[t][u])),
      r,
    );
    ts.forEach((t, j) => {
      const g = groups[t];
      out[t] = sol[j] + (g.cols.length === 1 ? fit.terms[keep[g.cols[0]]].coef! : 1);
    });
    return out;
  });
  return deepFreeze({
    kind: "cox.zph" as const,
    transform,
    tests,
    global,
    names: groups.map((g) => g.label),
    terms: byTerm,
    x: deaths.map((k) => ttimes[k]),
    time: deaths.map((k) => stop[k]),
    y,
  });
}

/**
 * R's event order in cox.zph: (stratum, time) ascending; right-censored ties by row, counting-process ties reversed.
 */
function zphOrder(d: CoxDesign): number[] {
  const out: number[] = [];
  for (let k = 0; k < d.n; k++) if (d.event[k] === 1) out.push(k);
  const sign = d.start ? -1 : 1;
  return out.sort((a, b) => d.stratum[a] - d.stratum[b] || d.stop[a] - d.stop[b] || sign * (d.rowOf[a] - d.rowOf[b]));
}

/** Per stratum × covariate: number of events if the covariate varies within the stratum, else 0. */
function usedCounts(d: CoxDesign, keep: number[]): number[][] {
  const out: number[][] = [];
  let lo = 0;
  for (let s = 0; s < d.strataEnds.length; s++) {
    const hi = d.strataEnds[s];
    let events = 0;
    for (let k = lo; k < hi; k++) events += d.event[k];
    out.push(
      keep.map((j) => {
        const first = d.xs[lo * d.p + j];
        for (let k = lo + 1; k < hi; k++) if (d.xs[k * d.p + j] !== first) return events;
        return 0;
      }),
    );
    lo = hi;
  }
  return out;
}

/** g(t) per sorted row before centring: KM 1 − Ŝ(t−) over all rows (unweighted, as R), rank, or t. */
function transformTimes(d: CoxDesign, transform: CoxZphTransform): Float64Array {
  const { n, stop, start, event } = d;
  const out = new Float64Array(n);
  if (transform === "identity") {
    out.set(stop);
    return out;
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => stop[a] - stop[b]);
  if (transform === "rank") {
    for (let i = 0; i < n; ) {
      let j = i;
      while (j < n && stop[order[j]] === stop[order[i]]) j++;
      const avg = (i + 1 + j) / 2;
      for (let r = i; r < j; r++) out[order[r]] = avg;
      i = j;
    }
    return out;
  }
  // Kaplan–Meier over the pooled data; counting-process rows are at risk on (start, stop].
  const times: number[] = [];
  const surv: number[] = [];
  const starts = start ? Float64Array.from(start).sort() : null;
  let s = 1;
  let i = 0;
  while (i < n) {
    const t = stop[order[i]];
    let deaths = 0;
    let j = i;
    while (j < n && stop[order[j]] === t) deaths += event[order[j++]];
    if (deaths > 0) {
      // at risk: stop ≥ t and start < t
      let atRisk = n - i;
      if (starts) atRisk -= n - lowerBoundAt(starts, t);
      s *= 1 - deaths / atRisk;
      times.push(t);
      surv.push(s);
    }
    i = j;
  }
  for (let k = 0; k < n; k++) {
    // Ŝ(t−): product over event times strictly before t.
    let l = 0;
    let h = times.length;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if (times[mid] < stop[k]) l = mid + 1;
      else h = mid;
    }
    out[k] = 1 - (l === 0 ? 1 : surv[l - 1]);
  }
  return out;
}

/** Number of entries < t in a sorted array. */
function lowerBoundAt(a: Float64Array, t: number): number {
  let l = 0;
  let h = a.length;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (a[mid] < t) l = mid + 1;
    else h = mid;
  }
  return l;
}

/** Solves a small symmetric system (NaN where singular, as the elimination without a check gave). */
function solve(a: number[][], b: number[]): number[] {
  return solveLinear(a, b) ?? b.map(() => NaN);
}
