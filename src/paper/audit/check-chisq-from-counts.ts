import { fmt, makeFinding, roundsTo, type AuditFinding } from "./finding";
import type { Registry } from "./registry";
import { chisqTest } from "../../lib/hypothesis/chisq-test";

/**
 * Recomputes Pearson's χ² test of independence from a published table of counts (cell ids, rows ×
 * columns) and compares it with the printed statistic; for 2×2 tables the Yates-corrected value is
 * also tried (SPSS prints both as "Pearson Chi-Square" and "Continuity Correction"). Expected counts
 * below 5 are reported in the explanation.
 *
 * Reference: Agresti (2013) §3.2. R: chisq.test(m, correct = FALSE) and correct = TRUE. SPSS: CROSSTABS
 * /STATISTICS=CHISQ. Cost: O(r·c).
 *
 * @example
 * const registry = loadRegistry();
 * const cells = [
 *   ["t3.pre.abnormal.post.abnormal", "t3.pre.abnormal.post.normal"],
 *   ["t3.pre.normal.post.abnormal", "t3.pre.normal.post.normal"],
 * ];
 * checkChisqFromCounts(registry, "t3.chisq", cells).verdict // "consistent" (X² = 21.789)
 */
export function checkChisqFromCounts(
  registry: Registry,
  statisticId: string,
  cellIds: readonly (readonly string[])[],
): AuditFinding {
  const stat = registry.get(statisticId);
  const table = cellIds.map((row) => row.map((id) => registry.get(id).number));
  const n = table.flat().reduce((a, b) => a + b, 0);
  const test = chisqTest(table, { convention: "spss" });
  const expected = test.details.expected.flat();
  const pearson = { statistic: test.statistic!, df: test.df!, minExpected: Math.min(...expected) };
  const is2x2 = table.length === 2 && table[0].length === 2;
  const yatesTest = is2x2 ? chisqTest(table, { convention: "r", correct: true }) : null;
  const yates = yatesTest === null ? null : yatesTest.statistic!;
  const pearsonOk = roundsTo(pearson.statistic, stat);
  const yatesOk = yates !== null && roundsTo(yates, stat);
  const small = expected.filter((e) => e < 5).length;
  const cells = expected.length;
  const explanation =
    `table ${JSON.stringify(table)} (n = ${n}): Pearson X² = ${fmt(pearson.statistic, 4)} (df ${pearson.df}, p ` +
    `= ${test.pValue!.toExponential(3)})` +
    (yatesTest !== null ? `, Yates X² = ${fmt(yates!, 4)} (p = ${yatesTest.pValue!.toExponential(3)})` : "") +
    `; printed ${stat.value} ${pearsonOk ? "matches Pearson" : yatesOk ? "matches Yates" : "matches neither"}` +
    (small > 0
      ? `; ${small} of ${cells} expected counts < 5 (min ${fmt(pearson.minExpected, 3)}): the χ² approximation ` +
        `is doubtful`
      : "") +
    ".";
  return makeFinding(
    "chisq-from-counts",
    [statisticId, ...cellIds.flat()],
    pearsonOk || yatesOk ? "consistent" : "inconsistent",
    {
      n,
      pearson: pearson.statistic,
      df: pearson.df,
      yates,
      minExpected: pearson.minExpected,
      smallExpectedCells: small,
    },
    explanation,
  );
}
