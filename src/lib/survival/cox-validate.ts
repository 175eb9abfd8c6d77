import { InputError } from "../core/errors";
import type { CoxCovariates, CoxOptions } from "./cox-ph";
import { checkOneLabelType } from "./group-labels";
import { isSurv, type Surv } from "./surv";
import { validateCaseWeights } from "./case-weights";

/** R coxph.control() defaults. */
export const DEFAULT_CONTROL = {
  eps: 1e-9,
  iterMax: 20,
  tolerChol: 2.220446049250313e-16 ** 0.75,
  tolerInf: Math.sqrt(1e-9),
};

/** Validated inputs shared by coxPH and coxFirth. */
export interface CoxInput {
  readonly n: number;
  readonly names: string[];
  readonly columns: ArrayLike<number>[];
  readonly ties: "efron" | "breslow";
  readonly confLevel: number;
  readonly control: { eps: number; iterMax: number; tolerChol: number; tolerInf: number };
  readonly strata: { codes: Int32Array; labels: string[] } | null;
  readonly cluster: { codes: Int32Array; labels: string[] } | null;
  readonly weights: Float64Array | null;
}

/** The public layer's checks: every bad value becomes an InputError naming field, index and value. Cost O(n p). */
export function validateCoxInput(y: Surv, x: CoxCovariates, options: CoxOptions): CoxInput {
  if (!isSurv(y)) throw new InputError("must be a Surv from surv() or survCounting()", { field: "y", value: y });
  const n = y.n;
  const { names, columns } = validateCovariates(x, n);
  const ties = options.ties ?? "efron";
  if (ties !== "efron" && ties !== "breslow")
    throw new InputError('must be "efron" or "breslow"', { field: "ties", value: ties });
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "confLevel", value: confLevel });
  const control = { ...DEFAULT_CONTROL, ...options.control };
  if (!(Number.isInteger(control.iterMax) && control.iterMax >= 0))
    throw new InputError("must be an integer ≥ 0", { field: "control.iterMax", value: control.iterMax });
  if (n < 2) throw new InputError("a Cox model needs at least 2 rows", { field: "y", value: n });
  if (y.nEvents === 0)
    throw new InputError("no events: the partial likelihood is constant and no coefficient is estimable", {
      field: "y.event",
      value: 0,
    });
  const strata = options.strata === undefined ? null : labelCodes(options.strata, n, "strata");
  const cluster = options.cluster === undefined ? null : labelCodes(options.cluster, n, "cluster");
  const weights = options.weights === undefined ? null : validateCaseWeights(options.weights, n, "weights");
  return { n, names, columns, ties, confLevel, control, strata, cluster, weights };
}

function validateCovariates(x: CoxCovariates, n: number): { names: string[]; columns: ArrayLike<number>[] } {
  if (x === null || typeof x !== "object" || !Array.isArray(x.names) || !Array.isArray(x.columns)) {
    throw new InputError("must be { names: string[], columns: number[][] }", { field: "x", value: x });
  }
  if (x.names.length === 0)
    throw new InputError("at least one covariate is needed", { field: "x.names", value: x.names });
  if (x.names.length !== x.columns.length) {
    throw new InputError(`${x.names.length} names but ${x.columns.length} columns`, {
      field: "x.columns",
      value: x.columns,
    });
  }
  const seen = new Set<string>();
  x.names.forEach((name, j) => {
    if (typeof name !== "string" || name === "" || seen.has(name))
      throw new InputError("names must be distinct non-empty strings", { field: "x.names", index: j, value: name });
    seen.add(name);
  });
  x.columns.forEach((col, j) => {
    const name = x.names[j];
    if (col === null || typeof col !== "object" || typeof col.length !== "number")
      throw new InputError("must be an array of numbers", { field: name, value: col });
    if (col.length !== n)
      throw new InputError(`length ${col.length} differs from the ${n} rows of y`, { field: name, value: col });
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("covariates must be finite numbers", { field: name, index: i, value: v });
    }
  });
  return { names: [...x.names], columns: [...x.columns] };
}

/** Codes 0..k−1 for labels in sorted label order (numbers numerically, else as strings), like R factor levels. */
function labelCodes(
  labels: ArrayLike<string | number>,
  n: number,
  field: string,
): { codes: Int32Array; labels: string[] } {
  if (labels === null || typeof labels !== "object" || labels.length !== n)
    throw new InputError(`must be an array of length ${n}`, { field, value: labels });
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (!((typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v !== ""))) {
      throw new InputError("labels must be finite numbers or non-empty strings", { field, index: i, value: v });
    }
  }
  checkOneLabelType(labels, field);
  const distinct = Array.from(new Set(Array.from(labels)));
  const allNumbers = distinct.every((v) => typeof v === "number");
  distinct.sort((a, b) =>
    allNumbers ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  const index = new Map(distinct.map((v, k) => [v, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(labels[i])!;
  return { codes, labels: distinct.map(String) };
}
