import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import {
  type EventCoding,
  type FormulaData,
  frameGroups,
  type MissingSummary,
  type ModelFrameOptions,
  modelFrame,
} from "../formula";
import { type KaplanMeierFit, type KmConfType, kaplanMeier } from "../survival/kaplan-meier";
import { surv, survCounting } from "../survival/surv";
import type { CoxphFit } from "./coxph";
import { attachSurvfitData } from "./internal/fit-data";
import { formatCall } from "./internal/format-call";
import { responseOf } from "./internal/frame-helpers";
import { printMedian } from "./internal/print-median";
import { type CoxphSurvfit, type SurvfitCoxphOptions, survfitCoxph } from "./internal/survfit-coxph";
import { type SurvfitStatesResult, survfitStates } from "./internal/survfit-states";

export type { CoxphSurvCurve, CoxphSurvfit, SurvfitCoxphOptions } from "./internal/survfit-coxph";
export type { SurvfitStatesCurve, SurvfitStatesResult } from "./internal/survfit-states";

/**
 * The result type of survfit(formula, …): Aalen–Johansen curves (R's survfitms) when the status is a factor() —
 * `Surv(time, factor(status))`, the factor() before the "~" — else Kaplan–Meier curves; for a formula that is not a
 * literal, either.
 */
export type SurvfitFor<F extends string> = string extends F
  ? SurvfitResult | SurvfitStatesResult
  : F extends `${string}factor(${string}~${string}`
    ? SurvfitStatesResult
    : SurvfitResult;

/** Options of {@link survfit}: R's survfit.formula arguments that apply, plus subset and levels. */
export interface SurvfitOptions extends Omit<ModelFrameOptions, "weights" | "cluster"> {
  /** Pointwise interval of S(t): "log" (R's default), "log-log" or "plain". */
  readonly confType?: KmConfType;
  /** Default 0.95. */
  readonly confLevel?: number;
  /** Name of the data in the printed call (default "data"). */
  readonly dataName?: string;
}

/** One curve of a {@link SurvfitResult}. */
export interface SurvfitCurve {
  /** R's stratum name ("sex=1", "sex=male, ph.ecog=0"), or "all" for `~ 1`. */
  readonly label: string;
  /** The level of each grouping variable ({} for `~ 1`). */
  readonly levels: Readonly<Record<string, string>>;
  /** Rows in the curve (R's print "n"; "records" for counting-process data). */
  readonly n: number;
  readonly nEvents: number;
  /**
   * Median and its interval from the fit's band, as R's print.survfit and summary(fit)$table print them (the first
   * time S, or the band, is below 0.5); null when not reached. kmQuantile gives quantile.survfit's answer, which
   * differs when the log band is not monotone (aml: upper 45 here and in print, 48 in quantile()).
   */
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  readonly fit: KaplanMeierFit;
}

/** Kaplan–Meier curves from a formula: plain, frozen, JSON-serializable. */
export interface SurvfitResult {
  readonly kind: "survfit";
  readonly call: string;
  readonly formula: string;
  readonly response: string;
  readonly eventCoding: EventCoding;
  /** "right" or "counting" (delayed entry / time-dependent rows). */
  readonly type: "right" | "counting";
  readonly confType: KmConfType;
  readonly confLevel: number;
  /** Grouping variables (empty for `~ 1`). */
  readonly variables: readonly string[];
  readonly curves: readonly SurvfitCurve[];
  readonly n: number;
  readonly nEvents: number;
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
}

