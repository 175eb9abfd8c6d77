import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { freezeColumns } from "./internal/freeze-columns";
import { confZ, survConfInterval, type SurvConfType } from "./survfit-confint";
import { survfitKmKernel, type SurvfitKmType } from "./survfit-km-kernel";
import { isSurv, type Surv } from "./surv";
import { validateCaseWeights, hasFractionalWeights } from "./case-weights";

export interface NelsonAalenOptions {
  /** R's ctype: 1 = Nelson–Aalen (default), 2 = Fleming–Harrington (ties handled as Efron does). */
  readonly ctype?: 1 | 2;
  /** R's stype: 2 = S = exp(−H) (default here), 1 = Kaplan–Meier S beside the hazard. */
  readonly stype?: 1 | 2;
  /** Case weights > 0 (R `weights =`). */
  readonly weights?: ArrayLike<number>;
  /**
   * Infinitesimal-jackknife (robust) standard errors, each row its own cluster. Default as R survfit: true when
   * any case weight is not a whole number, else false (model-based).
   */
  readonly robust?: boolean;
  /** CI transformation of S, R's conf.type (default "log"). */
  readonly confType?: SurvConfType;
  readonly confLevel?: number;
}

/** Result of {@link nelsonAalen}: R's survfit object as columns, one entry per distinct time. */
export interface NelsonAalenFit {
  readonly kind: "survfit";
  readonly method: string;
  readonly convention: string;
  readonly stype: 1 | 2;
  readonly ctype: 1 | 2;
  /** Rows used (R's n). */
  readonly n: number;
  /** Number of rows with an event (unweighted). */
  readonly nEvents: number;
  readonly weighted: boolean;
  readonly robust: boolean;
  /** R's logse: stdErr is the SE of log S (true) or of S (false: the robust Kaplan–Meier). */
  readonly logse: boolean;
  readonly confType: SurvConfType;
  readonly confLevel: number;
  readonly time: readonly number[];
  /** Weighted number at risk, events, censored (R's n.risk, n.event, n.censor). */
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** Survival, R's surv: exp(−cumhaz) when stype 2, Kaplan–Meier when stype 1. */
  readonly surv: readonly number[];
  /** Cumulative hazard, R's cumhaz. */
  readonly cumhaz: readonly number[];
  /** R's std.err: SE of log S (= SE of cumhaz when stype 2), or of S when `logse` is false; null where infinite. */
  readonly stdErr: readonly (number | null)[];
  /** R's std.chaz: SE of the cumulative hazard (Aalen's Σ d/n² for ctype 1, its Efron-step version for ctype 2). */
  readonly stdChaz: readonly (number | null)[];
  /** Pointwise CI of S (R's lower, upper); null where R gives NA. */
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
}

