import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { createRng } from "../core/rng";
import { coxPHTerms, type CoxTermsFit } from "../survival/cox-ph";
import { surv } from "../survival/surv";
import { landmarkModel } from "../time-dependent/landmark-analysis";
import { timeDependentModel } from "../time-dependent/time-dependent-cox";

/** When planned treatment starts, measured from time zero. */
export type TreatmentDelay =
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "fixed"; readonly at: number };

/** Settings of {@link simulateImmortalTime}; times in one unit (e.g. months). */
export interface ImmortalTimeSimulationOptions {
  /** Subjects per simulated study. */
  readonly n: number;
  readonly replicates: number;
  readonly seed: number;
  /** Constant hazard without treatment after the survival floor (exponential survival; ln 2 / (median − floor)). */
  readonly baselineHazard: number;
  /**
   * Everyone survives at least this long (default 0): the hazard is 0 before it. Use it when the data show
   * that nobody died early (e.g. a measurement every patient has at one month).
   */
  readonly survivalFloor?: number;
  /**
   * Share of subjects for whom treatment is planned (it happens only if they are alive and followed when it starts).
   */
  readonly treatedFraction: number;
  readonly treatmentDelay: TreatmentDelay;
  /** Hazard ratio once treatment has started (1 = the drug does nothing). */
  readonly trueHazardRatio: number;
  /** Administrative end of follow-up (e.g. 12 for a one-year model). */
  readonly followUp: number;
  /** Also fit a landmark analysis at this time. */
  readonly landmark?: number;
  /** Count the share of studies whose estimate is at or below this hazard ratio (e.g. a published one). */
  readonly referenceHazardRatio?: number;
  readonly ties?: "efron" | "breslow";
  /** Return the first simulated study's rows as `firstStudy` (default false: only the summaries). */
  readonly keepFirstStudy?: boolean;
}

/** One simulated study's rows: survival time, death (1) or censoring (0), when treatment started (null: never). */
export interface ImmortalTimeStudy {
  readonly time: readonly number[];
  readonly event: readonly number[];
  readonly treatmentStart: readonly (number | null)[];
  /** 1 for a subject ever treated: the "baseline" covariate of the naive analysis. */
  readonly everTreated: readonly number[];
}

/** Summary of one analysis method over the simulated studies. */
export interface ImmortalTimeMethodSummary {
  readonly method: "ever treated (baseline covariate)" | "time-dependent covariate" | "landmark";
  /** Studies in which the method gave a finite estimate. */
  readonly estimable: number;
  readonly meanLogHr: number;
  readonly medianHr: number;
  /** SD of the log HR across studies. */
  readonly empiricalSe: number;
  /** Mean log HR − log(true HR). */
  readonly bias: number;
  /** Share of studies with Wald p < 0.05. */
  readonly shareSignificant: number;
  /** Share of studies whose 95% CI contains the true HR. */
  readonly coverage: number;
  /** Share of studies with HR ≤ referenceHazardRatio (null when none given). */
  readonly shareAtOrBelowReference: number | null;
}

/** Result of {@link simulateImmortalTime}: frozen, JSON-serializable. */
export interface ImmortalTimeSimulationResult {
  readonly kind: "immortal-time-simulation";
  readonly method: string;
  readonly settings: ImmortalTimeSimulationOptions;
  readonly summaries: readonly ImmortalTimeMethodSummary[];
  /** Log HR per study and method (null where not estimable), in the order of `summaries`. */
  readonly logHr: readonly (readonly (number | null)[])[];
  /** Mean share of subjects who actually received treatment. */
  readonly meanTreatedShare: number;
  readonly meanEvents: number;
  /** The first study's rows when `keepFirstStudy` was set, else null. */
  readonly firstStudy: ImmortalTimeStudy | null;
}

type Fit = { logHr: number; p: number; lower: number; upper: number } | null;

