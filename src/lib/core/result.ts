import { deepFreeze } from "./freeze";

/** Which side(s) of the null a test looks at. */
export type Alternative = "two-sided" | "less" | "greater";

/**
 * The one result shape of every hypothesis test and model test in the library (the lifelines /
 * R `htest` idea): a plain, deeply frozen object that serializes to JSON as it is and renders as an
 * HTML table with {@link resultToHtml}. Test-specific numbers (expected counts, U and W, per-term
 * rows) go in `details`, typed per test by `D` (e.g. `StatResult<ChisqDetails>`), so callers read
 * `r.details.expected` without a cast. `statistic` has one meaning per test whatever the convention;
 * the other conventions' statistics are in `details`.
 */
export interface StatResult<D = unknown> {
  /** Stable machine name of the test, e.g. "pearson-chisq", "logrank", "mann-whitney". */
  readonly test: string;
  /** Human description, e.g. "Pearson's chi-square test of independence". */
  readonly method: string;
  /** Software convention followed, e.g. "R stats::chisq.test(correct = FALSE)" or "SPSS 27 NPAR TESTS". */
  readonly convention: string;
  /** Name of the statistic ("X-squared", "Z", "U", "W", "G"); null when the test has none. */
  readonly statisticName: string | null;
  readonly statistic: number | null;
  /** Degrees of freedom (null for tests without them). */
  readonly df: number | null;
  readonly pValue: number | null;
  readonly alternative: Alternative | null;
  /** Point estimate that goes with the test (odds ratio, shift, hazard ratio, ...), or null. */
  readonly estimateName: string | null;
  readonly estimate: number | null;
  /** Confidence interval of the estimate, or null. */
  readonly ci: readonly [number, number] | null;
  readonly confLevel: number | null;
  /** Number of observations (subjects or pairs) the test used. */
  readonly n: number;
  /** Numerical or assumption warnings (small expected counts, ties, non-convergence). */
  readonly warnings: readonly string[];
  /** Test-specific extra numbers, typed per test; plain JSON values only. */
  readonly details: D;
}

/** Details of a test that has none beyond the common fields. */
export type NoDetails = Readonly<Record<string, never>>;

/** Fields a test must supply; the rest default to null / empty (`details` to `{}`, typed {@link NoDetails}). */
export type StatResultInit<D> = Pick<StatResult<D>, "test" | "method" | "convention" | "n"> &
  Partial<Omit<StatResult<D>, "test" | "method" | "convention" | "n">>;

/**
 * Builds a frozen {@link StatResult}, filling absent fields with null (or []) so every result has
 * the same keys in the same order: byte-identical JSON for the same inputs. `details` keeps its type.
 *
 * Cost: O(size of details).
 *
 * @example
 * statResult({ test: "demo", method: "Demo", convention: "none", n: 3, statistic: 1.5, pValue: 0.2 }).df // null
 */
export function statResult<D extends object = NoDetails>(init: StatResultInit<D>): StatResult<D> {
  const ci = init.ci ?? null;
  return deepFreeze({
    test: init.test,
    method: init.method,
    convention: init.convention,
    statisticName: init.statisticName ?? null,
    statistic: init.statistic ?? null,
    df: init.df ?? null,
    pValue: init.pValue ?? null,
    alternative: init.alternative ?? null,
    estimateName: init.estimateName ?? null,
    estimate: init.estimate ?? null,
    ci: ci === null ? null : ([ci[0], ci[1]] as const),
    confLevel: init.confLevel ?? null,
    n: init.n,
    warnings: [...(init.warnings ?? [])],
    details: { ...(init.details ?? {}) } as D,
  });
}
