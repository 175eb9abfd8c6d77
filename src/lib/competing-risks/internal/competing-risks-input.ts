import { InputError } from "../../core/errors";
import { checkGroupLabels, groupLevels } from "../../survival/group-labels";
import { surv, survCounting } from "../../survival/surv";

/** A status code: the censoring code or a cause (R: the levels of a factor status, first level censored). */
export type StatusCode = string | number;

/** What every competing-risks function needs to know about the status coding. */
export interface StatusCoding {
  /** Status value meaning "censored" (R's first factor level; cmprsk's `cencode`). Default 0. */
  readonly censorCode?: StatusCode;
  /**
   * Causes in the order the results list them (R: the factor levels after the first). Default: the
   * distinct non-censoring values, numbers ascending, text sorted as R sorts factor levels.
   */
  readonly causes?: readonly StatusCode[];
}

/** Validated competing-risks data: causes coded 0 (censored) or 1..K. */
export interface CompetingRisksData {
  readonly n: number;
  /** Entry times for delayed entry (left truncation), else null. */
  readonly start: Float64Array | null;
  /** Exit times after R's near-tie merging (aeqSurv), as survfit and finegray use them. */
  readonly time: Float64Array;
  /** 0 = censored, k = causes[k − 1]. */
  readonly cause: Uint8Array;
  /** Cause labels (as strings) in result order. */
  readonly causes: readonly string[];
  /** The original codes of the causes, in result order. */
  readonly causeCodes: readonly StatusCode[];
}

/**
 * Validates times, an optional entry time and a multi-state status (censoring code and causes), with
 * R's near-tie merging of the times (survfit's timefix). Errors name the field, the index and the value.
 * Cost: O(n log n).
 */
export function validateCompetingRisks(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  coding: StatusCoding,
  start: ArrayLike<number> | undefined,
  tieTolerance: number | undefined,
): CompetingRisksData {
  if (status === null || status === undefined || typeof status !== "object" || typeof status.length !== "number")
    throw new InputError("must be an array of status codes", { field: "status", value: status });
  const censorCode = coding.censorCode ?? 0;
  if (!isCode(censorCode))
    throw new InputError("must be a finite number or a non-empty string", { field: "censorCode", value: censorCode });
  const n = status.length;
  const observed: StatusCode[] = [];
  const seen = new Set<StatusCode>();
  for (let i = 0; i < n; i++) {
    const v = status[i];
    if (!isCode(v))
      throw new InputError("status codes must be finite numbers or non-empty strings", {
        field: "status",
        index: i,
        value: v,
      });
    if (v !== censorCode && !seen.has(v)) {
      seen.add(v);
      observed.push(v);
    }
  }
  let causeCodes: StatusCode[];
  if (coding.causes !== undefined) {
    if (!Array.isArray(coding.causes) || coding.causes.length === 0)
      throw new InputError("must be a non-empty array of status codes", { field: "causes", value: coding.causes });
    causeCodes = [...coding.causes];
    const listed = new Set<StatusCode>();
    causeCodes.forEach((c, k) => {
      if (!isCode(c) || c === censorCode || listed.has(c))
        throw new InputError("causes must be distinct status codes other than the censoring code", {
          field: "causes",
          index: k,
          value: c,
        });
      listed.add(c);
    });
    for (let i = 0; i < n; i++) {
      const v = status[i];
      if (v !== censorCode && !listed.has(v))
        throw new InputError("status is neither the censoring code nor one of options.causes", {
          field: "status",
          index: i,
          value: v,
        });
    }
  } else {
    causeCodes = observed.every((v) => typeof v === "number")
      ? (observed as number[]).sort((a, b) => a - b)
      : (groupLevels(observed) as StatusCode[]);
  }
  if (causeCodes.length > 254)
    throw new InputError("at most 254 causes are supported", { field: "status", value: causeCodes.length });
  const index = new Map<StatusCode, number>(causeCodes.map((c, k) => [c, k + 1]));
  const cause = new Uint8Array(n);
  for (let i = 0; i < n; i++) cause[i] = status[i] === censorCode ? 0 : index.get(status[i])!;
  // surv()/survCounting() validate the times (finite, ≥ 0, start < stop) and merge near ties as R does.
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) event[i] = cause[i] > 0 ? 1 : 0;
  const y =
    start === undefined
      ? surv(time, event, { tieTolerance })
      : survCounting(start, time, event, { tieTolerance, names: { time: "time", start: "start" } });
  return { n, start: y.start, time: y.time, cause, causes: causeCodes.map(String), causeCodes };
}

/** Case weights: finite and > 0 (R survfit's rule), or null when absent. */
export function validateCaseWeights(weights: ArrayLike<number> | undefined, n: number): Float64Array | null {
  if (weights === undefined) return null;
  if (weights === null || typeof weights !== "object" || weights.length !== n)
    throw new InputError(`must be an array of length ${n}`, { field: "weights", value: weights });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = weights[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      throw new InputError("weights must be finite numbers > 0", { field: "weights", index: i, value: v });
    out[i] = v;
  }
  return out;
}

/** Group codes 0..G−1 with labels in R's factor-level order, or one group "all" when absent. */
export function validateGroups(
  groups: ArrayLike<string | number> | undefined,
  n: number,
  field: string,
): { codes: Int32Array; labels: string[] } | null {
  if (groups === undefined) return null;
  const labels = checkGroupLabels(groups, field, n).map(String);
  const levels = groupLevels(labels) as string[];
  const index = new Map(levels.map((l, k) => [l, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(labels[i])!;
  return { codes, labels: levels };
}

/** Confidence level in (0, 1). */
export function validateConfLevel(confLevel: number | undefined): number {
  const c = confLevel ?? 0.95;
  if (typeof c !== "number" || !(c > 0 && c < 1))
    throw new InputError("must be in (0, 1)", { field: "confLevel", value: c });
  return c;
}

function isCode(v: unknown): v is StatusCode {
  return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v !== "");
}