/**
 * Nelson–Aalen (ctype 1) or Fleming–Harrington (ctype 2) cumulative hazard with its variance, and the survival
 * curve exp(−H) (stype 2, the Fleming–Harrington / Breslow survival estimate) or Kaplan–Meier (stype 1), with
 * pointwise CIs — R survival's survfit on raw data, case weights and counting-process (start, stop] data included.
 *
 * H(t) = Σ_{tᵢ ≤ t} dᵢ/nᵢ with Var = Σ dᵢ/nᵢ² (Aalen); Fleming–Harrington treats the dᵢ tied deaths as
 * leaving one at a time, H increment Σ_{j<d} (d_w/d)/(nᵢ − j d_w/d) and variance Σ (d_w/d)/(nᵢ − j d_w/d)²
 * (d the number, d_w the weight of the deaths, nᵢ the weighted number at risk). With whole-number weights these
 * are the weighted counts; with a fractional weight R (and this function) switches to the infinitesimal-jackknife
 * variance, each row its own cluster (pass `robust: false` for the model-based one). R then reports
 * `logse = FALSE` for stype 2 / ctype 1 (std.err used as the SE of S by the CI), which is reproduced here.
 * References: Nelson (1972) Technometrics 14:945; Aalen (1978) Ann Stat 6:701; Fleming & Harrington (1984)
 * Commun Stat 13:2469; Therneau & Grambsch (2000) §2.1; R survival's methods document, "survfitkm".
 * R: `survfit(Surv(time, status) ~ 1, stype = 2, ctype = 1)` (ctype = 2: Fleming–Harrington; stype = 1: KM
 * beside the hazard; `weights = w`, `robust =`, `conf.type =`). SPSS: no Nelson–Aalen procedure (KM only;
 * the cumulative hazard −log S_KM is what SPSS KM's "hazard" plot shows, which is not this estimator).
 * Cost: O(n) after an O(n) radix sort; robust variance O(n) for right-censored data, O(n · times) for
 * counting-process data (as R).
 *
 * @example
 * const fit = nelsonAalen(surv([1, 2, 2, 3, 4], [1, 1, 1, 0, 1]));
 * fit.cumhaz // [0.2, 0.7, 0.7, 1.7]: 1/5, then 1/5 + 2/4, then + 1/1 (ctype 1)
 * nelsonAalen(surv([1, 2, 2, 3, 4], [1, 1, 1, 0, 1]), { ctype: 2 }).cumhaz[1] // 0.7833333333333333 (0.2 + 1/4 + 1/3)
 */
export function nelsonAalen(y: Surv, options: NelsonAalenOptions = {}): NelsonAalenFit {
  checkOptions(options);
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv() or survCounting()", { field: "y", value: y });
  const ctype = options.ctype ?? 1;
  const stype = options.stype ?? 2;
  if (ctype !== 1 && ctype !== 2) throw new InputError("must be 1 or 2", { field: "options.ctype", value: ctype });
  if (stype !== 1 && stype !== 2) throw new InputError("must be 1 or 2", { field: "options.stype", value: stype });
  const confType = options.confType ?? "log";
  const confLevel = options.confLevel ?? 0.95;
  const z = confZ(confType, confLevel);
  const weights = options.weights === undefined ? null : validateCaseWeights(options.weights, y.n, "options.weights");
  if (options.robust !== undefined && typeof options.robust !== "boolean")
    throw new InputError("must be true or false", { field: "options.robust", value: options.robust });
  const robust = options.robust ?? hasFractionalWeights(weights);
  const type = (2 * stype + ctype - 2) as SurvfitKmType;
  const k = survfitKmKernel(y.time, y.event, y.start, weights, type, robust);
  const m = k.time.length;
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (let i = 0; i < m; i++) {
    const se = k.stdErr[i];
    const [lo, up] = Number.isFinite(se) ? survConfInterval(k.surv[i], se, k.logse, confType, z) : [null, null];
    lower.push(lo);
    upper.push(up);
  }
  const finite = (a: Float64Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
  const hazard = ctype === 1 ? "Nelson–Aalen" : "Fleming–Harrington";
  return freezeColumns({
    kind: "survfit" as const,
    method:
      `${hazard} cumulative hazard, ${stype === 2 ? "S = exp(−H)" : "Kaplan–Meier S"}` +
      (robust ? ", robust (infinitesimal jackknife) SEs" : ""),
    convention: `R survival 3.5 survfit(stype = ${stype}, ctype = ${ctype}${weights ? ", weights" : ""}${
      options.robust === undefined ? "" : `, robust = ${robust ? "TRUE" : "FALSE"}`
    }, conf.type = "${confType}")`,
    stype,
    ctype,
    n: y.n,
    nEvents: y.nEvents,
    weighted: weights !== null,
    robust,
    logse: k.logse,
    confType,
    confLevel,
    time: Array.from(k.time),
    nRisk: Array.from(k.nRisk),
    nEvent: Array.from(k.nEvent),
    nCensor: Array.from(k.nCensor),
    surv: Array.from(k.surv),
    cumhaz: Array.from(k.cumhaz),
    stdErr: finite(k.stdErr),
    stdChaz: finite(k.stdChaz),
    lower,
    upper,
  });
}
