import { fmt, makeFinding, notCheckable, roundsTo, type AuditFinding } from "./finding";
import { grimSums } from "./check-grim";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * GRIMMER (Anaya 2016; Allard's analytic version as implemented in scrutiny::grimmer_scalar, rounding
 * "up_or_down"): given a GRIM-consistent mean of n integers, the SD's rounding interval bounds the sum
 * of squares Σx² = (n−1)·SD² + n·mean²; test 1 needs an integer in those bounds, test 2 needs one whose
 * SD rounds to the printed SD, test 3 needs one of the same parity as the sum (Σx² ≡ Σx mod 2).
 *
 * R: scrutiny::grimmer(x = "57.36", sd = "10.38", n = 55). SPSS: none. Cost: O(width of the sum-of-squares interval).
 *
 * A failure is a contradiction (graded minor); when GRIM already fails, GRIMMER is not checkable (it
 * presupposes a possible mean) and the GRIM finding stands alone.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkGrimmer(registry, "s4.1.age.mean").verdict // "passes"
 */
export function checkGrimmer(registry: Registry, meanId: string): AuditFinding {
  const m = registry.get(meanId);
  const sdId = m.relations?.sd;
  const nId = m.relations?.denominator;
  if (sdId === undefined || nId === undefined || m.scale?.type !== "integer") {
    return notCheckable(
      registry,
      "grimmer",
      [meanId],
      `${entryLabel(m)}: GRIMMER needs an SD, a denominator and an integer scale.`,
    );
  }
  const sd = registry.get(sdId);
  const n = registry.get(nId).number;
  const ids = [meanId, sdId, nId];
  const sums = grimSums(m, n);
  if (sums.length === 0) {
    const why = `GRIM fails first: ${m.value} × ${n} = ${fmt(m.number * n, 4)} has no integer sum that rounds back.`;
    return makeFinding(registry, {
      check: "grimmer",
      ids,
      verdict: "not checkable",
      headline: why,
      recomputed: { n, grim: false },
      explanation: why,
    });
  }
  const sum = Math.round(m.number * n);
  const meanReal = sum / n;
  const h = 0.5 * 10 ** -sd.decimals;
  const sdLower = Math.max(0, sd.number - h);
  const sdUpper = sd.number + h;
  const ssLower = (n - 1) * sdLower ** 2 + n * meanReal ** 2;
  const ssUpper = (n - 1) * sdUpper ** 2 + n * meanReal ** 2;
  const first = Math.ceil(ssLower);
  const last = Math.floor(ssUpper);
  const test1 = first <= last;
  const matching: number[] = [];
  let test3 = false;
  for (let ss = first; ss <= last; ss++) {
    const sdPred = Math.sqrt((ss - n * meanReal ** 2) / (n - 1));
    if (roundsTo(sdPred, sd)) {
      matching.push(ss);
      if (ss % 2 === sum % 2) test3 = true;
    }
  }
  const test2 = matching.length > 0;
  const ok = test1 && test2 && test3;
  const evidence =
    `sum = ${sum} (mean ${fmt(meanReal, 4)}); SD ∈ [${fmt(sdLower, 4)}, ${fmt(sdUpper, 4)}] → Σx² = (n−1)SD² + ` +
    `n·mean² ∈ [${fmt(ssLower, 2)}, ${fmt(ssUpper, 2)}]; ` +
    `test 1 (an integer inside) ${test1 ? "passes" : "fails"}; test 2 (an SD rounding to ${sd.value}) ` +
    `${test2 ? `passes (${matching.length} sums)` : "fails"}; test 3 (parity of Σx² = parity of ${sum}) ` +
    `${test3 ? "passes" : "fails"}`;
  return makeFinding(registry, {
    check: "grimmer",
    ids,
    verdict: ok ? "passes" : "finding",
    class: "contradiction",
    severity: "minor",
    headline: ok
      ? `mean ${m.value} and SD ${sd.value} are possible together with ${n} whole-number scores`
      : `mean ${m.value} and SD ${sd.value} are impossible together with ${n} whole-number scores (GRIMMER)`,
    evidence,
    recomputed: {
      n,
      sum,
      sumOfSquaresLower: ssLower,
      sumOfSquaresUpper: ssUpper,
      test1,
      test2,
      test3,
      matchingSumsOfSquares: matching.slice(0, 20),
    },
    explanation: `${evidence}.`,
  });
}
