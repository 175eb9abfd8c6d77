import { InputError } from "../../core/errors";
import type { Alternative } from "../../core/result";

/** A validated two-way table of counts, stored row-major in a typed array. */
export interface CountTable {
  readonly rows: number;
  readonly cols: number;
  /** counts[i * cols + j] */
  readonly counts: Float64Array;
  readonly rowSums: Float64Array;
  readonly colSums: Float64Array;
  readonly n: number;
}

/**
 * Checks a table of counts given as an array of rows: rectangular, at least `minRows` × `minCols`,
 * every cell a finite non-negative integer, total > 0. The error names the cell as `field[i][j]`.
 */
export function checkCountTable(
  table: ReadonlyArray<ReadonlyArray<number>>,
  field: string,
  options: { minRows?: number; minCols?: number; square?: boolean } = {},
): CountTable {
  const minRows = options.minRows ?? 2;
  const minCols = options.minCols ?? 2;
  if (!Array.isArray(table)) throw new InputError("must be an array of rows of counts", { field, value: table });
  const rows = table.length;
  if (rows < minRows) throw new InputError(`needs at least ${minRows} rows, got ${rows}`, { field, value: table });
  const first = table[0];
  if (!Array.isArray(first)) throw new InputError("must be an array of counts", { field: `${field}[0]`, value: first });
  const cols = first.length;
  if (cols < minCols)
    throw new InputError(`needs at least ${minCols} columns, got ${cols}`, { field: `${field}[0]`, value: first });
  if (options.square && rows !== cols) {
    throw new InputError(`a paired table must be square (k × k), got ${rows} × ${cols}`, { field, value: table });
  }
  const counts = new Float64Array(rows * cols);
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const row = table[i];
    if (!Array.isArray(row) || row.length !== cols) {
      throw new InputError(`row must have ${cols} counts like row 0 (table must be rectangular)`, {
        field: `${field}[${i}]`,
        value: row,
      });
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
        throw new InputError("a count must be a finite non-negative integer", {
          field: `${field}[${i}][${j}]`,
          value: v,
        });
      }
      counts[i * cols + j] = v;
      rowSums[i] += v;
      colSums[j] += v;
      n += v;
    }
  }
  if (n === 0) throw new InputError("all counts are zero", { field, value: table });
  return { rows, cols, counts, rowSums, colSums, n };
}

/** Checks a sample of finite numbers (no NaN, no ±Infinity) of at least `minLength` values. */
export function checkSample(x: ArrayLike<number>, field: string, minLength = 1): Float64Array {
  if (x === null || x === undefined || typeof (x as ArrayLike<number>).length !== "number" || typeof x === "string") {
    throw new InputError("must be an array of numbers", { field, value: x });
  }
  if (x.length < minLength) {
    throw new InputError(`needs at least ${minLength} value${minLength === 1 ? "" : "s"}, got ${x.length}`, {
      field,
      value: x,
    });
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new InputError("must be a finite number (missing values are not dropped silently)", {
        field,
        index: i,
        value: v,
      });
    }
    out[i] = v;
  }
  return out;
}

/** Checks that two paired samples have the same length. */
export function checkSameLength(x: ArrayLike<number>, y: ArrayLike<number>, fieldX: string, fieldY: string): void {
  if (x.length !== y.length) {
    throw new InputError(`must have the same length as ${fieldX} (${x.length}) for paired data`, {
      field: fieldY,
      value: y,
    });
  }
}

/** Checks a confidence level in (0, 1). */
export function checkConfLevel(confLevel: number | undefined, field = "confLevel"): number {
  const c = confLevel ?? 0.95;
  if (typeof c !== "number" || !(c > 0 && c < 1))
    throw new InputError("must be a number strictly between 0 and 1", { field, value: c });
  return c;
}

/** Checks an alternative hypothesis name. */
export function checkAlternative(alternative: Alternative | undefined, field = "alternative"): Alternative {
  const a = alternative ?? "two-sided";
  if (a !== "two-sided" && a !== "less" && a !== "greater") {
    throw new InputError('must be "two-sided", "less" or "greater"', { field, value: a });
  }
  return a;
}

/** Checks that an option is one of the allowed strings. */
export function checkChoice<T extends string>(
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
  field: string,
): T {
  const v = value ?? fallback;
  if (!allowed.includes(v))
    throw new InputError(`must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, { field, value: v });
  return v;
}

/** Plain array of rows from a row-major typed array (for JSON-serializable details). */
export function toRows(values: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(values.subarray(i * cols, (i + 1) * cols)));
  return out;
}