/**
 * Survival curves from an R formula, or from a Cox fit, as R's generic `survfit`:
 * - `survfit("Surv(time, status) ~ sex", lung)`: Kaplan–Meier curves. `~ 1` gives one curve; each right-hand
 *   variable (numeric, text, factor(), strata()) splits the rows into one curve per observed combination of levels,
 *   named as R names the strata ("sex=1", "sex=1, ph.ecog=0"), in R's order. `Surv(start, stop, event)` gives the
 *   product-limit estimator with delayed entry. Near-tied times are merged over all rows first (R's aeqSurv), then
 *   each curve is kaplanMeier (Greenwood SE, pointwise CIs); each curve's median and interval are R's
 *   print.survfit values. Dropped rows are counted in `missing`.
 * - `survfit("Surv(time, factor(status)) ~ sex", data)`: a factor status is multi-state (competing risks) data, as
 *   in R: its first level means censored, the others are the states. The result (kind "survfitms", R's class) holds
 *   Aalen–Johansen curves by group — pstate ("(s0)" = no event yet, then each state's cumulative incidence),
 *   std.err (infinitesimal jackknife), lower, upper, n.risk as R's — computed by aalenJohansen. A text status
 *   without factor() is an InputError (R's Surv needs a factor): the factor() also fixes the result's type.
 * - `survfit(coxphFit, { newdata })`: predicted survival curves of a coxph(formula, data) fit at the covariate
 *   values of each newdata row (records or columns by the data's own column names; factor levels as in the fit),
 *   R's survfit.coxph computed by survfitCox (exp(−H), Efron or Breslow baseline as the fit's ties, Tsiatis SEs);
 *   without newdata, one curve at the means (R's default); strata named as R ("sex=1").
 *
 * Not supported (InputError): interactions (R rejects them too), weights, cluster/robust variance.
 * R: `survival::survfit(formula, data, subset, conf.type = "log", conf.int = 0.95)`, `survfit(coxfit, newdata)`.
 * SPSS: KM time BY group /STATUS = status(1) (S and its SE, no CI); COXREG /PLOT SURVIVAL (at the means); no
 * competing-risks procedure. Cost: O(n log n) (Aalen–Johansen O(n K) after the sort; Cox curves O(times · p²)).
 *
 * @example
 * const aml = {
 *   time: [9, 13, 13, 18, 23, 5, 5, 8, 8, 12],
 *   status: [1, 1, 0, 1, 1, 1, 1, 1, 1, 0],
 *   x: ["M", "M", "M", "M", "M", "N", "N", "N", "N", "N"],
 * };
 * survfit("Surv(time, status) ~ x", aml).curves.map((c) => c.label) // ["x=M", "x=N"]
 * const cr = survfit("Surv(t, factor(s)) ~ 1", { t: [1, 2, 3, 4, 5], s: [1, 2, 0, 1, 0] });
 * cr.states // ["(s0)", "1", "2"]
 * cr.curves[0].pstate[3] // [0.3, 0.5, 0.2] (R survfit: 0.3 0.5 0.2)
 * cr.curves[0].stdErr[3] // [0.23874673, 0.25495098, 0.17888544] (R std.err)
 * const d = {
 *   time: [5, 8, 12, 3, 9, 20, 15, 6, 11, 14],
 *   status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1],
 *   arm: ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"],
 * };
 * survfit(coxph("Surv(time, status) ~ arm", d), { newdata: [{ arm: "b" }] }).curves[0].surv[3]
 * // 0.5629078266 (R survfit(fit, newdata = data.frame(arm = "b"))$surv[4])
 */
export function survfit(fit: CoxphFit, options?: SurvfitCoxphOptions): CoxphSurvfit;
export function survfit<F extends string>(formula: F, data: FormulaData, options?: SurvfitOptions): SurvfitFor<F>;
export function survfit(
  formulaOrFit: string | CoxphFit,
  dataOrOptions?: FormulaData | SurvfitCoxphOptions,
  options: SurvfitOptions = {},
): SurvfitResult | SurvfitStatesResult | CoxphSurvfit {
  if (typeof formulaOrFit !== "string") {
    checkOptions(dataOrOptions ?? {});
    if (options !== undefined && Object.keys(options).length > 0)
      throw new InputError("survfit(fit, options) takes two arguments: put newdata in the options", {
        field: "options",
        value: options,
      });
    return survfitCoxph(formulaOrFit, (dataOrOptions ?? {}) as SurvfitCoxphOptions);
  }
  return survfitFormula(formulaOrFit, dataOrOptions as FormulaData, options);
}

