import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import type { StatResult } from "../core/result";
import { coxPH, type CoxCovariates, type CoxResult } from "../survival/cox-ph";
import { logRank, type LogRankDetails } from "../survival/log-rank";
import { surv, type Surv } from "../survival/surv";
import { checkRightCensored, checkTreatmentTimes } from "./split-at-treatment";
import type { CoxModelInput } from "./time-dependent-cox";

/** Options of {@link landmarkAnalysis}. */
export interface LandmarkOptions {
  /** Fixed covariates (one value per subject) added to the Cox model. */
  readonly covariates?: CoxCovariates;
  readonly ties?: "efron" | "breslow";
  /** End of follow-up on the original time scale (e.g. 12 for a one-year model): later times are censored there. */
  readonly horizon?: number;
}

/** Result of {@link landmarkAnalysis}: frozen, JSON-serializable. */
export interface LandmarkResult {
  readonly landmark: number;
  /** Subjects still under observation at the landmark (time > landmark). */
  readonly n: number;
  readonly treated: number;
  readonly events: number;
  /** Cox model of survival from the landmark on treatment-by-the-landmark (+ covariates); null when not estimable. */
  readonly cox: CoxResult | null;
  /** Log-rank test of treated-by-the-landmark vs not; null when one group is empty. */
  readonly logRank: StatResult<LogRankDetails> | null;
  readonly warnings: readonly string[];
}

/**
 * Landmark analysis of a treatment that starts during follow-up: keep the subjects still under
 * observation at the landmark time L (time > L), classify them by whether treatment had started by L
 * (treatmentTime ≤ L), and analyse survival from L — so nobody's pre-treatment survival is credited to
 * treatment. Treatment started after L counts as untreated (an intention-to-treat-at-L comparison,
 * biased towards no effect). The price: deaths before L and later treatment are not used.
 *
 * Reference: Anderson JR, Cain KC, Gelber RD (1983) J Clin Oncol 1:710–719; Dafni U (2011) Circ Cardiovasc
 * Qual Outcomes 4:363. R: `coxph(Surv(time − L, status) ~ I(tt <= L), subset = time > L)`, `survdiff` likewise.
 * SPSS: the same after SELECT IF. Cost: O(n log n).
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * landmarkAnalysis(y, [null, 2, 4, null, null, 1], 3).n // 5 (the death at 3 is not after the landmark)
 */
export function landmarkAnalysis(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  landmark: number,
  options: LandmarkOptions = {},
): LandmarkResult {
  checkOptions(options);
  const m = landmarkModel(y, treatmentTime, landmark, options);
  let cox: CoxResult | null = null;
  let lr: StatResult<LogRankDetails> | null = null;
  const warnings = [...m.warnings];
  if (m.model !== null) {
    cox = coxPH(m.model.y, m.model.x, m.model.options);
    lr = logRank(
      m.model.y,
      Array.from(m.model.x.columns[0], (v) => (v === 1 ? "treated" : "untreated")),
    );
    warnings.push(...cox.warnings);
  }
  return deepFreeze({ landmark, n: m.n, treated: m.treated, events: m.events, cox, logRank: lr, warnings });
}

/**
 * The subjects, counts and Cox model that {@link landmarkAnalysis} analyses (validated); `model` is null, with
 * a warning saying why, when there is nothing to compare. Internal: the simulations fit it with coxPHTerms.
 */
export function landmarkModel(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  landmark: number,
  options: LandmarkOptions,
): { n: number; treated: number; events: number; model: CoxModelInput | null; warnings: string[] } {
  checkRightCensored(y);
  const tt = checkTreatmentTimes(treatmentTime, y.n);
  if (!(typeof landmark === "number" && Number.isFinite(landmark) && landmark >= 0))
    throw new InputError("must be a finite time ≥ 0", { field: "landmark", value: landmark });
  const horizon = options.horizon ?? Infinity;
  if (!(horizon > landmark))
    throw new InputError(`must be later than the landmark (${landmark})`, { field: "options.horizon", value: horizon });
  const fixed = options.covariates ?? { names: [], columns: [] };
  const keep: number[] = [];
  for (let i = 0; i < y.n; i++) if (y.time[i] > landmark) keep.push(i);
  const t = keep.map((i) => Math.min(y.time[i], horizon) - landmark);
  const e = keep.map((i) => (y.time[i] > horizon ? 0 : y.event[i]));
  const treated = keep.map((i) => (tt[i] !== null && tt[i]! <= landmark ? 1 : 0));
  const nTreated = treated.reduce<number>((s, v) => s + v, 0);
  const events = e.reduce<number>((s, v) => s + v, 0);
  const warnings: string[] = [];
  let model: CoxModelInput | null = null;
  if (keep.length === 0) warnings.push(`nobody is under observation after the landmark ${landmark}`);
  else if (nTreated === 0 || nTreated === keep.length)
    warnings.push(
      `at the landmark ${landmark} ${nTreated === 0 ? "nobody has" : "everyone has"} started treatment: no comparison`,
    );
  else if (events === 0) warnings.push(`no events after the landmark ${landmark}: no comparison`);
  else
    model = {
      y: surv(t, e, { tieTolerance: 0 }),
      x: {
        names: ["treated by the landmark", ...fixed.names],
        columns: [treated, ...fixed.columns.map((col) => keep.map((i) => col[i]))],
      },
      options: { ties: options.ties ?? "efron" },
    };
  return { n: keep.length, treated: nTreated, events, model, warnings };
}
