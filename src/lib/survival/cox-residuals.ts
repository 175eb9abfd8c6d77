import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { coxInternals, type CoxResult } from "./cox-ph";
import { coxRowResiduals, dfbetaRows, schoenfeldOrder, schoenfeldRows } from "./cox-residual-kernel";

/** Residual types of {@link coxResiduals}, named as R's residuals.coxph. */
export type CoxResidualType = "martingale" | "deviance" | "score" | "schoenfeld" | "scaledsch" | "dfbeta";

/** Options of {@link coxResiduals}. */
export interface CoxResidualsOptions {
  /** Residual type, R's names (default "martingale", R's default). */
  readonly type?: CoxResidualType;
}

/** Residuals of a Cox fit: one value (or row of p values) per input row, or per event for Schoenfeld types. */
export interface CoxResiduals {
  readonly type: CoxResidualType;
  readonly names: readonly string[];
  /** martingale / deviance: one number per input row (input order). */
  readonly values: readonly number[] | null;
  /** score / dfbeta: per input row; schoenfeld / scaledsch: per event in R's order (stratum, time, row). */
  readonly rows: readonly (readonly (number | null)[])[] | null;
  /** Event times of the Schoenfeld rows (else null). */
  readonly time: readonly number[] | null;
  /** Input row index of each Schoenfeld row (else null). */
  readonly row: readonly number[] | null;
}

/**
 * Residuals of a Cox model, exactly as R's `residuals.coxph`: martingale δᵢ − exp(ηᵢ)Λ̂ᵢ; deviance
 * sign(m)·√(−2[m + δ log(δ − m)]); score (per-row contributions to U, unweighted); Schoenfeld xᵢ − x̄(tᵢ)
 * per event (Efron: x̄ averaged over the tie's Efron steps; unweighted, as R's default);
 * scaled Schoenfeld d·V·rᵢ + β̂ (R's `"scaledsch"`, d = number of events; cox.zph uses the
 * per-stratum variant, see {@link coxZph}); dfbeta = w·score·V (approximate change in β̂ when the row
 * is dropped). NA (aliased) coefficients give null columns.
 *
 * Reference: Therneau & Grambsch (2000) ch. 4 and 6; Grambsch & Therneau (1994) Biometrika 81:515.
 * R: `residuals(fit, type = "martingale")` (default), "deviance", "score", "schoenfeld", "scaledsch", "dfbeta".
 * SPSS: COXREG /SAVE = XBETA, PRESID (partial = Schoenfeld), DFBETA (SPSS's DFBETA is the
 * same one-step approximation).
 * Cost: O(n p² + n log n).
 *
 * @example
 * const fit = coxPH(surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]), { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] });
 * coxResiduals(fit, { type: "martingale" }).values
 * // [0.7516, 0.8020, -0.5789, -0.1727, -0.4010, -0.4010] (R: round(residuals(fit), 4))
 */
export function coxResiduals(fit: CoxResult, options: CoxResidualsOptions = {}): CoxResiduals {
  checkOptions(options);
  const type = options.type ?? "martingale";
  const internals = coxInternals(fit);
  const { design, betaScaled, naiveVariance, names, aliased } = internals;
  const { n, p, rowOf, event, stop } = design;
  const res = coxRowResiduals(design, betaScaled);
  const perRow = (k: number, arr: Float64Array): (number | null)[] =>
    Array.from({ length: p }, (_, j) => (aliased[j] ? null : arr[k * p + j]));
  const inputOrder = (f: (k: number) => number): number[] => {
    const out = new Array<number>(n);
    for (let k = 0; k < n; k++) out[rowOf[k]] = f(k);
    return out;
  };
  const base = { type, names, values: null, rows: null, time: null, row: null };
  switch (type) {
    case "martingale":
      return deepFreeze({ ...base, values: inputOrder((k) => res.martingale[k]) });
    case "deviance":
      return deepFreeze({
        ...base,
        values: inputOrder((k) => {
          const m = res.martingale[k];
          const d = event[k];
          return Math.sign(m) * Math.sqrt(-2 * (m + (d > 0 ? d * Math.log(d - m) : 0)));
        }),
      });
    case "score":
    case "dfbeta": {
      const arr = type === "score" ? res.score : dfbetaRows(design, res.score, naiveVariance);
      const rows = new Array<(number | null)[]>(n);
      for (let k = 0; k < n; k++) rows[rowOf[k]] = perRow(k, arr);
      return deepFreeze({ ...base, rows });
    }
    case "schoenfeld":
    case "scaledsch": {
      const deaths = schoenfeldOrder(design);
      const sch = schoenfeldRows(design, res.groups, res.groupOfDeath, deaths);
      let rows = deaths.map((_, i) => Array.from({ length: p }, (_, j) => (aliased[j] ? null : sch[i * p + j])));
      if (type === "scaledsch") {
        const nd = deaths.length;
        rows = rows.map((r) =>
          Array.from({ length: p }, (_, l) => {
            if (aliased[l]) return null;
            let s = 0;
            for (let j = 0; j < p; j++) if (!aliased[j]) s += (r[j] as number) * naiveVariance[j * p + l];
            return s * nd + fit.terms[l].coef!;
          }),
        );
      }
      return deepFreeze({ ...base, rows, time: deaths.map((k) => stop[k]), row: deaths.map((k) => rowOf[k]) });
    }
    default:
      throw new InputError('must be "martingale", "deviance", "score", "schoenfeld", "scaledsch" or "dfbeta"', {
        field: "options.type",
        value: type,
      });
  }
}
