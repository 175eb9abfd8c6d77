import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { univariateScreen, univariateScreenPValues } from "../reproduction/univariate-screen";
import type { Study } from "../study/study";
import { resamplesFor } from "../../lib/survival/bootstrap-resamples";

/** Options of {@link screenBootstrap}. */
export interface ScreenBootstrapOptions {
  readonly replicates?: number;
  readonly seed?: number;
  readonly resamples?: ReadonlyArray<ArrayLike<number>>;
  /** Selection threshold of the screen (the paper: p < 0.05). */
  readonly alpha?: number;
}

/** How often one factor passes the screen across resamples. */
export interface InclusionFrequency {
  readonly factor: string;
  /** Selected in the original data. */
  readonly selectedInData: boolean;
  readonly printed: boolean;
  /** Share of resamples in which p < alpha. */
  readonly frequency: number;
}

/** Result of {@link screenBootstrap}: frozen, JSON-serializable. */
export interface ScreenBootstrapResult {
  readonly kind: "screen-bootstrap";
  readonly method: string;
  readonly replicates: number;
  readonly seed: number | null;
  readonly alpha: number;
  readonly frequencies: readonly InclusionFrequency[];
  /** Share of resamples selecting exactly the factors the original data select. */
  readonly sameSelection: number;
  /** Share of resamples by number of factors selected (index = count). */
  readonly selectedCount: readonly number[];
  /** Resamples in which a test had no p-value (e.g. a category absent from the resample); counted as not selected. */
  readonly testsWithoutP: number;
}

/**
 * Bootstrap inclusion frequencies of the paper's univariate screen (§4.4): repeat the whole screen —
 * 43 tests against one-year status, keep p < alpha — on resamples of the patients and count how often
 * each factor is selected, how many are selected, and how often the selection equals the one in the
 * data. A factor a model builder can rely on is selected in most resamples; frequencies near 50%
 * mean the "finding" is a coin toss of sampling (Sauerbrei & Schumacher 1992).
 *
 * Reference: Sauerbrei W, Schumacher M (1992) Stat Med 11:2093–2109; Heinze G, Wallisch C, Dunkler D
 * (2018) Biom J 60:431 (variable selection, inclusion frequencies). R: a loop over `sample.int` with the
 * tests of univariateScreen. SPSS: none. Cost: O(replicates · 43 · n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * screenBootstrap(study, { replicates: 20, seed: 1 }).frequencies.at(-1)!.factor // "postoperative BMA"
 */
export function screenBootstrap(study: Study, options: ScreenBootstrapOptions = {}): ScreenBootstrapResult {
  const alpha = options.alpha ?? 0.05;
  const selected = (screen: ReturnType<typeof univariateScreen>) =>
    screen.map((r) => r.test.pValue !== null && !Number.isNaN(r.test.pValue) && r.test.pValue < alpha);
  const original = univariateScreen(study);
  const inData = selected(original);
  const resamples = resamplesFor(study.patients.length, {
    replicates: options.replicates ?? 500,
    seed: options.seed,
    resamples: options.resamples,
  });
  const counts = new Array<number>(original.length).fill(0);
  const byCount = new Array<number>(original.length + 1).fill(0);
  let same = 0;
  let withoutP = 0;
  for (const [r, idx] of resamples.entries()) {
    let screen: ReturnType<typeof univariateScreen>;
    try {
      screen = univariateScreenPValues({ ...study, patients: Array.from(idx, (i) => study.patients[i]) });
    } catch (e) {
      // A resample of a small cohort may hold no death within the year, or no survivor: say so, not as if the data did.
      if (!(e instanceof InputError)) throw e;
      throw new InputError(
        `resample ${r + 1} of ${resamples.length} cannot be screened (${e.message.replace(/^[^:]*: /, "")}): ` +
          `the cohort of ${study.patients.length} is too small for a bootstrap of the screen`,
        { field: "study", value: `${study.patients.length} patients` },
      );
    }
    withoutP += screen.filter((r) => r.test.pValue === null || Number.isNaN(r.test.pValue)).length;
    const sel = selected(screen);
    let k = 0;
    sel.forEach((s, j) => {
      if (s) {
        counts[j]++;
        k++;
      }
    });
    byCount[k]++;
    if (sel.every((s, j) => s === inData[j])) same++;
  }
  const b = resamples.length;
  while (byCount.length > 1 && byCount[byCount.length - 1] === 0) byCount.pop();
  return deepFreeze({
    kind: "screen-bootstrap",
    method: `bootstrap of the whole univariate screen (${original.length} tests, p < ${alpha}), ${b} resamples`,
    replicates: b,
    seed: options.resamples ? null : (options.seed ?? 1),
    alpha,
    frequencies: original.map((r, j) => ({
      factor: r.factor,
      selectedInData: inData[j],
      printed: r.printed,
      frequency: counts[j] / b,
    })),
    sameSelection: same / b,
    selectedCount: byCount.map((c) => c / b),
    testsWithoutP: withoutP,
  });
}
