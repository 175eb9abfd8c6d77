import { checkOptions } from "../core/check-options";
import { statResult, type StatResult } from "../core/result";
import { logWald } from "./internal/log-wald";
import { checkTwoByTwo } from "./internal/two-by-two";
import { checkConfLevel } from "./internal/validate";

/** Details of {@link riskRatio}. */
export interface RiskRatioDetails {
  /** Risk in row 1 and row 2. */
  readonly risks: readonly [number, number];
  readonly logRiskRatio: number;
  /** SE of the log risk ratio. */
  readonly standardError: number;
}

/**
 * Risk ratio p1/p2 = [a/(a+b)] / [c/(c+d)] of a 2×2 table [[a, b], [c, d]] (rows: exposed,
 * unexposed; first column: event), with the log-scale Wald interval
 * exp(ln RR ± z·sqrt(1/a − 1/(a+b) + 1/c − 1/(c+d))).
 *
 * Reference: Katz D et al. (1978) Biometrics 34:469; Agresti (2013) §3.1.4.
 * R: by hand (or epitools::riskratio.wald). SPSS 27: CROSSTABS /STATISTICS=RISK "For cohort <first column>".
 * Cost: O(1).
 *
 * @example
 * riskRatio([[15, 4], [17, 19]]).estimate // 1.6718 (= (15/19)/(17/36))
 */
export function riskRatio(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: { confLevel?: number } = {},
): StatResult<RiskRatioDetails> {
  checkOptions(options);
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const [a, b, c, d] = checkTwoByTwo(table);
  const n1 = a + b;
  const n2 = c + d;
  const estimate = a / n1 / (c / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  const wald = logWald(estimate, se, confLevel);
  const warnings =
    a > 0 && c > 0 ? [] : ["no events in a group: the risk ratio is 0 or infinite and the log interval is undefined"];
  return statResult({
    test: "risk-ratio",
    method: "Risk ratio with log (Katz) confidence interval",
    convention: "log-scale Wald CI (SPSS 27 CROSSTABS Risk Estimate, For cohort)",
    statisticName: "z",
    statistic: wald.z,
    pValue: wald.pValue,
    alternative: "two-sided",
    estimateName: "risk ratio",
    estimate,
    ci: wald.ci,
    confLevel,
    n: n1 + n2,
    warnings,
    details: { risks: [a / n1, c / n2], logRiskRatio: Math.log(estimate), standardError: se },
  });
}
