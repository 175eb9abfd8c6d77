import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { shortNumber } from "../core/format";
import { chisqUpper } from "../distributions";
import { checkGroupLabels, groupLevels } from "../survival/group-labels";
import type { Surv } from "../survival/surv";
import { distinctTimes, rightCensored } from "./internal/distinct-times";
import type { HandTable } from "./km-table-by-hand";

/** One death time of the hand-worked log-rank test; A is the group tabulated (`options.group`), B the other. */
export interface LogRankHandRow {
  readonly time: number;
  readonly atRiskA: number;
  readonly atRiskB: number;
  readonly deathsA: number;
  readonly deathsB: number;
  /** E_A = d · n_A / n: group A's share of the deaths if both groups had the same hazard at this time. */
  readonly expectedA: number;
  /** O_A − E_A at this time. */
  readonly differenceA: number;
  /** Hypergeometric variance d (n − d) n_A n_B / (n² (n − 1)); 0 when n = 1. */
  readonly variance: number;
  readonly working: string;
}

/** Result of {@link logRankByHand}. */
export interface LogRankByHand extends HandTable<LogRankHandRow> {
  /** The two group labels, A (the tabulated group) first. */
  readonly groups: readonly [string, string];
  readonly observedA: number;
  readonly expectedA: number;
  readonly observedB: number;
  readonly expectedB: number;
  readonly variance: number;
  /** (O_A − E_A)² / V, on 1 df. */
  readonly statistic: number;
  readonly pValue: number;
  /** The older approximation Σ (O − E)² / E over both groups, never larger than the log-rank statistic. */
  readonly approximateStatistic: number;
}

/**
 * The log-rank test for two groups worked at each death time: the numbers at risk and the deaths in each group, the
 * deaths group A would expect if both shared one hazard (E_A = d·n_A/n), O_A − E_A, and the hypergeometric variance.
 * Summed over the death times, χ² = (O_A − E_A)² / V on 1 degree of freedom. Censored patients never count as deaths;
 * they only leave the risk sets. Also returns the approximation Σ(O − E)²/E that older textbooks compute by hand.
 * `options.group` names the group A whose O − E the table shows (default: the first in R's level order); the
 * statistic is the same either way.
 *
 * Independent of {@link logRank} (the teaching notebook compares the two). Reference: Mantel N (1966) Cancer
 * Chemother Rep 50:163; Peto R, Peto J (1972) JRSS A 135:185; Collett D (2015) §2.6.2. R: survdiff(Surv(time,
 * status) ~ group) (its "(O-E)^2/E" columns are the approximation's terms). SPSS 27: KM /TEST LOGRANK.
 * Cost: O(n log n).
 *
 * @example
 * logRankByHand(surv([1, 2, 3, 4], [1, 1, 1, 1]), ["a", "b", "a", "b"]).expectedA // 1.3333333 (1/2 + 1/3 + 1/2 + 0)
 */
export function logRankByHand(
  y: Surv,
  groups: ArrayLike<string | number>,
  options: { readonly group?: string } = {},
): LogRankByHand {
  checkOptions(options);
  rightCensored(y);
  const labels = checkGroupLabels(groups, "groups", y.n);
  const sorted = groupLevels(labels).map(String);
  if (sorted.length !== 2)
    throw new InputError(`the hand-worked log-rank test takes exactly 2 groups, got ${sorted.length}`, {
      field: "groups",
      value: sorted,
    });
  if (options.group !== undefined && !sorted.includes(options.group))
    throw new InputError(`must be one of the groups (${sorted.join(", ")})`, {
      field: "options.group",
      value: options.group,
    });
  // Group A is the one whose O − E is tabulated: the chosen group, else the first in R's level order.
  const levels = options.group === undefined || options.group === sorted[0] ? sorted : [sorted[1], sorted[0]];
  const inA = labels.map((g) => String(g) === levels[0]);
  const all = distinctTimes(y);
  const tableA = new Map(distinctTimes(y, (i) => inA[i]).map((r) => [r.time, r]));
  const tableB = new Map(distinctTimes(y, (i) => !inA[i]).map((r) => [r.time, r]));
  let atRiskA = inA.filter(Boolean).length;
  let atRiskB = y.n - atRiskA;
  const rows: LogRankHandRow[] = [];
  for (const r of all) {
    const a = tableA.get(r.time);
    const b = tableB.get(r.time);
    const deathsA = a?.deaths ?? 0;
    const deathsB = b?.deaths ?? 0;
    if (r.deaths > 0) {
      const n = atRiskA + atRiskB;
      const expectedA = (r.deaths * atRiskA) / n;
      const variance = n > 1 ? (r.deaths * (n - r.deaths) * atRiskA * atRiskB) / (n * n * (n - 1)) : 0;
      const f = (x: number) => shortNumber(x, 4);
      rows.push({
        time: r.time,
        atRiskA,
        atRiskB,
        deathsA,
        deathsB,
        expectedA,
        differenceA: deathsA - expectedA,
        variance,
        working:
          `E = ${r.deaths}·${atRiskA}/${n} = ${f(expectedA)}; O − E = ${deathsA} − ${f(expectedA)} = ` +
          `${f(deathsA - expectedA)}; V = ${r.deaths}·${n - r.deaths}·${atRiskA}·${atRiskB}/(${n}²·${n - 1}) = ` +
          `${f(variance)}`,
      });
    }
    atRiskA -= (a?.deaths ?? 0) + (a?.censored ?? 0);
    atRiskB -= (b?.deaths ?? 0) + (b?.censored ?? 0);
  }
  const total = (f: (r: LogRankHandRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const observedA = total((r) => r.deathsA);
  const expectedA = total((r) => r.expectedA);
  const observedB = total((r) => r.deathsB);
  const expectedB = total((r) => r.deathsA + r.deathsB - r.expectedA);
  const variance = total((r) => r.variance);
  if (!(variance > 0))
    throw new InputError("no death time has both groups at risk: the log-rank variance is 0", {
      field: "y",
      value: variance,
    });
  const statistic = (observedA - expectedA) ** 2 / variance;
  const [A, B] = levels;
  return deepFreeze({
    rows,
    labels: {
      time: "t",
      atRiskA: `n (${A})`,
      atRiskB: `n (${B})`,
      deathsA: `d (${A})`,
      deathsB: `d (${B})`,
      expectedA: `E (${A})`,
      differenceA: `O − E (${A})`,
      variance: "V",
      working: "working",
    },
    groups: [A, B] as [string, string],
    observedA,
    expectedA,
    observedB,
    expectedB,
    variance,
    statistic,
    pValue: chisqUpper(statistic, 1),
    approximateStatistic: (observedA - expectedA) ** 2 / expectedA + (observedB - expectedB) ** 2 / expectedB,
  });
}
