import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpper } from "../distributions";
import { midRanks } from "./mid-ranks";

/** Details of {@link friedmanTest}. */
export interface FriedmanDetails {
  readonly rankSums: readonly number[];
  readonly meanRanks: readonly number[];
  /** Σ(t³ − t) over the tie groups within rows. */
  readonly tieCorrection: number;
  /** 0-based indices of incomplete rows dropped. */
  readonly droppedRows: readonly number[];
}

/**
 * Friedman rank test for k repeated measures on the same subjects (rows = subjects, columns =
 * visits, e.g. VAS before, 1, 3, 6 months). Ranks within each row (mid-ranks for ties);
 * X² = 12 Σ_j (R_j − n(k+1)/2)² / [n k (k+1) − Σ(t³ − t)/(k − 1)], df = k − 1.
 * Missing values (NaN, null, undefined) make an InputError naming the first incomplete row, unless
 * `dropIncomplete: true`, which analyses complete rows and reports how many were dropped (warning
 * and details.droppedRows).
 *
 * Reference: Friedman M (1937) JASA 32:675; Hollander, Wolfe & Chicken (2014) §7.1.
 * R: stats::friedman.test(matrix) (R drops incomplete rows silently). SPSS 27: NPAR TESTS /FRIEDMAN
 * (listwise deletion). Cost: O(n·k log k).
 *
 * @example
 * friedmanTest([[1, 2, 3], [1, 3, 2], [1, 2, 3]]).statistic // 4.6667
 */
export function friedmanTest(
  data: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  options: { dropIncomplete?: boolean } = {},
): StatResult<FriedmanDetails> {
  checkOptions(options);
  if (!Array.isArray(data) || data.length === 0)
    throw new InputError("must be a non-empty array of rows (subjects)", { field: "data", value: data });
  const k = Array.isArray(data[0]) ? data[0].length : 0;
  if (k < 2) throw new InputError("needs at least 2 columns (repeated measures)", { field: "data[0]", value: data[0] });
  const complete: number[][] = [];
  const dropped: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const row = data[i];
    if (!Array.isArray(row) || row.length !== k)
      throw new InputError(`row must have ${k} values like row 0`, { field: `data[${i}]`, value: row });
    let missingAt = -1;
    for (let j = 0; j < k; j++) {
      const v = row[j];
      if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
        missingAt = j;
        break;
      }
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("must be a finite number", { field: `data[${i}][${j}]`, value: v });
    }
    if (missingAt >= 0) {
      if (!options.dropIncomplete) {
        throw new InputError(
          "missing value in a repeated-measures row; pass { dropIncomplete: true } to analyse complete rows only",
          {
            field: `data[${i}][${missingAt}]`,
            value: row[missingAt],
          },
        );
      }
      dropped.push(i);
      continue;
    }
    complete.push(row as number[]);
  }
  const n = complete.length;
  if (n < 2) throw new InputError(`needs at least 2 complete rows, got ${n}`, { field: "data" });
  const rankSums = new Float64Array(k);
  let tieSum = 0;
  const row = new Float64Array(k);
  for (const r of complete) {
    for (let j = 0; j < k; j++) row[j] = r[j];
    const rk = midRanks(row);
    for (let j = 0; j < k; j++) rankSums[j] += rk.ranks[j];
    tieSum += rk.tieSum;
  }
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (rankSums[j] - (n * (k + 1)) / 2) ** 2;
  const x2 = (12 * ss) / (n * k * (k + 1) - tieSum / (k - 1));
  const warnings =
    dropped.length > 0
      ? [`${dropped.length} incomplete row(s) dropped (rows ${dropped.join(", ")}); ${n} complete rows analysed`]
      : [];
  return statResult({
    test: "friedman",
    method: "Friedman rank sum test",
    convention: "R stats::friedman.test = SPSS 27 NPAR TESTS /FRIEDMAN (tie-corrected)",
    statisticName: "Friedman chi-squared",
    statistic: x2,
    df: k - 1,
    pValue: chisqUpper(x2, k - 1),
    n,
    warnings,
    details: {
      rankSums: Array.from(rankSums),
      meanRanks: Array.from(rankSums).map((s) => s / n),
      tieCorrection: tieSum,
      droppedRows: dropped,
    },
  });
}
