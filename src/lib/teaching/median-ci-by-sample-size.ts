import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { createRng } from "../core/rng";
import { normalQuantile } from "../distributions";
import type { MedianCiFrame } from "../figures/median-ci-slider-figure";
import { kaplanMeier } from "../survival/kaplan-meier";
import { kmQuantile } from "../survival/km-quantile";
import { surv } from "../survival/surv";

/** Settings of {@link medianCiBySampleSize}. */
export interface MedianCiBySampleSizeOptions {
  /** Sample sizes, increasing; each sample is the first n patients of one simulated cohort (nested samples). */
  readonly sizes: readonly number[];
  readonly seed: number;
  /** True median survival: survival times are exponential with hazard ln 2 / trueMedian. */
  readonly trueMedian: number;
  /** Patients enter uniformly over this many time units before the analysis (censoring uniform on [0, accrual]). */
  readonly accrual: number;
  readonly confLevel?: number;
}

/** Result of {@link medianCiBySampleSize}: the frames {@link medianCiSliderFigure} draws. */
export interface MedianCiBySampleSize {
  readonly settings: MedianCiBySampleSizeOptions;
  /** The simulated cohort (its first n patients are the sample of size n). */
  readonly cohort: { readonly time: readonly number[]; readonly event: readonly number[] };
  readonly frames: readonly MedianCiFrame[];
}

/**
 * Simulates one cohort (exponential survival with a known median, uniform administrative censoring; seeded) and, for
 * its first n patients at each n of `sizes`, the Kaplan–Meier median with its confidence interval three ways: R's
 * quantile.survfit (log band), Brookmeyer–Crowley (plain band) and the SPSS-style symmetric interval — with both
 * bands, for {@link medianCiSliderFigure}. Nested samples make the slider show the same cohort growing.
 * Reference: Brookmeyer R, Crowley J (1982) Biometrics 38:29; Collett D (2015) §2.4. R: quantile(survfit(...)) with
 * conf.type "log" and "plain". SPSS 27: KM. Cost: O(Σ sizes · log n).
 *
 * @example
 * medianCiBySampleSize({ sizes: [20, 80], seed: 1, trueMedian: 12, accrual: 36 }).frames[1].intervals.length // 3
 */
export function medianCiBySampleSize(options: MedianCiBySampleSizeOptions): MedianCiBySampleSize {
  checkOptions(options, "options", true);
  const { sizes, seed, trueMedian, accrual } = options;
  const confLevel = options.confLevel ?? 0.95;
  if (!Array.isArray(sizes) || sizes.length < 2)
    throw new InputError("must list at least 2 sample sizes", { field: "sizes", value: sizes });
  sizes.forEach((n, i) => {
    if (!(Number.isInteger(n) && n >= 2 && n <= 100_000) || (i > 0 && n <= sizes[i - 1]))
      throw new InputError("must be increasing integers from 2 to 100000", { field: "sizes", index: i, value: n });
  });
  if (!Number.isInteger(seed)) throw new InputError("must be an integer", { field: "seed", value: seed });
  for (const [field, v] of [
    ["trueMedian", trueMedian],
    ["accrual", accrual],
  ] as const) {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0))
      throw new InputError("must be a finite number > 0", { field, value: v });
  }
  if (!(typeof confLevel === "number" && confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "confLevel", value: confLevel });
  const rng = createRng(seed);
  const total = sizes[sizes.length - 1];
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < total; i++) {
    const death = rng.exponential(Math.LN2 / trueMedian);
    const censor = accrual * rng.next();
    time.push(Math.min(death, censor));
    event.push(death <= censor ? 1 : 0);
  }
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const level = `${Math.round(confLevel * 1000) / 10}%`;
  const frames = sizes.map((n): MedianCiFrame => {
    const fit = kaplanMeier(surv(time.slice(0, n), event.slice(0, n)), { confLevel });
    const interval = (label: string, q: ReturnType<typeof kmQuantile>) => ({
      label,
      median: q.time,
      lower: q.lower,
      upper: q.upper,
    });
    return {
      n,
      events: fit.nEvents,
      steps: fit.steps.map((s) => ({
        time: s.time,
        survival: s.survival,
        logLower: s.lower,
        logUpper: s.upper,
        plainLower: s.stdErrSurvival === null ? null : Math.max(0, s.survival - z * s.stdErrSurvival),
        plainUpper: s.stdErrSurvival === null ? null : Math.min(1, s.survival + z * s.stdErrSurvival),
      })),
      intervals: [
        interval(`R (log band, ${level})`, kmQuantile(fit, 0.5, { method: "r" })),
        interval(`Brookmeyer–Crowley (${level})`, kmQuantile(fit, 0.5, { method: "brookmeyer-crowley" })),
        interval(`SPSS-style symmetric (${level})`, kmQuantile(fit, 0.5, { method: "spss" })),
      ],
    };
  });
  return deepFreeze({ settings: { ...options, confLevel }, cohort: { time, event }, frames });
}
