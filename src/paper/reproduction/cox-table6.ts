import { InputError } from "../../lib/core/errors";
import { coxPH, type CoxCovariates, type CoxResult } from "../../lib/survival/cox-ph";
import { surv, type Surv } from "../../lib/survival/surv";
import { requireComparison } from "../study/require-comparison";
import { ONE_YEAR_MONTHS, type Study } from "../study/study";

/** Which follow-up the Table 6 model uses: truncated at 12 months, or all of it. */
export type Table6Reading = "one-year" | "full";

/** One Table 6 row: B, Wald p, Exp(B) and its 95% CI, plus SE. */
export interface CoxRow {
  readonly b: number;
  readonly se: number;
  readonly p: number;
  readonly expb: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Table 6 Cox model (visceral metastases, postoperative BMA) on arrays: time, event and the two
 * 0/1 covariates, fitted by src/survival's coxPH (Breslow ties by default, as SPSS COXREG). Used by
 * the reproduction table and, on ranked data, by the reconstruction search. Non-convergence or an
 * infinite coefficient appears in coxPH's warnings; here it yields NaN rows.
 */
export function coxTable6Arrays(
  time: readonly number[],
  event: readonly number[],
  visceral: readonly number[],
  bma: readonly number[],
  ties: "breslow" | "efron" = "breslow",
): [CoxRow, CoxRow] {
  return table6Rows(table6Fit(time, event, visceral, bma, ties));
}

const TABLE6_NAMES = ["visceral metastases", "postoperative BMA"] as const;

function table6Fit(
  time: readonly number[],
  event: readonly number[],
  visceral: readonly number[],
  bma: readonly number[],
  ties: "breslow" | "efron",
): CoxResult {
  return coxPH(surv(time, event), { names: TABLE6_NAMES, columns: [visceral, bma] }, { ties });
}

function table6Rows(fit: CoxResult): [CoxRow, CoxRow] {
  const row = (k: number): CoxRow => {
    const t = fit.terms[k];
    const ok = fit.converged && t.coef !== null;
    return {
      b: ok ? t.coef! : NaN,
      se: ok ? t.se! : NaN,
      p: ok ? t.pValue! : NaN,
      expb: ok ? t.hazardRatio! : NaN,
      lower: ok ? t.ciLower! : NaN,
      upper: ok ? t.ciUpper! : NaN,
    };
  };
  return [row(0), row(1)];
}

/**
 * Table 6: Cox proportional hazards model of survival on visceral metastases and postoperative BMA,
 * Breslow ties (SPSS COXREG default; `ties: "efron"` for R's default), Wald p and 95% CI exp(B ± 1.96·SE). `reading`
 * "one-year"
 * truncates follow-up at 12 months (deaths after 12 months censored at 12) — the paper's "1-year
 * survival" model; "full" uses all follow-up. A model that cannot be estimated on the study (no events
 * in the reading, a fit that does not converge) is an InputError saying so, so that a notebook on your
 * own data skips the table with that reason rather than printing NaN.
 *
 * Reference: Cox (1972) JRSS B 34:187; Breslow (1974). R: survival::coxph(Surv(t, d) ~ visceral +
 * bma, ties = "breslow"); SPSS 27: COXREG. Cost: O(n log n) per Newton step.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * coxTable6(study, { reading: "one-year" })[0].b // 1.263
 */
export function coxTable6(
  study: Study,
  options: { reading?: Table6Reading; ties?: "breslow" | "efron" } = {},
): [CoxRow, CoxRow] {
  const fit = coxTable6Fit(study, options);
  if (!fit.converged || fit.terms.some((t) => t.coef === null || !Number.isFinite(t.coef)))
    throw new InputError(
      `the Table 6 model (${options.reading ?? "one-year"} reading) cannot be estimated on this cohort ` +
        `(${fit.n} patients, ${fit.nEvents} events${fit.warnings.length > 0 ? `; ${fit.warnings.join("; ")}` : ""})`,
      { field: "study", value: `${fit.n} patients, ${fit.nEvents} events` },
    );
  return table6Rows(fit);
}

/**
 * The full Cox fit behind {@link coxTable6} (for cox.zph, residuals, the forest plot and the R / SPSS
 * tables in notebooks). Same readings and ties. Cost: O(n log n) per Newton step.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * coxZph(coxTable6Fit(study)).global.pValue // 0.5125 (the proportional-hazards test of the Table 6 model)
 */
export function coxTable6Fit(
  study: Study,
  options: { reading?: Table6Reading; ties?: "breslow" | "efron" } = {},
): CoxResult {
  const { y, x } = coxTable6Design(study, options);
  return coxPH(y, x, { ties: options.ties ?? "breslow" });
}

/**
 * The data of the Table 6 model — outcome (truncated at 12 months for the "one-year" reading) and the two
 * 0/1 covariates — so that other analyses (bootstrap, Firth, optimism, time-dependent models) use exactly
 * the rows and the time scale {@link coxTable6Fit} uses. Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * coxTable6Design(study).x.names // ["visceral metastases", "postoperative BMA"]
 */
export function coxTable6Design(
  study: Study,
  options: { reading?: Table6Reading } = {},
): { y: Surv; x: CoxCovariates } {
  const oneYear = (options.reading ?? "one-year") === "one-year";
  // Both covariates need patients at both levels and deaths at each, or a coefficient is not estimable.
  for (const [factor, label] of [
    ["visceral", "visceral metastases"],
    ["postBma", "postoperative BMA"],
  ] as const)
    requireComparison(study, {
      factor,
      label,
      deathsInEachGroup: true,
      withinMonths: oneYear ? ONE_YEAR_MONTHS : undefined,
    });
  const time = study.patients.map((p) => (oneYear ? Math.min(p.survivalMonths, ONE_YEAR_MONTHS) : p.survivalMonths));
  const event = study.patients.map((p) => (oneYear && p.survivalMonths > ONE_YEAR_MONTHS ? 0 : p.died));
  return {
    y: surv(time, event),
    x: {
      names: TABLE6_NAMES,
      columns: [
        study.patients.map((p) => (p.factors.visceral ? 1 : 0)),
        study.patients.map((p) => (p.factors.postBma ? 1 : 0)),
      ],
    },
  };
}
