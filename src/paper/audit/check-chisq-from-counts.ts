import { chisqTest } from "../../lib/hypothesis/chisq-test";
import {
  contradictionSeverity,
  fmt,
  gapClass,
  lastDigitGap,
  makeFinding,
  notCheckable,
  roundsTo,
  type AuditFinding,
} from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * χ² from a printed table (relation `table` on the statistic): recomputes Pearson's χ² test of
 * independence from the table's printed counts and compares it with the printed statistic; for 2×2
 * tables the Yates-corrected value is also tried (SPSS prints both, "Pearson Chi-Square" and "Continuity
 * Correction"). A miss of one unit of the statistic's last digit is rounding-level, a larger one a
 * contradiction. Expected counts below 5 are reported in the explanation.
 *
 * Reference: Agresti (2013) §3.2. R: chisq.test(m, correct = FALSE) and correct = TRUE. SPSS: CROSSTABS
 * /STATISTICS=CHISQ. Cost: O(r·c).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkChisqFromCounts(registry, "t3.chisq").verdict // "passes" (X² = 21.789 from [[15, 8], [2, 30]])
 */
export function checkChisqFromCounts(registry: Registry, statisticId: string): AuditFinding {
  const stat = registry.get(statisticId);
  const cellIds = stat.relations?.table;
  if (cellIds === undefined)
    return notCheckable(registry, "chisq-from-counts", [statisticId], `${entryLabel(stat)}: no table is linked.`);
  const table = cellIds.map((row) => row.map((id) => registry.get(id).number));
  const n = table.flat().reduce((a, b) => a + b, 0);
  const test = chisqTest(table, { convention: "spss" });
  const expected = (test.details.expected as number[][]).flat();
  const pearson = test.statistic!;
  const is2x2 = table.length === 2 && table[0].length === 2;
  const yatesTest = is2x2 ? chisqTest(table, { convention: "r", correct: true }) : null;
  const yates = yatesTest === null ? null : yatesTest.statistic!;
  const pearsonOk = roundsTo(pearson, stat);
  const yatesOk = yates !== null && roundsTo(yates, stat);
  const units = Math.min(
    lastDigitGap(stat, [pearson, pearson]),
    yates === null ? Number.POSITIVE_INFINITY : lastDigitGap(stat, [yates, yates]),
  );
  const cls = gapClass(units, stat.kind);
  const small = expected.filter((e) => e < 5).length;
  const minExpected = Math.min(...expected);
  const nearest = yates !== null && Math.abs(yates - stat.number) < Math.abs(pearson - stat.number) ? yates : pearson;
  const evidence =
    `table ${JSON.stringify(table)} (n = ${n}): Pearson X² = ${fmt(pearson, 4)} (df ${test.df}, p = ` +
    `${test.pValue!.toExponential(3)})` +
    (yatesTest !== null ? `, Yates X² = ${fmt(yates!, 4)} (p = ${yatesTest.pValue!.toExponential(3)})` : "") +
    `; printed ${stat.value} ${pearsonOk ? "matches Pearson" : yatesOk ? "matches Yates" : "matches neither"}`;
  return makeFinding(registry, {
    check: "chisq-from-counts",
    ids: [statisticId, ...cellIds.flat()],
    verdict: cls === null ? "passes" : "finding",
    class: cls ?? undefined,
    severity: cls === "contradiction" ? contradictionSeverity(nearest - stat.number, stat.number, false) : undefined,
    headline:
      cls === null
        ? `χ² ${stat.value} is the ${pearsonOk ? "Pearson" : "Yates-corrected"} χ² of the printed table`
        : `χ² ${stat.value} printed, but the printed table gives ${fmt(pearson, stat.decimals)} (Pearson)` +
          `${yates !== null ? ` or ${fmt(yates, stat.decimals)} (Yates)` : ""}`,
    evidence,
    recomputed: { n, pearson, df: test.df, yates, minExpected, smallExpectedCells: small },
    explanation:
      `${evidence}` +
      (small > 0
        ? `; ${small} of ${expected.length} expected counts < 5 (min ${fmt(minExpected, 3)}): the χ² ` +
          `approximation is doubtful`
        : "") +
      ".",
  });
}
