import { checkOptions } from "../core/check-options";
import { statResult, type StatResult } from "../core/result";
import { normalPValue, normalQuantile } from "../distributions";
import { checkTwoByTwo } from "./internal/two-by-two";
import { checkChoice, checkConfLevel } from "./internal/validate";

/** Details of {@link riskDifference}. */
export interface RiskDifferenceDetails {
  /** Risk in row 1 and row 2. */
  readonly risks: readonly [number, number];
  /** Wald SE of the difference. */
  readonly standardError: number;
}

/**
 * Risk difference p1 − p2 of a 2×2 table [[a, b], [c, d]] (rows: groups, first column: event) with
 * either the Wald interval d ± z·sqrt(p1q1/n1 + p2q2/n2) or Newcombe's hybrid score interval (his
 * method 10: Wilson intervals [l_i, u_i] for each proportion, then
 * [d − sqrt((p1 − l1)² + (u2 − p2)²), d + sqrt((u1 − p1)² + (p2 − l2)²)]), which behaves at 0 and 1.
 *
 * Reference: Newcombe RG (1998) Stat Med 17:873; Wilson EB (1927) JASA 22:209.
 * R: Wilson intervals = prop.test(x, n, correct = FALSE)$conf.int; Wald by hand. SPSS 27: none in
 * CROSSTABS (27 adds proportion CIs in "Independent-Samples Proportions").
 * Cost: O(1).
 *
 * @example
 * riskDifference([[15, 4], [17, 19]], { method: "wald" }).estimate // 0.3173 (= 15/19 − 17/36)
 */
export function riskDifference(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: { confLevel?: number; method?: "wald" | "newcombe" } = {},
): StatResult<RiskDifferenceDetails> {
  checkOptions(options);
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const method = checkChoice(options.method, ["wald", "newcombe"] as const, "newcombe", "options.method");
  const [a, b, c, d] = checkTwoByTwo(table);
  const n1 = a + b;
  const n2 = c + d;
  const p1 = a / n1;
  const p2 = c / n2;
  const diff = p1 - p2;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  let ci: [number, number];
  const warnings: string[] = [];
  if (method === "wald") {
    ci = [diff - z * se, diff + z * se];
    if (se === 0)
      warnings.push('both proportions are 0 or 1: the Wald interval has zero width; prefer method "newcombe"');
  } else {
    const [l1, u1] = wilson(a, n1, z);
    const [l2, u2] = wilson(c, n2, z);
    ci = [diff - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), diff + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
  }
  return statResult({
    test: "risk-difference",
    method:
      method === "wald"
        ? "Risk difference with Wald confidence interval"
        : "Risk difference with Newcombe hybrid score interval",
    convention: method === "wald" ? "Wald" : "Newcombe (1998) method 10 (Wilson score = R prop.test(correct = FALSE))",
    statisticName: "z",
    statistic: se > 0 ? diff / se : NaN,
    pValue: se > 0 ? normalPValue(diff / se, "two-sided") : NaN,
    alternative: "two-sided",
    estimateName: "risk difference",
    estimate: diff,
    ci,
    confLevel,
    n: n1 + n2,
    warnings,
    details: { risks: [p1, p2], standardError: se },
  });
}

/** Wilson score interval for x/n. */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [centre - half, centre + half];
}
