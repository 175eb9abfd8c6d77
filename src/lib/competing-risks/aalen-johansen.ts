import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { normal } from "../distributions/stdlib-normal";
import { aalenJohansenKernel } from "./internal/aalen-johansen-kernel";
import {
  type StatusCode,
  type StatusCoding,
  validateCaseWeights,
  validateCompetingRisks,
  validateConfLevel,
  validateGroups,
} from "./internal/competing-risks-input";
import { PROBABILITY_CONF_TYPES, type ProbabilityConfType, survfitConfint } from "./internal/survfit-confint";

export type { ProbabilityConfType } from "./internal/survfit-confint";
export type { StatusCode, StatusCoding } from "./internal/competing-risks-input";

export interface AalenJohansenOptions extends StatusCoding {
  /** Entry times (delayed entry / left truncation), one per subject: R `Surv(entry, time, status)` with `id`. */
  readonly start?: ArrayLike<number>;
  /** One curve per group (R `~ group`); labels in R's factor-level order. */
  readonly group?: ArrayLike<string | number>;
  /** Case weights > 0 (R `weights =`). */
  readonly weights?: ArrayLike<number>;
  /** Interval transformation of each probability: R's default "log"; "none" for no interval. */
  readonly confType?: ProbabilityConfType;
  /** Default 0.95 (R `conf.int`). */
  readonly confLevel?: number;
  /** R's near-tie tolerance for times (aeqSurv); 0 switches merging off. */
  readonly tieTolerance?: number;
}

/** One curve (group): rows are the distinct exit times, columns the states. */
export interface AalenJohansenCurve {
  /** Group label, or null without groups. */
  readonly group: string | null;
  readonly n: number;
  readonly time: readonly number[];
  /** Number at risk (R `n.risk[, 1]`, the "(s0)" column; the other columns are 0 for competing risks). */
  readonly nRisk: readonly number[];
  /** Events by state (R `n.event`: column "(s0)" always 0, then one per cause), unweighted counts. */
  readonly nEvent: readonly (readonly number[])[];
  /** R `n.censor`. */
  readonly nCensor: readonly number[];
  /** R `pstate`: P(event-free) ("(s0)"), then the cumulative incidence of each cause. */
  readonly pstate: readonly (readonly number[])[];
  /** R `std.err`: standard error of each pstate value on the probability scale (infinitesimal jackknife). */
  readonly stdErr: readonly (readonly number[])[];
  /** R `lower`/`upper`: pointwise interval (null where R gives NA). */
  readonly lower: readonly (readonly (number | null)[])[];
  readonly upper: readonly (readonly (number | null)[])[];
  /** R `cumhaz`: Nelson–Aalen cumulative cause-specific hazard, one column per cause (R names "1.2", "1.3", …). */
  readonly cumhaz: readonly (readonly number[])[];
}

/** Result of {@link aalenJohansen}: plain, frozen, JSON-serializable. */
export interface AalenJohansenFit {
  readonly kind: "aalen-johansen";
  /** State names, the pstate columns: "(s0)" (event-free, R's name) then the causes. */
  readonly states: readonly string[];
  readonly causes: readonly string[];
  /** R's cumhaz column names, one per cause: "1.2", "1.3", … */
  readonly transitions: readonly string[];
  readonly n: number;
  readonly confType: ProbabilityConfType;
  readonly confLevel: number;
  readonly weighted: boolean;
  readonly delayedEntry: boolean;
  readonly convention: string;
  readonly curves: readonly AalenJohansenCurve[];
}

/**
 * Aalen–Johansen estimate of the cumulative incidence of each cause under competing risks, with
 * standard errors and pointwise confidence intervals, as R's survfit gives it for a multi-state factor
 * status: P(event-free) = S(t) = ∏(1 − dⱼ/nⱼ) (all causes), and for cause k
 * Fₖ(t) = Σ_{tⱼ ≤ t} S(tⱼ−) dₖⱼ/nⱼ. Standard errors are R's infinitesimal-jackknife (robust) ones,
 * computed in closed form in O(n K) after one sort (R updates every subject at every event time); CIs
 * transform each probability as survfit_confint does (default "log", upper limit capped at 1).
 * 1 − Kaplan–Meier that treats the other causes as censoring overstates Fₖ; this does not.
 *
 * References: Aalen & Johansen (1978) Scand J Stat 5:141; Putter, Fiocco & Geskus (2007) Stat Med
 * 26:2389; Therneau, Crowson & Atkinson, "Multi-state models and competing risks" (survival vignette).
 * R: `survfit(Surv(time, factor(status)) ~ group, weights = w)` with the first factor level meaning
 * censored (delayed entry: `Surv(entry, time, status)` with `id`); names follow R's fit (`pstate`,
 * `std.err` → stdErr, `lower`, `upper`, `n.risk` → nRisk, `cumhaz`). cmprsk::cuminc gives the same
 * estimates with a different (delta-method) variance: see {@link cuminc}. SPSS has no competing-risks
 * procedure (KM with other causes censored estimates a different quantity).
 * Cost: O(n log n) for the sort, then O(n K) for K causes.
 *
 * @example
 * const fit = aalenJohansen([1, 2, 3, 4, 5], [1, 2, 0, 1, 0]);
 * fit.curves[0].pstate.map((row) => row.map((p) => +p.toFixed(4)))
 * // [[0.8, 0.2, 0], [0.6, 0.2, 0.2], [0.6, 0.2, 0.2], [0.3, 0.5, 0.2], [0.3, 0.5, 0.2]]
 */
export function aalenJohansen(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  options: AalenJohansenOptions = {},
): AalenJohansenFit {
  checkOptions(options);
  const confType = options.confType ?? "log";
  if (!PROBABILITY_CONF_TYPES.includes(confType))
    throw new InputError(`must be one of ${PROBABILITY_CONF_TYPES.join(", ")}`, {
      field: "confType",
      value: confType,
    });
  const confLevel = validateConfLevel(options.confLevel);
  const data = validateCompetingRisks(time, status, options, options.start, options.tieTolerance);
  const n = data.n;
  const weights = validateCaseWeights(options.weights, n);
  const groups = validateGroups(options.group, n, "group");
  const K = data.causes.length;
  if (K === 0) throw new InputError("no events of any cause: nothing to estimate", { field: "status", value: status });
  const z = normal.quantile(1 - (1 - confLevel) / 2, 0, 1);
  const labels = groups === null ? [null] : groups.labels;
  const curves = labels.map((label, g) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (groups === null || groups.codes[i] === g) rows.push(i);
    const cols = aalenJohansenKernel(Int32Array.from(rows), data.start, data.time, data.cause, weights, K);
    const lower = cols.pstate.map((p, j) => p.map((v, k) => survfitConfint(v, cols.stdErr[j][k], z, confType)[0]));
    const upper = cols.pstate.map((p, j) => p.map((v, k) => survfitConfint(v, cols.stdErr[j][k], z, confType)[1]));
    return { group: label, n: rows.length, ...cols, lower, upper };
  });
  return deepFreeze({
    kind: "aalen-johansen" as const,
    states: ["(s0)", ...data.causes],
    causes: [...data.causes],
    transitions: data.causes.map((_, k) => `1.${k + 2}`),
    n,
    confType,
    confLevel,
    weighted: weights !== null,
    delayedEntry: data.start !== null,
    convention:
      "R survival::survfit with a multi-state factor status (Aalen–Johansen; infinitesimal-jackknife std.err; " +
      `conf.type "${confType}")`,
    curves,
  });
}
