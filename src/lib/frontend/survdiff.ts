import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { type StatResult, statResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import {
  type EventCoding,
  type FormulaData,
  frameGroups,
  type MissingSummary,
  type ModelFrameOptions,
  modelFrame,
} from "../formula";
import { solveLinear } from "../survival/linear-solve";
import { logRank } from "../survival/log-rank";
import { formatCall } from "./internal/format-call";
import { responseOf } from "./internal/frame-helpers";

/** Options of {@link survdiff}. */
export interface SurvdiffOptions extends Omit<ModelFrameOptions, "weights" | "cluster"> {
  /** G-rho weight S(t−)^rho: 0 = log-rank (default), 1 = Peto–Peto. */
  readonly rho?: number;
  /** Name of the data in the printed call (default "data"). */
  readonly dataName?: string;
}

/** One row of R's survdiff table. */
export interface SurvdiffGroup {
  /** R's group name: "sex=1", "sex=male, ph.ecog=0". */
  readonly label: string;
  readonly levels: Readonly<Record<string, string>>;
  /** Rows in the group (R's N). */
  readonly n: number;
  /** Observed and expected (weighted, for rho ≠ 0) events, summed over strata. */
  readonly observed: number;
  readonly expected: number;
  /** (O − E)² / E and (O − E)² / V, R's last two columns. */
  readonly chisqE: number | null;
  readonly chisqV: number | null;
}

/** A survdiff result: the test (one {@link StatResult}) and R's per-group table. */
export type SurvdiffResult = StatResult & {
  readonly kind: "survdiff";
  readonly call: string;
  readonly formula: string;
  readonly response: string;
  readonly eventCoding: EventCoding;
  readonly groups: readonly SurvdiffGroup[];
  /** Strata (from strata() terms) with their row counts, or null. */
  readonly strata: { readonly levels: readonly string[]; readonly n: readonly number[] } | null;
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
};

/**
 * The log-rank test (or the G-rho family) from an R formula, as R's
 * `survdiff(Surv(time, status) ~ sex + strata(inst), data = lung, rho = 0)`: the groups are every observed
 * combination of the right-hand variables other than strata() (R's strata(mf[ll]) order and names), the strata()
 * terms stratify. χ² as R computes it: groups with no expected events are left out, and the quadratic form uses
 * the remaining groups but the first; df = (groups with E > 0) − 1. Observed, expected and both per-group χ²
 * contributions are typed fields of `groups`. Counting-process data (R's survdiff refuses them) give the
 * Mantel–Byar test, risk sets from (start, stop] rows.
 *
 * R: `survival::survdiff(formula, data, subset, rho = 0)`. SPSS: KM … /TEST LOGRANK (rho = 0; /STRATA for strata).
 * Cost: O(n log n + G³) for G groups.
 *
 * @example
 * const aml = {
 *   time: [9, 13, 13, 18, 23, 5, 5, 8, 8, 12],
 *   status: [1, 1, 0, 1, 1, 1, 1, 1, 1, 0],
 *   x: ["M", "M", "M", "M", "M", "N", "N", "N", "N", "N"],
 * };
 * survdiff("Surv(time, status) ~ x", aml).groups.map((g) => g.label) // ["x=M", "x=N"]
 */
export function survdiff(formula: string, data: FormulaData, options: SurvdiffOptions = {}): SurvdiffResult {
  checkOptions(options);
  for (const key of ["weights", "cluster"] as const)
    if ((options as Record<string, unknown>)[key] !== undefined)
      throw new InputError(`${key} is not an option of survdiff (as in R)`, {
        field: key,
        value: (options as Record<string, unknown>)[key],
      });
  const frame = modelFrame(formula, data, options);
  const parsed = frame.formula;
  if (frame.response.coding === "states")
    throw new InputError("survdiff is not defined for multi-state data (as in R): code the status 0/1", {
      field: parsed.response.label,
      value: frame.response.states,
    });
  const cluster = parsed.variables.find((v) => v.role === "cluster");
  if (cluster) throw new InputError("cluster() is not valid in survdiff", { field: "formula", value: cluster.label });
  const groups = frameGroups(frame, "other");
  if (!groups)
    throw new InputError("no groups to test (as R: the right side has no grouping variable)", {
      field: "formula",
      value: formula,
    });
  // A strata() column is already labelled ("inst=1", or the level for text); several are joined (shortlabel).
  const strata = frameGroups(frame, "strata", { short: true });
  const y = responseOf(frame);
  const k = groups.levels.length;
  if (k < 2)
    throw new InputError(`needs at least 2 groups among the rows used, found ${k} (${groups.levels.join(", ")})`, {
      field: "formula",
      value: groups.levels,
    });
  const rho = options.rho ?? 0;
  const test = logRank(y, groups.codes, { rho, strata: strata?.codes });
  const details = test.details;
  const { observed, expected, variance } = details;
  // R's survdiff: drop groups with E = 0, then solve on the remaining groups but the first.
  const live = expected.map((e, g) => (e > 0 ? g : -1)).filter((g) => g >= 0);
  let statistic = 0;
  const warnings = [...test.warnings.filter((w) => !w.startsWith("variance matrix is singular"))];
  if (live.length >= 2) {
    const rest = live.slice(1);
    const d = rest.map((g) => observed[g] - expected[g]);
    const v = rest.map((a) => rest.map((b) => variance[a][b]));
    const sol = solveLinear(v, d, 1e-12);
    if (sol === null) {
      statistic = NaN;
      warnings.push("variance matrix is singular: no information to compare the groups");
    } else statistic = sol.reduce((s, x, i) => s + x * d[i], 0);
  }
  const df = live.length - 1;
  if (live.length < k) warnings.push(`${k - live.length} group(s) with no expected events left out of the test (as R)`);
  const groupRows: SurvdiffGroup[] = groups.levels.map((label, g) => {
    const diff = observed[g] - expected[g];
    return {
      label,
      levels: groups.values[g],
      n: details.n[g],
      observed: observed[g],
      expected: expected[g],
      chisqE: expected[g] > 0 ? (diff * diff) / expected[g] : null,
      chisqV: variance[g][g] > 0 ? (diff * diff) / variance[g][g] : null,
    };
  });
  const strataN = strata ? strata.levels.map(() => 0) : null;
  if (strata && strataN) for (let i = 0; i < strata.codes.length; i++) strataN[strata.codes[i]]++;
  const result = statResult({
    test: "logrank",
    method: test.method,
    convention: test.convention,
    statisticName: "Chisq",
    statistic: Number.isFinite(statistic) ? statistic : null,
    df,
    pValue: Number.isFinite(statistic) && df > 0 ? chisqUpperTail(statistic, df) : null,
    n: frame.n,
    warnings,
    details: { ...test.details, groups: groups.levels },
  });
  return deepFreeze({
    ...result,
    kind: "survdiff" as const,
    call: formatCall("survdiff", parsed.label, options, { rho: options.rho !== undefined ? String(rho) : null }),
    formula: parsed.label,
    response: parsed.response.label,
    eventCoding: frame.response.coding,
    groups: groupRows,
    strata: strata && strataN ? { levels: strata.levels, n: strataN } : null,
    nData: frame.nData,
    excludedBySubset: frame.excludedBySubset,
    missing: frame.missing,
  });
}
