import { InputError } from "../core/errors";
import type { CoxResult } from "./cox-ph";

/**
 * Van Houwelingen & le Cessie's heuristic shrinkage factor of a fitted model:
 * γ̂ = (χ²_LR − p) / χ²_LR, the expected calibration slope of its linear predictor in new patients
 * (1 = no overfitting; 0.8 means predictions should be pulled 20% towards the mean). p is the number of
 * estimated coefficients — pass the number of candidate predictors screened instead when the model was
 * selected from more (the selection is part of the overfitting). Negative values mean the model
 * predicts worse than chance.
 *
 * Reference: van Houwelingen JC, le Cessie S (1990) Stat Med 9:1303–1325; Steyerberg (2019) Clinical
 * Prediction Models, 2nd ed., §13.2. R: `lr <- 2 * diff(fit$loglik); (lr - p) / lr`.
 * SPSS: none. Cost: O(1).
 *
 * @example
 * // LR χ² = 10.2 on 2 coefficients:
 * heuristicShrinkage({ likelihoodRatioTest: { statistic: 10.2, df: 2 } } as CoxResult) // 0.80392
 */
export function heuristicShrinkage(fit: CoxResult, parameters?: number): number {
  const lr = fit.likelihoodRatioTest.statistic;
  const p = parameters ?? fit.likelihoodRatioTest.df;
  if (p === null || !Number.isInteger(p) || p < 1)
    throw new InputError("must be a positive integer", { field: "parameters", value: p });
  if (lr === null || !(lr > 0))
    throw new InputError("likelihood-ratio χ² must be > 0", { field: "fit.likelihoodRatioTest.statistic", value: lr });
  return (lr - p) / lr;
}
