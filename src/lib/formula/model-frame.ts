import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { type Column, isMissing, readColumn, takeRows, toFactor } from "./internal/columns";
import { dataSource, type FormulaData } from "./internal/data-source";
import { type EvalContext, evaluateColumn, type LevelsOption } from "./internal/evaluate";
import { deparse, formulaError, type Node, parseExpression } from "./internal/syntax";
import { type ParsedFormula, parseFormula } from "./parse-formula";

export type { Column } from "./internal/columns";
export type { DataFrameLike, FormulaData } from "./internal/data-source";
export type { LevelsOption } from "./internal/evaluate";

/** Options shared by the front ends for building the model frame. */
export interface ModelFrameOptions {
  /**
   * Rows to use (R's `subset =`): an R expression evaluated in the data (`"sex == 'f'"`, `"age >= 50 & !is_male"`),
   * or one boolean per row. Rows where it is missing are left out, as R does.
   */
  readonly subset?: string | ArrayLike<boolean>;
  /** Case weights (R's `weights =`): a column name or expression, or one number per row; finite and > 0. */
  readonly weights?: string | ArrayLike<number>;
  /** Cluster for the robust variance (R's `cluster =` argument): a column name, or one label per row. */
  readonly cluster?: string | ArrayLike<string | number>;
  /**
   * Level order of categorical variables, by column name or variable label
   * (`{ sex: ["male", "female"], "factor(ph.ecog)": [0, 1, 2, 3] }`): the first level is the reference of the
   * treatment contrasts. Default: R's factor() order (numbers ascending, text in R's collation).
   */
  readonly levels?: LevelsOption;
}

/** How the status values were read, following R's Surv() (see {@link modelFrame}). */
export type EventCoding = "0/1" | "1/2" | "logical" | "all events" | "states";

/** The survival response of the used rows. */
export interface FrameResponse {
  readonly kind: "right" | "counting";
  readonly start: Float64Array | null;
  readonly time: Float64Array;
  /** 1 = event, 0 = censored (for multi-state data: 0 = censored, k = the k-th state of `states`). */
  readonly event: Uint8Array;
  readonly coding: EventCoding;
  /** Multi-state status (a text or factor status): the states after the censoring level, else null. */
  readonly states: readonly string[] | null;
}

/** Rows left out of the model, as R's na.action reports them. */
export interface MissingSummary {
  /** Rows dropped for a missing value (R's na.omit), after the subset. */
  readonly dropped: number;
  /** Their 0-based positions in the data. */
  readonly rows: readonly number[];
  /** Missing values per variable among the rows the subset kept (a row can count under several). */
  readonly byVariable: Readonly<Record<string, number>>;
}

/**
 * The model frame: every variable of the formula evaluated over the data, restricted to the subset and to
 * complete cases, with the response validated. The layer between a formula and the kernels' validated arrays.
 */
export interface ModelFrame {
  readonly formula: ParsedFormula;
  /** Rows in the data. */
  readonly nData: number;
  /** Rows used. */
  readonly n: number;
  /** Data row (0-based) of each used row, or null when every row is used. */
  readonly rows: Int32Array | null;
  /** Rows the subset left out. */
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
  readonly response: FrameResponse;
  /** One column per variable of the formula (used rows only); text columns have become factors. */
  readonly columns: readonly Column[];
  readonly weights: Float64Array | null;
  /** The cluster option as a factor over the used rows, or null. */
  readonly cluster: Extract<Column, { kind: "factor" }> | null;
  /** The data's column names and source kind, for messages. */
  readonly dataKind: "records" | "columns" | "data-frame";
}

/**
 * Builds R's model frame for a parsed survival formula: evaluates the response and every variable over the data,
 * applies `subset`, drops incomplete rows (R's na.omit, counted and listed — never silent), validates the
 * response, and turns text columns into factors with levels in R's order over the rows used.
 *
 * Status coding, R's rule (survival 3.5 `Surv()`, R/Surv.R lines 57–67 of therneau/survival): a logical status
 * is TRUE = event; a numeric status is taken as 1/2 (1 = censored, 2 = event) when its largest non-missing value
 * is 2, and as 0/1 otherwise; any other value is an error here (R turns it into NA with a warning and drops the
 * row). A text or factor status is multi-state (first level = censored). `Surv(time)` alone means every row is
 * an event. Missing values are null, undefined or NaN; times must be finite and ≥ 0, and start < stop.
 * `factor(x)` takes its levels from all rows of the data (R evaluates it before the subset and na.omit, so a
 * level seen only in dropped rows gives a column of zeros), a plain text column from the rows used (as R's
 * model.matrix converts it). Errors name the variable, the 0-based data row and the value.
 *
 * R: `model.frame(formula, data, subset, weights, na.action = na.omit)`. Cost: O(n × variables).
 *
 * @example
 * modelFrame("Surv(t, s) ~ x", { t: [1, 2, 3], s: [2, 1, 2], x: [0.5, null, 1] }).missing.dropped
 * // 1 (row 1: x is missing)
 */
