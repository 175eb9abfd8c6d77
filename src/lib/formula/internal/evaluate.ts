import { InputError } from "../../core/errors";
import { combineFactors } from "../combine-factors";
import { type Column, isMissing, LOGICAL_NA, readColumn, toFactor } from "./columns";
import type { DataSource } from "./data-source";
import { deparse, formulaError, type Node, rNumberText } from "./syntax";

/** A constant in an expression (`2` in `status == 2`), broadcast over the rows. */
interface Scalar {
  readonly kind: "scalar";
  readonly value: number | string | boolean;
}

type Value = Column | Scalar;

/** User-given level orders, by column name or by variable label (`sex`, `factor(ph.ecog)`). */
export type LevelsOption = Readonly<Record<string, readonly (string | number | boolean)[]>>;

/** What an expression is evaluated against. */
export interface EvalContext {
  readonly text: string;
  /** Argument the text came from, for errors: "formula" or "subset". */
  readonly field: string;
  readonly source: DataSource;
  readonly levels: LevelsOption;
  /** Raw columns already read, by name. */
  readonly cache: Map<string, Column>;
}

/** Evaluates an expression over every row of the data into a column (constants are broadcast). */
export function evaluateColumn(node: Node, ctx: EvalContext): Column {
  const v = evaluate(node, ctx);
  if (v.kind !== "scalar") return v;
  const n = ctx.source.n;
  if (typeof v.value === "number") return { kind: "numeric", values: new Float64Array(n).fill(v.value) };
  if (typeof v.value === "boolean") return { kind: "logical", values: new Uint8Array(n).fill(v.value ? 1 : 0) };
  return { kind: "character", values: new Array<string>(n).fill(v.value) };
}

function fail(ctx: EvalContext, node: Node, message: string): never {
  throw formulaError(ctx.text, node.start, node.end, message, ctx.field);
}

function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.type) {
    case "number":
      return { kind: "scalar", value: node.value };
    case "string":
      return { kind: "scalar", value: node.value };
    case "logical":
      return { kind: "scalar", value: node.value };
    case "paren":
      return evaluate(node.inner, ctx);
    case "dot":
      return fail(ctx, node, '"." is only allowed as a term on the right of ~');
    case "name": {
      if (node.name === "T" || node.name === "F") {
        if (ctx.source.column(node.name) === null) return { kind: "scalar", value: node.name === "T" };
      }
      return readName(node, ctx);
    }
    case "unary": {
      const v = evaluate(node.operand, ctx);
      if (node.op === "!") return logicalMap([toLogical(v, ctx, node.operand)], (a) => (a === LOGICAL_NA ? a : 1 - a));
      if (node.op === "~") return fail(ctx, node, "a formula inside an expression is not supported");
      const x = toNumeric(v, ctx, node.operand);
      if (node.op === "+") return x;
      if (x.kind === "scalar") return { kind: "scalar", value: -(x.value as number) };
      return { kind: "numeric", values: x.values.map((a) => -a) };
    }
    case "binary":
      return binary(node, ctx);
    case "call":
      return call(node, ctx);
  }
}

function readName(node: Extract<Node, { type: "name" }>, ctx: EvalContext): Column {
  const cached = ctx.cache.get(node.name);
  if (cached) return cached;
  const raw = ctx.source.column(node.name);
  if (raw === null) {
    const names = ctx.source.columns();
    const shown = names.length > 25 ? `${names.slice(0, 25).join(", ")}, …` : names.join(", ");
    fail(ctx, node, `no column "${node.name}" in the data (columns: ${shown})`);
  }
  const col = readColumn(raw, node.name);
  ctx.cache.set(node.name, col);
  return col;
}

type NumericValue = { kind: "numeric"; values: Float64Array } | { kind: "scalar"; value: number };

function toNumeric(v: Value, ctx: EvalContext, node: Node): NumericValue {
  if (v.kind === "scalar") {
    if (typeof v.value === "number") return { kind: "scalar", value: v.value };
    if (typeof v.value === "boolean") return { kind: "scalar", value: v.value ? 1 : 0 };
    return fail(ctx, node, `text ${JSON.stringify(v.value)} cannot be used in arithmetic`);
  }
  if (v.kind === "numeric") return v;
  if (v.kind === "logical")
    return { kind: "numeric", values: Float64Array.from(v.values, (a) => (a === LOGICAL_NA ? NaN : a)) };
  return fail(ctx, node, `${deparse(node)} is categorical (${v.kind}); arithmetic needs numbers`);
}

