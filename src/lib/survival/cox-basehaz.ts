import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { freezeColumns } from "./internal/freeze-columns";
import { coxBaseline } from "./cox-baseline-kernel";
import { coxInternals, type CoxResult } from "./cox-ph";

export interface CoxBasehazOptions {
  /** true (R's default): the cumulative hazard at the covariate means; false: at x = 0. */
  readonly centered?: boolean;
  /** 1 = Breslow, 2 = Efron (R: survfit's ctype; default follows the fit's ties, as R). */
  readonly ctype?: 1 | 2;
}

/** R's basehaz data frame as columns, one entry per distinct stop time within each stratum. */
export interface CoxBasehaz {
  /** Cumulative baseline hazard (R's basehaz column name is `hazard`; it is H₀(t), not the hazard rate). */
  readonly hazard: readonly number[];
  readonly time: readonly number[];
  /** Stratum label of each row (null without strata). */
  readonly strata: readonly (string | null)[];
  readonly centered: boolean;
  readonly ctype: 1 | 2;
}

/**
 * The baseline cumulative hazard of a Cox fit, R's `basehaz(fit, centered)`: Breslow's estimator
 * H₀(t) = Σ_{tᵢ ≤ t} dᵢ / Σ_{risk set} w exp((x − x̄)β) (ctype 1), or Efron's, as R computes it when the fit used
 * Efron ties (ctype 2: the dᵢ tied deaths leave the denominator one at a time, each with weight dᵢ/d of the
 * deaths' total). centered = true gives H at the covariate means (R's default: `fit$means`, weighted for
 * right-censored data), false at x = 0 (H times exp(−x̄β)); see survfitCox for curves with CIs at other values.
 * References: Breslow (1972) discussion of Cox; Therneau & Grambsch (2000) §10.2. R: `basehaz(fit, centered = TRUE)`
 * (= `survfit(fit)$cumhaz`). SPSS: COXREG `/PRINT BASELINE` (Breslow, at the covariate means).
 * Cost: O(n p).
 *
 * @example
 * const fit = coxPH(surv([1, 2, 3], [1, 1, 0]), { names: ["x"], columns: [[0, 1, 0]] }, { ties: "breslow" });
 * coxBasehaz(fit, { centered: false }).time // [1, 2, 3]
 */
export function coxBasehaz(fit: CoxResult, options: CoxBasehazOptions = {}): CoxBasehaz {
  checkOptions(options);
  coxInternals(fit);
  const centered = options.centered ?? true;
  if (typeof centered !== "boolean")
    throw new InputError("must be true or false", { field: "options.centered", value: centered });
  const ctype = options.ctype ?? (fit.ties === "efron" ? 2 : 1);
  if (ctype !== 1 && ctype !== 2) throw new InputError("must be 1 or 2", { field: "options.ctype", value: ctype });
  const base = coxBaseline(fit, (ctype + 1) as 2 | 3);
  let offset = 0;
  for (let j = 0; j < base.p; j++) offset += base.means[j] * base.coef[j];
  const factor = centered ? 1 : Math.exp(-offset);
  const hazard: number[] = [];
  const time: number[] = [];
  const strata: (string | null)[] = [];
  for (const st of base.strata) {
    for (let i = 0; i < st.time.length; i++) {
      hazard.push(st.cumhaz[i] * factor);
      time.push(st.time[i]);
      strata.push(st.label);
    }
  }
  return freezeColumns({ hazard, time, strata, centered, ctype });
}
