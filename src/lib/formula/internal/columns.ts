import { InputError, describeValue } from "../../core/errors";
import { rNumberText } from "./syntax";

/**
 * A column of the model frame, one value per row of the data:
 * - numeric: NaN is missing (R's NA);
 * - logical: 0 / 1, and 2 for missing;
 * - character: null is missing; becomes a factor (levels sorted as R does) when a model uses it;
 * - factor: integer codes into `levels`, −1 for missing.
 */
export type Column =
  | { readonly kind: "numeric"; readonly values: Float64Array }
  | { readonly kind: "logical"; readonly values: Uint8Array }
  | { readonly kind: "character"; readonly values: readonly (string | null)[] }
  | { readonly kind: "factor"; readonly codes: Int32Array; readonly levels: readonly string[] };

export const LOGICAL_NA = 2;

/** Is row i of a column missing? */
export function isMissing(c: Column, i: number): boolean {
  switch (c.kind) {
    case "numeric":
      return Number.isNaN(c.values[i]);
    case "logical":
      return c.values[i] === LOGICAL_NA;
    case "character":
      return c.values[i] === null;
    case "factor":
      return c.codes[i] < 0;
  }
}

/** Length of a column. */
export function columnLength(c: Column): number {
  return c.kind === "factor" ? c.codes.length : c.values.length;
}

/**
 * Reads a raw data column into a typed {@link Column}: numbers (and typed arrays) are numeric, booleans logical,
 * strings character; null, undefined and NaN are missing. A column that mixes types, an empty string, or any
 * other value (objects, dates, bigint) is an InputError naming the column, row and value. Cost O(n).
 */
export function readColumn(raw: ArrayLike<unknown>, name: string): Column {
  const n = raw.length;
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    if (typeof (raw as unknown as ArrayLike<unknown>)[0] === "bigint")
      throw new InputError("bigint columns are not supported: convert to numbers", { field: name, value: raw });
    // Read-only use: a Float64Array is taken as it is (no copy); other typed arrays are converted.
    return { kind: "numeric", values: raw instanceof Float64Array ? raw : Float64Array.from(raw as ArrayLike<number>) };
  }
  let kind: "numeric" | "logical" | "character" | null = null;
  let firstRow = -1;
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
    const k =
      typeof v === "number"
        ? "numeric"
        : typeof v === "boolean"
          ? "logical"
          : typeof v === "string"
            ? "character"
            : null;
    if (k === null)
      throw new InputError("values must be numbers, booleans, strings, or null / NaN for missing", {
        field: name,
        index: i,
        value: v,
      });
    if (k === "character" && v === "")
      throw new InputError("an empty string: use null for a missing value, or a name for the category", {
        field: name,
        index: i,
        value: v,
      });
    if (kind === null) {
      kind = k;
      firstRow = i;
    } else if (k !== kind)
      throw new InputError(
        `column ${name} mixes ${kind} values (first at row ${firstRow}: ${describeValue(raw[firstRow])}) ` +
          `and ${k} values`,
        { field: name, index: i, value: v },
      );
  }
  if (kind === "logical") {
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = raw[i];
      values[i] = v === true ? 1 : v === false ? 0 : LOGICAL_NA;
    }
    return { kind: "logical", values };
  }
  if (kind === "character") {
    const values = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const v = raw[i];
      values[i] = typeof v === "string" ? v : null;
    }
    return { kind: "character", values };
  }
  // All missing or numeric.
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    values[i] = typeof v === "number" ? v : NaN;
  }
  return { kind: "numeric", values };
}

const collator = new Intl.Collator("en");

/** R's order of text factor levels: ICU collation (R's sort() in an en_US or C.UTF-8 locale), then code points. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * R's factor(x): levels are the sorted distinct values (numbers numerically, printed as R prints them; text by
 * R's collation; logical FALSE before TRUE), unless `levels` is given, in which case every value must be one of
 * them (an InputError names the row otherwise; R would make it NA silently). Cost O(n log n).
 */
export function toFactor(c: Column, name: string, levels?: readonly (string | number | boolean)[]): Column {
  if (c.kind === "factor") {
    if (!levels) return c;
    const text = c.levels;
    const fresh = toFactor(
      { kind: "character", values: Array.from(c.codes, (k) => (k < 0 ? null : text[k])) },
      name,
      levels,
    );
    return fresh;
  }
  const n = columnLength(c);
  const key = (i: number): string | null => {
    if (isMissing(c, i)) return null;
    if (c.kind === "numeric") return rNumberText(c.values[i]);
    if (c.kind === "logical") return c.values[i] === 1 ? "TRUE" : "FALSE";
    return c.values[i] as string;
  };
  let levelText: string[];
  if (levels) {
    levelText = levels.map((l) =>
      typeof l === "number" ? rNumberText(l) : typeof l === "boolean" ? (l ? "TRUE" : "FALSE") : l,
    );
    if (new Set(levelText).size !== levelText.length)
      throw new InputError("levels must be distinct", { field: `levels.${name}`, value: levels });
  } else if (c.kind === "numeric") {
    const distinct = new Set<number>();
    for (let i = 0; i < n; i++) if (!Number.isNaN(c.values[i])) distinct.add(c.values[i]);
    levelText = [...distinct].sort((a, b) => a - b).map(rNumberText);
  } else if (c.kind === "logical") {
    let f = false;
    let t = false;
    for (let i = 0; i < n; i++) {
      if (c.values[i] === 0) f = true;
      else if (c.values[i] === 1) t = true;
    }
    levelText = [...(f ? ["FALSE"] : []), ...(t ? ["TRUE"] : [])];
  } else {
    const distinct = new Set<string>();
    for (let i = 0; i < n; i++) if (c.values[i] !== null) distinct.add(c.values[i] as string);
    levelText = [...distinct].sort(compareText);
  }
  const index = new Map(levelText.map((l, k) => [l, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k === null) codes[i] = -1;
    else {
      const code = index.get(k);
      if (code === undefined)
        throw new InputError(`is not one of the levels given (${levelText.join(", ")})`, {
          field: name,
          index: i,
          value: c.kind === "numeric" ? c.values[i] : k,
        });
      codes[i] = code;
    }
  }
  return { kind: "factor", codes, levels: levelText };
}

/** The rows `rows` of a column (the model frame after subset and complete cases). */
export function takeRows(c: Column, rows: Int32Array | null): Column {
  if (rows === null) return c;
  const m = rows.length;
  switch (c.kind) {
    case "numeric": {
      const v = new Float64Array(m);
      for (let k = 0; k < m; k++) v[k] = c.values[rows[k]];
      return { kind: "numeric", values: v };
    }
    case "logical": {
      const v = new Uint8Array(m);
      for (let k = 0; k < m; k++) v[k] = c.values[rows[k]];
      return { kind: "logical", values: v };
    }
    case "character":
      return { kind: "character", values: Array.from(rows, (r) => c.values[r]) };
    case "factor": {
      const v = new Int32Array(m);
      for (let k = 0; k < m; k++) v[k] = c.codes[rows[k]];
      return { kind: "factor", codes: v, levels: c.levels };
    }
  }
}