type LogicalValue = { kind: "logical"; values: Uint8Array } | { kind: "scalar"; value: boolean };

function toLogical(v: Value, ctx: EvalContext, node: Node): LogicalValue {
  if (v.kind === "scalar") {
    if (typeof v.value === "string") return fail(ctx, node, "text is not a logical value");
    return { kind: "scalar", value: Boolean(v.value) };
  }
  if (v.kind === "logical") return v;
  if (v.kind === "numeric")
    return {
      kind: "logical",
      values: Uint8Array.from(v.values, (a) => (Number.isNaN(a) ? LOGICAL_NA : a !== 0 ? 1 : 0)),
    };
  return fail(ctx, node, `${deparse(node)} is categorical; a logical value is needed`);
}

function logicalMap(args: LogicalValue[], f: (...a: number[]) => number): LogicalValue {
  const cols = args.filter((a) => a.kind !== "scalar") as { values: Uint8Array }[];
  if (cols.length === 0) {
    const out = f(...args.map((a) => ((a as { value: boolean }).value ? 1 : 0)));
    return { kind: "scalar", value: out === 1 };
  }
  const n = cols[0].values.length;
  const out = new Uint8Array(n);
  const get = args.map((a) => (a.kind === "scalar" ? () => (a.value ? 1 : 0) : (i: number) => a.values[i]));
  for (let i = 0; i < n; i++) out[i] = f(...get.map((g) => g(i)));
  return { kind: "logical", values: out };
}

function numericMap(args: NumericValue[], f: (...a: number[]) => number): NumericValue {
  const cols = args.filter((a) => a.kind !== "scalar") as { values: Float64Array }[];
  if (cols.length === 0) return { kind: "scalar", value: f(...args.map((a) => (a as { value: number }).value)) };
  const n = cols[0].values.length;
  const out = new Float64Array(n);
  if (args.length === 2) {
    const [a, b] = args;
    for (let i = 0; i < n; i++)
      out[i] = f(a.kind === "scalar" ? a.value : a.values[i], b.kind === "scalar" ? b.value : b.values[i]);
    return { kind: "numeric", values: out };
  }
  const a = args[0] as { values: Float64Array };
  for (let i = 0; i < n; i++) out[i] = f(a.values[i]);
  return { kind: "numeric", values: out };
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "^": (a, b) => a ** b,
};

const ORDER: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
};

function binary(node: Extract<Node, { type: "binary" }>, ctx: EvalContext): Value {
  const op = node.op;
  if (op === "~" || op === ":" || op === "%in%")
    return fail(ctx, node, `operator ${op} is not supported inside an expression (use I() only for arithmetic)`);
  const left = evaluate(node.left, ctx);
  const right = evaluate(node.right, ctx);
  if (ARITHMETIC[op]) {
    const f = ARITHMETIC[op];
    return numericMap([toNumeric(left, ctx, node.left), toNumeric(right, ctx, node.right)], f);
  }
  if (op === "&" || op === "&&")
    return logicalMap([toLogical(left, ctx, node.left), toLogical(right, ctx, node.right)], (a, b) =>
      a === 0 || b === 0 ? 0 : a === LOGICAL_NA || b === LOGICAL_NA ? LOGICAL_NA : 1,
    );
  if (op === "|" || op === "||")
    return logicalMap([toLogical(left, ctx, node.left), toLogical(right, ctx, node.right)], (a, b) =>
      a === 1 || b === 1 ? 1 : a === LOGICAL_NA || b === LOGICAL_NA ? LOGICAL_NA : 0,
    );
  const cmp = ORDER[op];
  if (!cmp) return fail(ctx, node, `operator ${op} is not supported`);
  const textual = (v: Value) =>
    (v.kind === "scalar" && typeof v.value === "string") || v.kind === "character" || v.kind === "factor";
  if (textual(left) || textual(right)) {
    if (op !== "==" && op !== "!=")
      return fail(ctx, node, `categorical values can only be compared with == or != (found ${op})`);
    const l = textAt(left);
    const r = textAt(right);
    const n = ctx.source.n;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = l(i);
      const b = r(i);
      out[i] = a === null || b === null ? LOGICAL_NA : (a === b) === (op === "==") ? 1 : 0;
    }
    return { kind: "logical", values: out };
  }
  const a = toNumeric(left, ctx, node.left);
  const b = toNumeric(right, ctx, node.right);
  const r = numericMap([a, b], (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : cmp(x, y) ? 1 : 0));
  if (r.kind === "scalar") return { kind: "scalar", value: r.value === 1 };
  return { kind: "logical", values: Uint8Array.from(r.values, (x) => (Number.isNaN(x) ? LOGICAL_NA : x)) };
}

