import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { midRanks } from "./mid-ranks";
import { checkSample } from "./internal/validate";

/** Details of {@link kruskalWallisTest}. */
export interface KruskalWallisDetails {
  /** Group labels as given, in order of first appearance. */
  readonly groups: readonly (string | number)[];
  readonly sizes: readonly number[];
  readonly rankSums: readonly number[];
  readonly meanRanks: readonly number[];
  /** Tie correction factor 1 − Σ(t³ − t)/(N³ − N) (H = uncorrectedH / tieCorrection). */
  readonly tieCorrection: number;
  readonly uncorrectedH: number;
}

/**
 * Kruskal–Wallis rank test that k groups come from the same distribution:
 * H = [12/(N(N+1)) Σ R_g²/n_g − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)], df = k − 1 (chi-square).
 *
 * Reference: Kruskal WH, Wallis WA (1952) JASA 47:583; Hollander, Wolfe & Chicken (2014) §6.1.
 * R: stats::kruskal.test(values, groups). SPSS 27: NPAR TESTS /K-W (same tie-corrected H, "Asymp. Sig.").
 * Cost: O(N log N).
 *
 * @example
 * kruskalWallisTest([1, 2, 3, 4, 5, 6], ["a", "a", "b", "b", "c", "c"]).statistic // 4.5714 (= 32/7)
 */
export function kruskalWallisTest(
  values: ArrayLike<number>,
  groups: ArrayLike<string | number>,
): StatResult<KruskalWallisDetails> {
  const v = checkSample(values, "values", 2);
  if (!groups || groups.length !== v.length) {
    throw new InputError(`must give one group label per value (${v.length})`, { field: "groups", value: groups });
  }
  const labels: (string | number)[] = [];
  const index = new Map<string | number, number>();
  const g = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const lab = groups[i];
    if ((typeof lab !== "string" && typeof lab !== "number") || (typeof lab === "number" && !Number.isFinite(lab))) {
      throw new InputError("group label must be a string or finite number", { field: "groups", index: i, value: lab });
    }
    let k = index.get(lab);
    if (k === undefined) {
      k = labels.length;
      labels.push(lab);
      index.set(lab, k);
    }
    g[i] = k;
  }
  const k = labels.length;
  if (k < 2) throw new InputError("needs at least 2 groups", { field: "groups", value: labels });
  const { ranks, tieSum } = midRanks(v);
  const sums = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < v.length; i++) {
    sums[g[i]] += ranks[i];
    sizes[g[i]]++;
  }
  const N = v.length;
  let s = 0;
  for (let j = 0; j < k; j++) s += (sums[j] * sums[j]) / sizes[j];
  const hRaw = (12 / (N * (N + 1))) * s - 3 * (N + 1);
  const correction = 1 - tieSum / (N * N * N - N);
  const h = hRaw / correction;
  const warnings: string[] = [];
  const small = labels.filter((_, j) => sizes[j] < 5);
  if (small.length > 0)
    warnings.push(`${small.length} group(s) have fewer than 5 values: the chi-square approximation may be poor`);
  return statResult({
    test: "kruskal-wallis",
    method: "Kruskal–Wallis rank sum test",
    convention: "R stats::kruskal.test = SPSS 27 NPAR TESTS /K-W (tie-corrected H)",
    statisticName: "Kruskal-Wallis chi-squared",
    statistic: h,
    df: k - 1,
    pValue: chisqUpper(h, k - 1),
    n: N,
    warnings,
    details: {
      groups: labels,
      sizes: Array.from(sizes),
      rankSums: Array.from(sums),
      meanRanks: Array.from(sums).map((r, j) => r / sizes[j]),
      tieCorrection: correction,
      uncorrectedH: hRaw,
    },
  });
}
