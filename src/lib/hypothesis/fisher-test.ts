import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { hyperLogPmf } from "../distributions";
import { FISHER_RXC_LIMITS, fisherRxC } from "./internal/fisher-rxc";
import { bisect } from "./internal/root";
import { checkAlternative, checkConfLevel, checkCountTable, toRows } from "./internal/validate";

/** Options of {@link fisherTest}. */
export interface FisherTestOptions {
  /** 2×2 only (R: r × c tables are two-sided). Default "two-sided". */
  readonly alternative?: Alternative;
  /** Confidence level of the odds-ratio interval (2×2). Default 0.95. */
  readonly confLevel?: number;
}

/** Details of {@link fisherTest}: present fields depend on the table (2×2 or r × c). */
export interface FisherDetails {
  readonly observed: readonly (readonly number[])[];
  /** 2×2: the support [lo, hi] of the top-left cell given the margins. */
  readonly support?: readonly [number, number];
  /** r × c: the probability of the observed table, and the enumeration steps used. */
  readonly observedTableProbability?: number;
  readonly enumerationSteps?: number;
}

/**
 * Fisher's exact test of independence.
 *
 * 2×2: p-value from the hypergeometric distribution of the top-left cell given the margins; the
 * two-sided p sums the probabilities ≤ the observed one × (1 + 1e-7), as R. Estimate: the conditional
 * maximum-likelihood odds ratio (the mean of the non-central hypergeometric equals the observed
 * count) with its exact conditional CI (Cornfield 1956), both found to machine precision (R's
 * uniroot stops at ~1e-4).
 *
 * r × c: two-sided p by network enumeration (see FISHER_RXC_LIMITS: at most 5 × 5 after dropping empty
 * rows/columns, n ≤ 100, 10⁸ enumeration steps (about 10 s); an InputError beyond, suggesting chisqTest).
 *
 * Reference: Agresti A. Categorical Data Analysis, 3rd ed. (2013), §3.5; Mehta CR, Patel NR (1983) JASA 78:427.
 * R: stats::fisher.test(x, alternative = "two.sided", conf.level = 0.95). SPSS 27: CROSSTABS
 * "Fisher's Exact Test" row (2×2 automatically; r × c with the Exact Tests module) — SPSS gives no odds ratio.
 * Cost: 2×2 O(n · iterations); r × c see above.
 *
 * @example
 * const r = fisherTest([[15, 8], [2, 30]]);
 * r.pValue // 3.67982e-6 (R: 3.67982e-06)
 * r.estimate // 25.9068
 * r.ci // [4.6626, 279.388]
 */
export function fisherTest(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: FisherTestOptions = {},
): StatResult<FisherDetails> {
  checkOptions(options);
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const t = checkCountTable(table, "table");
  if (t.rows === 2 && t.cols === 2) return fisher2x2(t.counts, alternative, confLevel);
  if (alternative !== "two-sided") {
    throw new InputError("r × c tables have only a two-sided Fisher test (as in R)", {
      field: "options.alternative",
      value: alternative,
    });
  }
  const usedRows = Array.from(t.rowSums).filter((v) => v > 0).length;
  const usedCols = Array.from(t.colSums).filter((v) => v > 0).length;
  const small = Math.min(usedRows, usedCols);
  const large = Math.max(usedRows, usedCols);
  if (large > FISHER_RXC_LIMITS.maxRows || small > FISHER_RXC_LIMITS.maxCols || t.n > FISHER_RXC_LIMITS.maxN) {
    throw new InputError(
      `exact r × c Fisher test is limited to ${FISHER_RXC_LIMITS.maxRows} × ${FISHER_RXC_LIMITS.maxCols} ` +
        `tables with n ≤ ${FISHER_RXC_LIMITS.maxN}; got ${usedRows} × ${usedCols} non-empty, n = ${t.n}. Use ` +
        `chisqTest (or a Monte Carlo test) instead`,
      { field: "table" },
    );
  }
  const r = fisherRxC(t);
  return statResult({
    test: "fisher-exact",
    method: "Fisher's exact test for r × c tables (network enumeration)",
    convention: "R stats::fisher.test (two-sided, relErr 1 + 1e-7); SPSS 27 Exact Tests",
    pValue: r.pValue,
    alternative: "two-sided",
    n: t.n,
    details: {
      observed: toRows(t.counts, t.rows, t.cols),
      observedTableProbability: r.tableProbability,
      enumerationSteps: r.steps,
    },
  });
}