/**
 * Simulates studies of a treatment that starts after time zero and compares three analyses of each: the
 * naive one (treatment as a baseline "ever treated" covariate, as Table 6 enters postoperative BMA), the
 * time-dependent Cox model and, optionally, a landmark analysis. Survival is exponential with the baseline
 * hazard, multiplied by the true hazard ratio once treatment has started; treatment is planned for a share
 * of subjects and starts after the delay if they are still alive and followed; follow-up ends at
 * `followUp`. With a true HR of 1 the drug does nothing, so any apparent benefit of the naive analysis is
 * immortal-time bias. Seeded: the same options give the same result.
 *
 * Known answers (tests): without delay the naive and time-dependent analyses coincide and are unbiased;
 * with delay the time-dependent analysis stays unbiased and the naive one is biased towards benefit.
 *
 * Reference: Suissa S (2008) Am J Epidemiol 167:492–499; Lévesque LE et al. (2010) BMJ 340:b5087;
 * Austin PC et al. (2006) on simulating time-dependent treatment. R: a loop of rexp + coxph. SPSS: none.
 * Cost: O(replicates · (2 or 3) Cox fits of n subjects).
 *
 * @example
 * const r = simulateImmortalTime({ n: 200, replicates: 20, seed: 1, baselineHazard: 0.05, treatedFraction: 0.5,
 * treatmentDelay: { kind: "uniform", min: 0, max: 6 }, trueHazardRatio: 1, followUp: 12 });
 * r.summaries[0].medianHr < 1 // true: the naive analysis finds a "benefit" of a useless drug
 */
export function simulateImmortalTime(options: ImmortalTimeSimulationOptions): ImmortalTimeSimulationResult {
  checkOptions(options, "options", true);
  const o = validateSimulationOptions(options);
  const rng = createRng(o.seed);
  const ties = o.ties ?? "breslow";
  const floor = o.survivalFloor ?? 0;
  const methods = o.landmark === undefined ? 2 : 3;
  const fits: Fit[][] = Array.from({ length: methods }, () => []);
  let treatedShare = 0;
  let events = 0;
  let firstStudy: ImmortalTimeStudy | null = null;
  for (let r = 0; r < o.replicates; r++) {
    const time = new Float64Array(o.n);
    const event = new Uint8Array(o.n);
    const start: (number | null)[] = new Array(o.n).fill(null);
    const ever = new Uint8Array(o.n);
    for (let i = 0; i < o.n; i++) {
      const untreated = floor + rng.exponential(o.baselineHazard);
      const planned = rng.next() < o.treatedFraction;
      const s =
        o.treatmentDelay.kind === "fixed"
          ? o.treatmentDelay.at
          : o.treatmentDelay.min + (o.treatmentDelay.max - o.treatmentDelay.min) * rng.next();
      let t = untreated;
      if (planned && untreated > s && s < o.followUp) {
        // Memoryless: once treatment has started (and the floor passed), the residual time has hazard baseline × HR.
        t = Math.max(s, floor) + rng.exponential(o.baselineHazard * o.trueHazardRatio);
        start[i] = s;
        ever[i] = 1;
      }
      time[i] = Math.min(t, o.followUp);
      event[i] = t <= o.followUp ? 1 : 0;
    }
    if (r === 0 && o.keepFirstStudy)
      firstStudy = { time: [...time], event: [...event], treatmentStart: [...start], everTreated: [...ever] };
    treatedShare += ever.reduce((a, v) => a + v, 0) / o.n;
    events += event.reduce((a, v) => a + v, 0);
    const y = surv(time, event, { tieTolerance: 0 });
    // coxPHTerms: the same terms as coxPH (and as timeDependentCox, landmarkAnalysis), without the tests,
    // concordance and result objects that a study's summary does not read.
    fits[0].push(fitOf(coxPHTerms(y, { names: ["ever treated"], columns: [ever] }, { ties })));
    const td = timeDependentModel(y, start, { ties });
    fits[1].push(fitOf(coxPHTerms(td.y, td.x, td.options)));
    if (o.landmark !== undefined) {
      const lm = landmarkModel(y, start, o.landmark, { ties }).model;
      fits[2].push(lm === null ? null : fitOf(coxPHTerms(lm.y, lm.x, lm.options)));
    }
  }
  const names = ["ever treated (baseline covariate)", "time-dependent covariate", "landmark"] as const;
  const logTrue = Math.log(o.trueHazardRatio);
  const summaries = fits.map((f, m) => summarize(names[m], f, logTrue, o.referenceHazardRatio));
  const delay =
    o.treatmentDelay.kind === "fixed"
      ? `at ${o.treatmentDelay.at}`
      : `uniform on [${o.treatmentDelay.min}, ${o.treatmentDelay.max}]`;
  return deepFreeze({
    kind: "immortal-time-simulation",
    method:
      `${o.replicates} simulated studies of n = ${o.n}: exponential survival (hazard ` +
      `${o.baselineHazard.toPrecision(4)}${floor > 0 ? ` after a survival floor of ${floor}` : ""}), treatment ` +
      `planned for ${(100 * o.treatedFraction).toFixed(1)}% starting ${delay}, true HR ${o.trueHazardRatio}, ` +
      `follow-up ${o.followUp}; ${ties} ties; seed ${o.seed}`,
    settings: options,
    summaries,
    logHr: fits.map((f) => f.map((x) => (x === null ? null : x.logHr))),
    meanTreatedShare: treatedShare / o.replicates,
    meanEvents: events / o.replicates,
    firstStudy,
  });
}

