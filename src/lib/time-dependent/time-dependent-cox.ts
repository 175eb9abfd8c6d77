import { checkOptions } from "../core/check-options";
import { coxPH, type CoxCovariates, type CoxOptions, type CoxResult } from "../survival/cox-ph";
import { InputError } from "../core/errors";
import type { Surv } from "../survival/surv";
import { treatmentEpisodes } from "./split-at-treatment";

/** Options of {@link timeDependentCox}. */
export interface TimeDependentCoxOptions {
  /** Fixed (baseline) covariates, one value per subject. */
  readonly covariates?: CoxCovariates;
  readonly ties?: "efron" | "breslow";
  /** Name of the treatment term (default "treatment (time-dependent)"). */
  readonly treatmentName?: string;
}

/**
 * Cox model with a treatment that starts during follow-up as a time-dependent covariate: each subject is
 * untreated from time zero until treatment starts and treated afterwards ({@link splitAtTreatment}), so no
 * immortal time is credited to treatment; fixed covariates are carried to every row of their subject.
 * The treatment term comes first, then the fixed covariates.
 *
 * Reference: Therneau & Grambsch (2000) §3.7; Suissa S (2008) Am J Epidemiol 167:492 (immortal time).
 * R: `coxph(Surv(tstart, tstop, event) ~ treated + x, data = tmerge(...))`. SPSS: COXREG with a
 * time-dependent covariate T_COV_. Cost: one coxPH fit on at most 2n rows.
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * timeDependentCox(y, [null, 2, 4, null, null, 1]).terms[0].name // "treatment (time-dependent)"
 */
export function timeDependentCox(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  options: TimeDependentCoxOptions = {},
): CoxResult {
  checkOptions(options);
  const model = timeDependentModel(y, treatmentTime, options);
  return coxPH(model.y, model.x, model.options);
}

/** A Cox model ready to fit: response, covariates and options. */
export interface CoxModelInput {
  readonly y: Surv;
  readonly x: CoxCovariates;
  readonly options: CoxOptions;
}

/**
 * The split data, covariates and options that {@link timeDependentCox} fits (validated). Internal: the
 * simulations fit it with coxPHTerms.
 */
export function timeDependentModel(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  options: TimeDependentCoxOptions,
): CoxModelInput {
  const episodes = treatmentEpisodes(y, treatmentTime);
  const split = episodes.split;
  const fixed = options.covariates ?? { names: [], columns: [] };
  fixed.columns.forEach((col, j) => {
    if (col.length !== y.n)
      throw new InputError(`has ${col.length} values, expected one per subject (${y.n})`, {
        field: "options.covariates.columns",
        index: j,
        value: fixed.names[j],
      });
  });
  return {
    y: episodes.y,
    x: {
      names: [options.treatmentName ?? "treatment (time-dependent)", ...fixed.names],
      columns: [split.treated, ...fixed.columns.map((col) => split.id.map((i) => col[i]))],
    },
    options: { ties: options.ties ?? "efron" },
  };
}