function fisher2x2(counts: Float64Array, alternative: Alternative, confLevel: number): StatResult<FisherDetails> {
  const [a, b, c, d] = counts;
  // R: m = column 1 total, n = column 2 total, k = row 1 total, x = a
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const size = hi - lo + 1;
  const logdc = new Float64Array(size);
  for (let i = 0; i < size; i++) logdc[i] = hyperLogPmf(lo + i, m + n, m, k);
  const density = new Float64Array(size);
  const dnhyper = (ncp: number): Float64Array => {
    let max = -Infinity;
    for (let i = 0; i < size; i++) {
      density[i] = logdc[i] + Math.log(ncp) * (lo + i);
      if (density[i] > max) max = density[i];
    }
    let s = 0;
    for (let i = 0; i < size; i++) {
      density[i] = Math.exp(density[i] - max);
      s += density[i];
    }
    for (let i = 0; i < size; i++) density[i] /= s;
    return density;
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const dd = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < size; i++) s += (lo + i) * dd[i];
    return s;
  };
  const pnhyper = (q: number, ncp: number, upper: boolean): number => {
    if (ncp === 0) return upper ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Infinity) return upper ? Number(q <= hi) : Number(q >= hi);
    const dd = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < size; i++) if (upper ? lo + i >= q : lo + i <= q) s += dd[i];
    return Math.min(1, s);
  };

  let pValue: number;
  if (alternative === "less") pValue = pnhyper(x, 1, false);
  else if (alternative === "greater") pValue = pnhyper(x, 1, true);
  else {
    const dd = dnhyper(1);
    const cut = dd[x - lo] * (1 + 1e-7);
    pValue = 0;
    for (let i = 0; i < size; i++) if (dd[i] <= cut) pValue += dd[i];
    pValue = Math.min(1, pValue);
  }

  const eps = Number.EPSILON;
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = mnhyper(1);
    if (mu > x) return bisect((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / bisect((t) => mnhyper(1 / t) - x, eps, 1);
    return 1;
  };
  const ncpUpper = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p = pnhyper(x, 1, false);
    if (p < alpha) return bisect((t) => pnhyper(x, t, false) - alpha, 0, 1);
    if (p > alpha) return 1 / bisect((t) => pnhyper(x, 1 / t, false) - alpha, eps, 1);
    return 1;
  };
  const ncpLower = (alpha: number): number => {
    if (x === lo) return 0;
    const p = pnhyper(x, 1, true);
    if (p > alpha) return bisect((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (p < alpha) return 1 / bisect((t) => pnhyper(x, 1 / t, true) - alpha, eps, 1);
    return 1;
  };
  const ci: [number, number] =
    alternative === "less"
      ? [0, ncpUpper(1 - confLevel)]
      : alternative === "greater"
        ? [ncpLower(1 - confLevel), Infinity]
        : [ncpLower((1 - confLevel) / 2), ncpUpper((1 - confLevel) / 2)];
  const estimate = mle();
  const warnings =
    Number.isFinite(estimate) && estimate > 0
      ? []
      : [`a zero in the table makes the conditional MLE odds ratio ${estimate}`];
  return statResult({
    test: "fisher-exact",
    method: "Fisher's exact test for a 2×2 table (conditional MLE odds ratio)",
    convention:
      "R stats::fisher.test (relErr 1 + 1e-7; Cornfield exact CI); SPSS 27 CROSSTABS Fisher's Exact Test (p only)",
    pValue,
    alternative,
    estimateName: "conditional MLE odds ratio",
    estimate,
    ci,
    confLevel,
    n: a + b + c + d,
    warnings,
    details: {
      observed: [
        [a, b],
        [c, d],
      ],
      support: [lo, hi],
    },
  });
}