/** The treatment term (first) of a fit, or null when it is not a finite, converged estimate. */
function fitOf(fit: CoxTermsFit): Fit {
  const t = fit.terms[0];
  if (
    !fit.converged ||
    fit.possiblyInfinite ||
    t.coef === null ||
    t.pValue === null ||
    t.ciLower === null ||
    t.ciUpper === null
  )
    return null;
  return { logHr: t.coef, p: t.pValue, lower: t.ciLower, upper: t.ciUpper };
}

function summarize(
  method: ImmortalTimeMethodSummary["method"],
  fits: readonly Fit[],
  logTrue: number,
  reference: number | undefined,
): ImmortalTimeMethodSummary {
  const ok = fits.filter((f): f is NonNullable<Fit> => f !== null);
  const k = ok.length;
  const logs = ok.map((f) => f.logHr).sort((a, b) => a - b);
  const mean = logs.reduce((s, v) => s + v, 0) / k;
  const median = k % 2 === 1 ? logs[(k - 1) / 2] : (logs[k / 2 - 1] + logs[k / 2]) / 2;
  const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (k - 1));
  const trueHr = Math.exp(logTrue);
  return {
    method,
    estimable: k,
    meanLogHr: mean,
    medianHr: Math.exp(median),
    empiricalSe: sd,
    bias: mean - logTrue,
    shareSignificant: ok.filter((f) => f.p < 0.05).length / k,
    coverage: ok.filter((f) => f.lower <= trueHr && trueHr <= f.upper).length / k,
    shareAtOrBelowReference:
      reference === undefined ? null : ok.filter((f) => f.logHr <= Math.log(reference)).length / k,
  };
}

function validateSimulationOptions(o: ImmortalTimeSimulationOptions): ImmortalTimeSimulationOptions {
  const posInt = (v: number, field: string, min: number) => {
    if (!Number.isInteger(v) || v < min) throw new InputError(`must be an integer ≥ ${min}`, { field, value: v });
  };
  const pos = (v: number | undefined, field: string) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0))
      throw new InputError("must be a finite number > 0", { field, value: v });
  };
  checkOptions(o.treatmentDelay, "options.treatmentDelay", true);
  posInt(o.n, "n", 4);
  posInt(o.replicates, "replicates", 2);
  if (!Number.isInteger(o.seed)) throw new InputError("must be an integer", { field: "seed", value: o.seed });
  pos(o.baselineHazard, "baselineHazard");
  pos(o.trueHazardRatio, "trueHazardRatio");
  pos(o.followUp, "followUp");
  if (
    o.survivalFloor !== undefined &&
    !(Number.isFinite(o.survivalFloor) && o.survivalFloor >= 0 && o.survivalFloor < o.followUp)
  )
    throw new InputError("must be a time in [0, followUp)", { field: "survivalFloor", value: o.survivalFloor });
  if (!(o.treatedFraction > 0 && o.treatedFraction < 1))
    throw new InputError("must be in (0, 1)", { field: "treatedFraction", value: o.treatedFraction });
  const d = o.treatmentDelay;
  if (d?.kind === "fixed") {
    if (!(Number.isFinite(d.at) && d.at >= 0))
      throw new InputError("must be a finite time ≥ 0", { field: "treatmentDelay.at", value: d.at });
  } else if (d?.kind === "uniform") {
    if (!(Number.isFinite(d.min) && Number.isFinite(d.max) && d.min >= 0 && d.max >= d.min))
      throw new InputError("must satisfy 0 ≤ min ≤ max", { field: "treatmentDelay", value: d });
  } else
    throw new InputError('must be { kind: "uniform", min, max } or { kind: "fixed", at }', {
      field: "treatmentDelay",
      value: d,
    });
  if (o.landmark !== undefined && !(Number.isFinite(o.landmark) && o.landmark >= 0 && o.landmark < o.followUp))
    throw new InputError("must be a time in [0, followUp)", { field: "landmark", value: o.landmark });
  if (o.referenceHazardRatio !== undefined) pos(o.referenceHazardRatio, "referenceHazardRatio");
  if (o.keepFirstStudy !== undefined && typeof o.keepFirstStudy !== "boolean")
    throw new InputError("must be true or false", { field: "keepFirstStudy", value: o.keepFirstStudy });
  return o;
}