/** Row i as R's as.character would give it (numbers printed as R prints them), null when missing. */
function textAt(v: Value): (i: number) => string | null {
  if (v.kind === "scalar") {
    const t =
      typeof v.value === "number"
        ? rNumberText(v.value)
        : typeof v.value === "boolean"
          ? v.value
            ? "TRUE"
            : "FALSE"
          : v.value;
    return () => t;
  }
  if (v.kind === "character") return (i) => v.values[i];
  if (v.kind === "factor") return (i) => (v.codes[i] < 0 ? null : v.levels[v.codes[i]]);
  if (v.kind === "logical") return (i) => (v.values[i] === LOGICAL_NA ? null : v.values[i] === 1 ? "TRUE" : "FALSE");
  return (i) => (Number.isNaN(v.values[i]) ? null : rNumberText(v.values[i]));
}

const MATH: Readonly<Record<string, (x: number) => number>> = {
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
  floor: Math.floor,
  ceiling: Math.ceil,
};

function call(node: Extract<Node, { type: "call" }>, ctx: EvalContext): Value {
  const fn = node.fn;
  const arg = node.args[0]?.value;
  if (MATH[fn]) {
    const f = MATH[fn];
    const x = toNumeric(evaluate(arg, ctx), ctx, arg);
    if (x.kind === "scalar") return { kind: "scalar", value: f(x.value) };
    const out = new Float64Array(x.values.length);
    for (let i = 0; i < out.length; i++) {
      const a = x.values[i];
      const y = f(a);
      if (Number.isFinite(a) && !Number.isFinite(y))
        throw new InputError(
          `${fn}(${rNumberText(a)}) is not a finite number (R would give ${Number.isNaN(y) ? "NaN" : "-Inf"})`,
          {
            field: deparse(node),
            index: i,
            value: a,
          },
        );
      out[i] = y;
    }
    return { kind: "numeric", values: out };
  }
  switch (fn) {
    case "I":
      return evaluate(arg, ctx);
    case "is.na": {
      // R's is.na: TRUE where the value is missing, never missing itself.
      const v = evaluateColumn(arg, ctx);
      const n = ctx.source.n;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = isMissing(v, i) ? 1 : 0;
      return { kind: "logical", values: out };
    }
    case "as.numeric": {
      const v = evaluate(arg, ctx);
      if (v.kind === "factor")
        return { kind: "numeric", values: Float64Array.from(v.codes, (k) => (k < 0 ? NaN : k + 1)) };
      return toNumeric(v, ctx, arg);
    }
    case "factor":
    case "as.factor": {
      const v = evaluateColumn(arg, ctx);
      const label = deparse(node);
      const given = ctx.levels[label] ?? (arg.type === "name" ? ctx.levels[arg.name] : undefined);
      return toFactor(v, label, given);
    }
    case "cluster":
      return toFactor(evaluateColumn(arg, ctx), deparse(node));
    case "strata":
      return strata(node, ctx);
    default:
      return fail(ctx, node, `function ${fn}() is not supported in an expression`);
  }
}

/**
 * survival::strata(): one level per observed combination, the first variable varying slowest; labels "x=1" (or just
 * the level when every argument is categorical, R's shortlabel), later variables padded as R's format() does.
 */
function strata(node: Extract<Node, { type: "call" }>, ctx: EvalContext): Column {
  const parts = node.args.map((a) => {
    const raw = evaluateColumn(a.value, ctx);
    const name = deparse(a.value);
    const given = ctx.levels[name];
    return { name, categorical: raw.kind === "character" || raw.kind === "factor", f: toFactor(raw, name, given) };
  });
  const short = parts.every((p) => p.categorical);
  const { codes, levels } = combineFactors(
    parts.map((p) => p.f as Extract<Column, { kind: "factor" }>),
    parts.map((p) => (short ? "" : `${p.name}=`)),
    !short,
  );
  return { kind: "factor", codes, levels };
}