function survfitFormula(
  formula: string,
  data: FormulaData,
  options: SurvfitOptions,
): SurvfitResult | SurvfitStatesResult {
  checkOptions(options);
  for (const key of ["weights", "cluster", "id", "robust"] as const)
    if ((options as Record<string, unknown>)[key] !== undefined)
      throw new InputError(`${key} is not supported by survfit here (unweighted Kaplan–Meier only)`, {
        field: key,
        value: (options as Record<string, unknown>)[key],
      });
  const frame = modelFrame(formula, data, options);
  const parsed = frame.formula;
  const clusterTerm = parsed.variables.find((v) => v.role === "cluster");
  if (clusterTerm)
    throw new InputError("cluster() is not supported by survfit here (no robust variance)", {
      field: "formula",
      value: clusterTerm.label,
    });
  const statusNode = parsed.response.event;
  const isFactorStatus = statusNode?.type === "call" && statusNode.fn === "factor";
  const statusText = statusNode ? parsed.text.slice(statusNode.start, statusNode.end) : "";
  if (frame.response.coding === "states" && !isFactorStatus)
    throw new InputError(
      `a text status is multi-state data: write Surv(…, factor(${statusText})) ` +
        "for Aalen–Johansen curves (as R, whose Surv needs a factor; its first level means censored), or code it 0/1",
      { field: parsed.response.label, value: frame.response.states },
    );
  const confType = options.confType ?? "log";
  const confLevel = options.confLevel ?? 0.95;
  const groups = frameGroups(frame, "all");
  if (isFactorStatus) {
    const states = survfitStates(frame, groups, confType, confLevel);
    return deepFreeze({
      ...states,
      call: formatCall("survfit", parsed.label, options, {
        "conf.type": options.confType && options.confType !== "log" ? `"${options.confType}"` : null,
        "conf.int": options.confLevel !== undefined ? String(options.confLevel) : null,
      }),
      formula: parsed.label,
      response: parsed.response.label,
      nData: frame.nData,
      excludedBySubset: frame.excludedBySubset,
      missing: frame.missing,
    });
  }
  const y = responseOf(frame);
  const n = frame.n;
  const codes = groups?.codes ?? new Int32Array(n);
  const labels = groups?.levels ?? ["all"];
  const members: number[][] = labels.map(() => []);
  for (let i = 0; i < n; i++) members[codes[i]].push(i);
  const curves: SurvfitCurve[] = labels.map((label, g) => {
    const rows = members[g];
    const time = rows.map((i) => y.time[i]);
    const event = rows.map((i) => y.event[i]);
    // Times were validated and near-ties merged over all rows (R's aeqSurv before splitting); no second merge.
    const sub =
      y.start === null
        ? surv(time, event, { tieTolerance: 0 })
        : survCounting(
            rows.map((i) => (y.start as Float64Array)[i]),
            time,
            event,
            { tieTolerance: 0 },
          );
    const fit = kaplanMeier(sub, { confType, confLevel });
    const q = printMedian(fit);
    return {
      label,
      levels: groups ? groups.values[g] : {},
      n: rows.length,
      nEvents: sub.nEvents,
      median: q.median,
      medianLower: q.lower,
      medianUpper: q.upper,
      fit,
    };
  });
  const result = {
    kind: "survfit" as const,
    call: formatCall("survfit", parsed.label, options, {
      "conf.type": options.confType && options.confType !== "log" ? `"${options.confType}"` : null,
      "conf.int": options.confLevel !== undefined ? String(options.confLevel) : null,
    }),
    formula: parsed.label,
    response: parsed.response.label,
    eventCoding: frame.response.coding,
    type: frame.response.kind,
    confType,
    confLevel,
    variables: groups?.variables ?? [],
    curves,
    n,
    nEvents: y.nEvents,
    nData: frame.nData,
    excludedBySubset: frame.excludedBySubset,
    missing: frame.missing,
  };
  // The log-rank test of the same groups (for figures) needs the outcome and the groups, kept off the JSON.
  attachSurvfitData(result, { y, codes, hasStrata: parsed.variables.some((v) => v.role === "strata") });
  return deepFreeze(result);
}