export function modelFrame(
  formula: string | ParsedFormula,
  data: FormulaData,
  options: ModelFrameOptions = {},
): ModelFrame {
  checkOptions(options);
  const source = dataSource(data);
  if (typeof formula === "string") formula = parseFormula(formula, { columns: () => source.columns() });
  const nData = source.n;
  if (nData === 0) throw new InputError("has no rows", { field: "data", value: data });
  const levels = options.levels ?? {};
  if (typeof levels !== "object" || levels === null)
    throw new InputError('must be an object such as { sex: ["male", "female"] }', { field: "levels", value: levels });
  const parsed = formula;
  const ctx: EvalContext = { text: parsed.text, field: "formula", source, levels, cache: new Map() };
  const resp = parsed.response;

  // Evaluate everything over all rows first (R's model.frame), then select rows.
  const time = numericResponse(resp.time, ctx, "time");
  const start = resp.start ? numericResponse(resp.start, ctx, "start") : null;
  const rawEvent = resp.event ? evaluateColumn(resp.event, ctx) : null;
  const variables = parsed.variables.map((v) => evaluateColumn(v.node, ctx));
  for (const [k, v] of parsed.variables.entries()) {
    const col = variables[k];
    if (v.node.type === "name" && col.kind === "numeric" && levels[v.node.name] !== undefined)
      throw new InputError(
        `levels were given for the numeric variable ${v.label}: write factor(${v.label}) to treat it as categorical`,
        {
          field: `levels.${v.node.name}`,
          value: levels[v.node.name],
        },
      );
  }
  const weights = options.weights === undefined ? null : optionColumn(options.weights, ctx, "weights");
  const clusterRaw = options.cluster === undefined ? null : optionColumn(options.cluster, ctx, "cluster");
  const subset = options.subset === undefined ? null : subsetMask(options.subset, source, ctx);

  // The status coding is decided on all rows, as Surv() sees them before the subset.
  const event = rawEvent ? readEvent(rawEvent, resp.event!, nData) : null;

  const named: { label: string; col: Column }[] = [
    { label: deparse(resp.time), col: time },
    ...(start ? [{ label: deparse(resp.start!), col: start }] : []),
    ...(rawEvent ? [{ label: deparse(resp.event!), col: rawEvent }] : []),
    ...parsed.variables.map((v, k) => ({ label: v.label, col: variables[k] })),
    ...(weights ? [{ label: "(weights)", col: weights }] : []),
    ...(clusterRaw ? [{ label: "(cluster)", col: clusterRaw }] : []),
  ];
  const byVariable: Record<string, number> = {};
  const keep = new Uint8Array(nData).fill(1);
  let excludedBySubset = 0;
  if (subset) {
    for (let i = 0; i < nData; i++) {
      if (subset[i] !== 1) {
        keep[i] = 0;
        excludedBySubset++;
      }
    }
  }
  const droppedRows: number[] = [];
  for (const { label, col } of named) {
    let count = 0;
    for (let i = 0; i < nData; i++) {
      if (subset && subset[i] !== 1) continue;
      if (isMissing(col, i)) {
        count++;
        keep[i] = 0;
      }
    }
    if (count > 0) byVariable[label] = (byVariable[label] ?? 0) + count;
  }
  for (let i = 0; i < nData; i++) if (keep[i] === 0 && !(subset && subset[i] !== 1)) droppedRows.push(i);
  const nUsed = nData - excludedBySubset - droppedRows.length;
  if (nUsed === 0)
    throw new InputError(
      `no rows left${excludedBySubset ? ` (the subset excluded ${excludedBySubset})` : ""}` +
        (droppedRows.length
          ? ` after dropping ${droppedRows.length} with a missing value (${describeMissing(byVariable)})`
          : ""),
      { field: "data", value: nData },
    );
  let rows: Int32Array | null = null;
  if (nUsed < nData) {
    rows = new Int32Array(nUsed);
    let k = 0;
    for (let i = 0; i < nData; i++) if (keep[i] === 1) rows[k++] = i;
  }
  const at = (k: number) => (rows ? rows[k] : k);

  // Validate the response on the rows used, naming the data row.
  const timeUsed = (takeRows(time, rows) as { values: Float64Array }).values;
  const timeName = deparse(resp.time);
  for (let k = 0; k < nUsed; k++) {
    const t = timeUsed[k];
    if (!Number.isFinite(t) || t < 0)
      throw new InputError("times must be finite numbers ≥ 0", { field: timeName, index: at(k), value: t });
  }
  let startUsed: Float64Array | null = null;
  if (start) {
    startUsed = (takeRows(start, rows) as { values: Float64Array }).values;
    const startName = deparse(resp.start!);
    for (let k = 0; k < nUsed; k++) {
      const s = startUsed[k];
      if (!Number.isFinite(s) || s < 0)
        throw new InputError("times must be finite numbers ≥ 0", { field: startName, index: at(k), value: s });
      if (!(s < timeUsed[k]))
        throw new InputError(`the start time must be < the stop time ${timeUsed[k]} (R would make this row NA)`, {
          field: startName,
          index: at(k),
          value: s,
        });
    }
  }
  let eventUsed: Uint8Array;
  if (event) {
    eventUsed = new Uint8Array(nUsed);
    for (let k = 0; k < nUsed; k++) eventUsed[k] = event.codes[at(k)];
  } else eventUsed = new Uint8Array(nUsed).fill(1);

  let weightUsed: Float64Array | null = null;
  if (weights) {
    if (weights.kind !== "numeric")
      throw new InputError("weights must be numbers", { field: "weights", value: options.weights });
    weightUsed = (takeRows(weights, rows) as { values: Float64Array }).values;
    for (let k = 0; k < nUsed; k++) {
      const w = weightUsed[k];
      if (!Number.isFinite(w) || w <= 0)
        throw new InputError("weights must be finite numbers > 0", { field: "weights", index: at(k), value: w });
    }
  }
  const cluster = clusterRaw
    ? (toFactor(takeRows(clusterRaw, rows), "cluster") as Extract<Column, { kind: "factor" }>)
    : null;

  const columns = parsed.variables.map((v, k) => {
    const used = takeRows(variables[k], rows);
    if (used.kind !== "character") return used;
    const given = levels[v.label] ?? (v.node.type === "name" ? levels[v.node.name] : undefined);
    return toFactor(used, v.label, given);
  });
  return {
    formula: parsed,
    nData,
    n: nUsed,
    rows,
    excludedBySubset,
    missing: { dropped: droppedRows.length, rows: droppedRows, byVariable },
    response: {
      kind: resp.kind,
      start: startUsed,
      time: timeUsed,
      event: eventUsed,
      coding: event ? event.coding : "all events",
      states: event ? event.states : null,
    },
    columns,
    weights: weightUsed,
    cluster,
    dataKind: source.kind,
  };
}

