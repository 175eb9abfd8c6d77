import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { chisqUpper, normalQuantile } from "../distributions";
import type { Surv } from "../survival/surv";
import { checkBinary } from "./internal/check-binary";
import type { HandTable } from "./km-table-by-hand";
import { partialLikelihoodByHand, type HandTies, type PartialLikelihoodByHand } from "./partial-likelihood-by-hand";

/** One Newton–Raphson step on the partial likelihood. */
export interface NewtonStepRow {
  readonly step: number;
  readonly beta: number;
  readonly loglik: number;
  readonly score: number;
  readonly information: number;
  /** β + U/I, the next iterate. */
  readonly nextBeta: number;
}

/** Result of {@link coxNewtonByHand}. */
export interface CoxNewtonByHand extends HandTable<NewtonStepRow> {
  readonly ties: HandTies;
  /** The last iterate: the maximum partial likelihood estimate once converged. */
  readonly estimate: number;
  /** 1/√I(β̂). */
  readonly se: number;
  readonly hazardRatio: number;
  readonly ci: readonly [number, number];
  readonly confLevel: number;
  /** ℓ(0) and ℓ(β̂). */
  readonly loglikNull: number;
  readonly loglik: number;
  /** Score test U(0)²/I(0), likelihood-ratio test 2(ℓ(β̂) − ℓ(0)) and Wald test (β̂/SE)², each on 1 df. */
  readonly scoreTest: { readonly statistic: number; readonly pValue: number };
  readonly likelihoodRatioTest: { readonly statistic: number; readonly pValue: number };
  readonly waldTest: { readonly statistic: number; readonly pValue: number };
  /** True when the last step moved β by less than 1e-9 (relative). */
  readonly converged: boolean;
  /** The partial likelihood written out at the estimate. */
  readonly atEstimate: PartialLikelihoodByHand;
  readonly warnings: readonly string[];
}

/**
 * Maximises Cox's partial likelihood for one 0/1 covariate by Newton–Raphson from β = 0, one row per step:
 * β, ℓ(β), the score U(β), the information I(β), and the next iterate β + U(β)/I(β). The first step from 0 is the
 * log-rank-like score U(0)/I(0); a few more steps settle β̂ to many digits. SE = 1/√I(β̂), HR = e^β̂ with the Wald
 * interval e^(β̂ ± z·SE). When all deaths fall in one group the likelihood keeps rising (β̂ = ±∞): the iterates
 * drift without converging, and a warning says so.
 *
 * Independent of {@link coxPH} (which uses a different kernel, Newton with step-halving on any number of
 * covariates): the teaching notebook checks the two agree. Reference: Cox DR (1972); Collett D (2015) §3.3.3;
 * Therneau TM, Grambsch PM (2000) §3.2. R: coxph(Surv(time, status) ~ x, ties = "breslow") (its iterates:
 * control = coxph.control(iter.max = k)). SPSS 27: COXREG, whose ties are Breslow's (its iteration history was not
 * checked here). Cost: O(steps · n log n).
 *
 * @example
 * coxNewtonByHand(surv([1, 2, 3, 4], [1, 1, 1, 0]), [1, 0, 1, 0]).rows[0].nextBeta // first Newton step U(0)/I(0)
 */
export function coxNewtonByHand(
  y: Surv,
  x: ArrayLike<number>,
  options: { readonly ties?: HandTies; readonly steps?: number; readonly confLevel?: number } = {},
): CoxNewtonByHand {
  checkOptions(options);
  checkBinary(x, y.n);
  const maxSteps = options.steps ?? 6;
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1 && maxSteps <= 50))
    throw new InputError("must be an integer from 1 to 50", { field: "options.steps", value: options.steps });
  const confLevel = options.confLevel ?? 0.95;
  if (!(typeof confLevel === "number" && confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: confLevel });
  const ties = options.ties ?? "breslow";
  const rows: NewtonStepRow[] = [];
  let beta = 0;
  let converged = false;
  for (let step = 0; step < maxSteps; step++) {
    const at = partialLikelihoodByHand(y, x, beta, { ties });
    const nextBeta = beta + at.score / at.information;
    rows.push({ step, beta, loglik: at.loglik, score: at.score, information: at.information, nextBeta });
    if (!Number.isFinite(nextBeta)) break;
    converged = Math.abs(nextBeta - beta) <= 1e-9 * Math.max(1, Math.abs(beta));
    beta = nextBeta;
    if (converged) break;
  }
  const atEstimate = partialLikelihoodByHand(y, x, beta, { ties });
  const null0 = rows[0];
  const se = 1 / Math.sqrt(atEstimate.information);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const test = (statistic: number) => ({ statistic, pValue: chisqUpper(statistic, 1) });
  const warnings: string[] = [];
  if (!converged)
    warnings.push(
      `β did not settle within ${maxSteps} Newton steps` +
        (atEstimate.information < 1e-6
          ? ": the information vanishes — all deaths in one group at every death time (β̂ infinite)"
          : ""),
    );
  return deepFreeze({
    rows,
    labels: { step: "step", beta: "β", loglik: "ℓ(β)", score: "U(β)", information: "I(β)", nextBeta: "β + U/I" },
    ties,
    estimate: beta,
    se,
    hazardRatio: Math.exp(beta),
    ci: [Math.exp(beta - z * se), Math.exp(beta + z * se)] as [number, number],
    confLevel,
    loglikNull: null0.loglik,
    loglik: atEstimate.loglik,
    scoreTest: test(null0.score ** 2 / null0.information),
    likelihoodRatioTest: test(2 * (atEstimate.loglik - null0.loglik)),
    waldTest: test((beta / se) ** 2),
    converged,
    atEstimate,
    warnings,
  });
}
