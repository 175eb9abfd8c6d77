import { checkOptions } from "../core/check-options";
import { statResult, type StatResult } from "../core/result";
import { logWald } from "./internal/log-wald";
import { checkTwoByTwo } from "./internal/two-by-two";
import { checkChoice, checkConfLevel } from "./internal/validate";

/** Options of {@link oddsRatio}. */
export interface OddsRatioOptions {
  readonly confLevel?: number;
  /**
   * "none" (default): Woolf's interval on the observed cells (SPSS); with a zero cell the estimate is 0
   * or ∞ and the interval is undefined (warning). "haldane": add 0.5 to every cell when any cell is
   * zero (Haldane–Anscombe), with a warning. "haldane-always": add 0.5 to every cell regardless.
   */
  readonly correction?: "none" | "haldane" | "haldane-always";
}

/** Details of {@link oddsRatio}. */
export interface OddsRatioDetails {
  /** a, b, c, d as used (after the Haldane correction when applied). */
  readonly cells: readonly [number, number, number, number];
  readonly logOddsRatio: number;
  /** Woolf SE of the log odds ratio. */
  readonly standardError: number;
  readonly haldaneApplied: boolean;
}

/**
 * Odds ratio (a·d)/(b·c) of a 2×2 table [[a, b], [c, d]] with Woolf's log-scale Wald interval
 * exp(ln OR ± z·sqrt(1/a + 1/b + 1/c + 1/d)); the p-value is the Wald test of ln OR = 0.
 *
 * Reference: Woolf B (1955) Ann Hum Genet 19:251; Haldane JBS (1956) Ann Hum Genet 20:309; Agresti (2013) §3.1.
 * R: by hand (or epitools::oddsratio.wald). SPSS 27: CROSSTABS /STATISTICS=RISK "Odds Ratio" (Woolf CI).
 * Cost: O(1).
 *
 * @example
 * // Paper Table 5, visceral metastases: (15·19)/(4·17)
 * oddsRatio([[15, 4], [17, 19]]).estimate // 4.1912 (95% CI 1.1625 – 15.1107)
 */
export function oddsRatio(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: OddsRatioOptions = {},
): StatResult<OddsRatioDetails> {
  checkOptions(options);
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const correction = checkChoice(
    options.correction,
    ["none", "haldane", "haldane-always"] as const,
    "none",
    "options.correction",
  );
  let [a, b, c, d] = checkTwoByTwo(table);
  const n = a + b + c + d;
  const hasZero = a === 0 || b === 0 || c === 0 || d === 0;
  const warnings: string[] = [];
  const corrected = correction === "haldane-always" || (correction === "haldane" && hasZero);
  if (corrected) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
    warnings.push(
      hasZero
        ? "a cell is zero: 0.5 added to every cell (Haldane–Anscombe correction)"
        : "0.5 added to every cell (Haldane–Anscombe correction)",
    );
  } else if (hasZero) {
    warnings.push(
      "a cell is zero: the odds ratio is 0 or infinite and Woolf's interval is undefined; consider " +
        'correction: "haldane" or fisherTest',
    );
  }
  const estimate = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const wald = logWald(estimate, se, confLevel);
  return statResult({
    test: "odds-ratio",
    method: "Odds ratio with Woolf (log) confidence interval",
    convention: corrected
      ? "Woolf log CI with Haldane–Anscombe +0.5"
      : "Woolf log CI (SPSS 27 CROSSTABS Risk Estimate)",
    statisticName: "z",
    statistic: wald.z,
    pValue: wald.pValue,
    alternative: "two-sided",
    estimateName: "odds ratio",
    estimate,
    ci: wald.ci,
    confLevel,
    n,
    warnings,
    details: { cells: [a, b, c, d], logOddsRatio: Math.log(estimate), standardError: se, haldaneApplied: corrected },
  });
}