function describeMissing(byVariable: Record<string, number>): string {
  return Object.entries(byVariable)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
}

function numericResponse(node: Node, ctx: EvalContext, role: string): Column {
  const col = evaluateColumn(node, ctx);
  if (col.kind !== "numeric")
    throw formulaError(
      ctx.text,
      node.start,
      node.end,
      `the ${role} of Surv() must be numeric (found ${col.kind} values)`,
    );
  return col;
}

/** R's Surv() status rule, applied over every row of the data. */
function readEvent(
  col: Column,
  node: Node,
  n: number,
): { codes: Uint8Array; coding: EventCoding; states: string[] | null } {
  const name = deparse(node);
  const codes = new Uint8Array(n);
  if (col.kind === "logical") {
    for (let i = 0; i < n; i++) codes[i] = col.values[i] === 1 ? 1 : 0;
    return { codes, coding: "logical", states: null };
  }
  if (col.kind === "character" || col.kind === "factor") {
    const f = toFactor(col, name) as Extract<Column, { kind: "factor" }>;
    if (f.levels.length > 255)
      throw new InputError("a multi-state status has more than 255 states", { field: name, value: f.levels.length });
    for (let i = 0; i < n; i++) codes[i] = Math.max(f.codes[i], 0);
    return { codes, coding: "states", states: f.levels.slice(1) };
  }
  const v = col.values;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (!Number.isNaN(v[i]) && v[i] > max) max = v[i];
  const shift = max === 2 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(v[i])) continue;
    const s = v[i] - shift;
    if (s !== 0 && s !== 1)
      throw new InputError(
        shift
          ? "with 2 as the largest status, R's Surv() reads 1 = censored, 2 = event; other values are invalid"
          : "status must be 0/1 (censored/event), 1/2 (R's coding when the largest value is 2) or TRUE/FALSE",
        { field: name, index: i, value: v[i] },
      );
    codes[i] = s;
  }
  return { codes, coding: shift ? "1/2" : "0/1", states: null };
}

function optionColumn(value: string | ArrayLike<unknown>, ctx: EvalContext, field: string): Column {
  if (typeof value === "string") {
    const node = parseExpression(value, field);
    return evaluateColumn(node, { ...ctx, text: value, field });
  }
  if (value === null || typeof value !== "object" || typeof value.length !== "number")
    throw new InputError("must be a column name or an array with one value per row", { field, value });
  if (value.length !== ctx.source.n)
    throw new InputError(`has ${value.length} values, the data ${ctx.source.n} rows`, { field, value });
  return readColumn(value, field);
}

function subsetMask(subset: string | ArrayLike<boolean>, source: { n: number }, ctx: EvalContext): Uint8Array {
  const col = optionColumn(subset, ctx, "subset");
  if (col.kind !== "logical")
    throw new InputError('must give TRUE/FALSE per row (an expression such as "age > 60", or booleans)', {
      field: "subset",
      value: subset,
    });
  const out = new Uint8Array(source.n);
  for (let i = 0; i < source.n; i++) out[i] = col.values[i] === 1 ? 1 : 0;
  return out;
}
