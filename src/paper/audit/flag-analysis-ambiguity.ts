import { fmt, makeFinding, roundsTo, sectionOf, type AuditFinding } from "./finding";
import type { Registry } from "./registry";
import { chisqTest } from "../../lib/hypothesis/chisq-test";

/** Ids the analysis-ambiguity flag reads. */
export interface AnalysisAmbiguityIds {
  /** Printed χ² of a univariate factor and its 2×2 [factor level][survived, died] cell ids. */
  readonly statistic: string;
  readonly cells: readonly (readonly string[])[];
  /** Statements: the methods' univariate method (log-rank), the Cox outcome ("one-year survival"). */
  readonly methodStatement: string;
  readonly coxStatement: string;
  readonly median: string;
  readonly horizon: string;
}

/**
 * Which analysis produced the univariate statistics, and on which time scale was the Cox model for
 * "1-year survival" fitted? If the printed χ² equals the Pearson χ² of the factor × 1-year-status table,
 * the test was a χ² on a binary status, not the log-rank test the methods name; and a Cox model of
 * "one-year survival" with a median of 16.8 months leaves the event definition and censoring (at 12
 * months or not) unstated. Flags when the printed statistic is the status-table χ².
 *
 * Reference: Altman & Bland, Time to event (survival) data, BMJ 1998;317:468. Cost: O(cells).
 *
 * A design concern (an ambiguous analysis), graded minor; the printed χ² itself is reproduced exactly.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * flagAnalysisAmbiguity(registry, ids).class // "design concern" (5.145 is the Pearson χ² of Table 5)
 */
export function flagAnalysisAmbiguity(registry: Registry, ids: AnalysisAmbiguityIds): AuditFinding {
  const stat = registry.get(ids.statistic);
  const table = ids.cells.map((row) => row.map((id) => registry.get(id).number));
  const x2 = chisqTest(table, { convention: "spss" }).statistic!;
  const isStatusChisq = roundsTo(x2, stat);
  const method = registry.statement(ids.methodStatement);
  const cox = registry.statement(ids.coxStatement);
  const median = registry.get(ids.median);
  const h = registry.get(ids.horizon).number;
  const text =
    `Methods: "${method.quote}". The printed χ² ${stat.value} ${isStatusChisq ? "equals" : "differs from"} the ` +
    `Pearson χ² of the factor × 1-year status table ${JSON.stringify(table)} = ${fmt(x2, 4)}` +
    `${isStatusChisq ? ", so it is a χ² on binary status (censoring ignored), not a log-rank test" : ""}. "` +
    `${cox.quote}" with a median survival of ${median.value} months (> ${12 * h}): ` +
    `the event (death within ${h} year, or any death) and the time scale (follow-up censored at ${12 * h} ` +
    `months or not) of the Cox model are not stated.`;
  return makeFinding(registry, {
    check: "flag-analysis-ambiguity",
    ids: [ids.statistic, ...ids.cells.flat(), ids.methodStatement, ids.coxStatement, ids.median],
    verdict: isStatusChisq ? "finding" : "not checkable",
    class: "design concern",
    severity: "minor",
    where: `${sectionOf(stat.locator.section)}, ${stat.locator.row ?? stat.quantity} (and §${method.section})`,
    headline: isStatusChisq
      ? `the univariate χ² ${stat.value} is a χ² test of one-year status (censoring ignored), not the log-rank ` +
        `test the methods name; the Cox model's event and time scale are not stated`
      : "the printed χ² is not the χ² of the status table",
    evidence:
      `Pearson χ² of ${JSON.stringify(table)} = ${fmt(x2, 4)} = printed ${stat.value}; ` + `methods: "${method.quote}"`,
    recomputed: { pearsonOfStatusTable: x2, printed: stat.number },
    explanation: text,
  });
}
