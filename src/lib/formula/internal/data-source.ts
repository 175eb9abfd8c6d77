import { InputError } from "../../core/errors";

/**
 * What a front end accepts as `data`: an array of records (`[{ time: 5, status: 1 }, …]`), an object of columns
 * (`{ time: [5, …], status: [1, …] }`, arrays or typed arrays), or a danfojs DataFrame (read through its
 * `columns` and `column(name).values`, so danfojs is never loaded here).
 */
export type FormulaData =
  | ReadonlyArray<Readonly<Record<string, unknown>>>
  | Readonly<Record<string, ArrayLike<unknown>>>
  | DataFrameLike;

/** The part of a danfojs DataFrame the front ends read. */
export interface DataFrameLike {
  readonly columns: readonly string[];
  readonly shape: readonly number[];
  column(name: string): { readonly values: ArrayLike<unknown> };
}

/** Uniform read access to the three shapes of data. */
export interface DataSource {
  readonly kind: "records" | "columns" | "data-frame";
  readonly n: number;
  /** Column names (for records: the keys of any record, in order of first appearance). */
  columns(): readonly string[];
  /** The raw values of a column, or null when no such column exists. */
  column(name: string): ArrayLike<unknown> | null;
}

function isDataFrame(x: unknown): x is DataFrameLike {
  const d = x as DataFrameLike;
  return (
    typeof x === "object" &&
    x !== null &&
    Array.isArray(d.columns) &&
    Array.isArray(d.shape) &&
    typeof (d as unknown as { column?: unknown }).column === "function"
  );
}

/** Wraps `data` for reading; errors name the record or column that is not of the expected shape. Cost O(1) or O(n). */
export function dataSource(data: unknown): DataSource {
  if (Array.isArray(data)) return recordSource(data);
  if (isDataFrame(data)) {
    const df = data;
    const names = [...df.columns];
    return {
      kind: "data-frame",
      n: df.shape[0],
      columns: () => names,
      column: (name) => (names.includes(name) ? df.column(name).values : null),
    };
  }
  if (typeof data === "object" && data !== null && !ArrayBuffer.isView(data)) {
    const cols = data as Record<string, ArrayLike<unknown>>;
    const names = Object.keys(cols);
    if (names.length === 0) throw new InputError("has no columns", { field: "data", value: data });
    let n = -1;
    for (const name of names) {
      const c = cols[name];
      if (c === null || typeof c !== "object" || typeof c.length !== "number")
        throw new InputError("each column of an object of columns must be an array", {
          field: `data.${name}`,
          value: c,
        });
      if (n < 0) n = c.length;
      else if (c.length !== n)
        throw new InputError(`has ${c.length} values, column ${names[0]} has ${n}`, {
          field: `data.${name}`,
          value: c,
        });
    }
    return {
      kind: "columns",
      n,
      columns: () => names,
      column: (name) => (Object.hasOwn(cols, name) ? cols[name] : null),
    };
  }
  throw new InputError("must be an array of records, an object of columns or a danfojs DataFrame", {
    field: "data",
    value: data,
  });
}

function recordSource(rows: readonly unknown[]): DataSource {
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r === null || typeof r !== "object" || Array.isArray(r))
      throw new InputError("each record must be an object such as { time: 5, status: 1 }", {
        field: "data",
        index: i,
        value: r,
      });
  }
  let names: string[] | null = null;
  const allNames = (): string[] => {
    if (names === null) {
      const seen = new Set<string>();
      for (const r of rows) for (const k of Object.keys(r as object)) seen.add(k);
      names = [...seen];
    }
    return names;
  };
  return {
    kind: "records",
    n,
    columns: allNames,
    column: (name) => {
      // A key of the first record is a column; otherwise look through every record before saying there is none.
      if (n === 0 || !(name in (rows[0] as object))) {
        if (!allNames().includes(name)) return null;
      }
      // Numbers (with null / undefined / NaN for missing) go straight into a Float64Array, the common case, read
      // once; the first other value switches to a plain array that readColumn classifies.
      const numbers = new Float64Array(n);
      let i = 0;
      for (; i < n; i++) {
        const v = (rows[i] as Record<string, unknown>)[name];
        if (typeof v === "number") numbers[i] = v;
        else if (v === null || v === undefined) numbers[i] = NaN;
        else break;
      }
      if (i === n) return numbers;
      const out = new Array<unknown>(n);
      for (let k = 0; k < n; k++) out[k] = (rows[k] as Record<string, unknown>)[name];
      return out;
    },
  };
}
