import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { shortNumber } from "../core/format";
import { normalQuantile } from "../distributions";
import type { Surv } from "../survival/surv";
import { distinctTimes } from "./internal/distinct-times";
import type { HandTable } from "./km-table-by-hand";

/** One distinct time with S(t) and the two pointwise bands whose crossings of 0.5 give the median's CI. */
export interface MedianBandRow {
  readonly time: number;
  readonly survival: number;
  /** Greenwood SE of S(t); null when undefined (S = 0). */
  readonly se: number | null;
  /** Log-scale band S·exp(∓z·√Σ) (R's default conf.type "log"), upper capped at 1. */
  readonly logLower: number | null;
  readonly logUpper: number | null;
  /** Untransformed band S ∓ z·SE clipped to [0, 1] (Brookmeyer–Crowley's test, R's conf.type "plain"). */
  readonly plainLower: number | null;
  readonly plainUpper: number | null;
}

/** One convention's median and confidence interval, with the working. */
export interface MedianInterval {
  readonly method: "r" | "brookmeyer-crowley" | "spss";
  readonly label: string;
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly working: string;
}

/** The pieces of the SPSS-style symmetric interval. */
export interface SpssMedianWorking {
  /** Smallest death time with S ≤ 0.5 (SPSS takes no midpoint). */
  readonly median: number | null;
  /** û: the largest death time (or 0) with S ≥ 0.55, and S there. */
  readonly u: number | null;
  readonly survivalU: number | null;
  /** l̂: the smallest death time with S ≤ 0.45, and S there. */
  readonly l: number | null;
  readonly survivalL: number | null;
  /** f̂ = (S(û) − S(l̂)) / (l̂ − û), the density of the survival time near the median. */
  readonly density: number | null;
  /** Greenwood SE of S at the median. */
  readonly seSurvival: number | null;
  /** SE of the median, seSurvival / f̂. */
  readonly se: number | null;
}

/** Result of {@link medianByHand}. */
export interface MedianByHand extends HandTable<MedianBandRow> {
  readonly confLevel: number;
  readonly z: number;
  /** The median as R reads it off the curve (first time S ≤ 0.5; the midpoint where S = 0.5 on a flat stretch). */
  readonly median: number | null;
  readonly intervals: readonly MedianInterval[];
  readonly spss: SpssMedianWorking;
}

const TOL = Math.sqrt(Number.EPSILON);

/**
 * The median survival time and its confidence interval three ways, worked by hand from the Greenwood table:
 *
 * - **R** (quantile.survfit, conf.type "log"): the CI runs from the first time the *lower* pointwise log-scale band
 *   falls to 0.5 to the first time the *upper* band does (Brookmeyer–Crowley's idea on the log scale);
 * - **Brookmeyer–Crowley** (1982): the same crossings with the untransformed band S ± z·SE — the times t where the
 *   test of S(t) = 0.5 is not rejected;
 * - **SPSS-style**: median ± z·SE, SE = SE(Ŝ(median)) / f̂ with the density f̂ from the death times around S = 0.55
 *   and 0.45 (Collett 2015 §2.4.2) — symmetric, so it can reach below 0 or past the last follow-up.
 *
 * A limit is null ("not estimable") when the band never reaches 0.5. Where a curve or band equals 0.5 exactly on a
 * flat stretch the midpoint of the stretch is taken, as R does; R also sorts a band that rises again (after a death
 * with a large SE) before reading it, which this plain reading does not: the notebook's check against
 * {@link kmQuantile} would show such a case. Reference: Brookmeyer R, Crowley J (1982) Biometrics 38:29; Collett D
 * (2015) Modelling Survival Data in Medical Research, 3rd ed., §2.4. R: quantile(survfit(...), 0.5). SPSS 27 KM:
 * "Means and Medians for Survival Time". Cost: O(n log n).
 *
 * @example
 * medianByHand(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1])).median // 3.5 (S = 0.5 on [3, 4): midpoint)
 */
export function medianByHand(y: Surv, options: { readonly confLevel?: number } = {}): MedianByHand {
  checkOptions(options);
  const confLevel = options.confLevel ?? 0.95;
  if (!(typeof confLevel === "number" && confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: confLevel });
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  let survival = 1;
  let sum = 0;
  const deathRows: { time: number; survival: number; se: number | null }[] = [];
  const rows = distinctTimes(y).map((r): MedianBandRow => {
    if (r.deaths > 0) {
      survival *= 1 - r.deaths / r.atRisk;
      sum = r.atRisk === r.deaths ? Infinity : sum + r.deaths / (r.atRisk * (r.atRisk - r.deaths));
    }
    const sigma = Math.sqrt(sum);
    const defined = Number.isFinite(sigma) && survival > 0;
    const se = defined ? survival * sigma : null;
    if (r.deaths > 0) deathRows.push({ time: r.time, survival, se });
    return {
      time: r.time,
      survival,
      se,
      logLower: defined ? survival * Math.exp(-z * sigma) : null,
      logUpper: defined ? Math.min(1, survival * Math.exp(z * sigma)) : null,
      plainLower: se === null ? null : Math.max(0, survival - z * se),
      plainUpper: se === null ? null : Math.min(1, survival + z * se),
    };
  });
  const times = rows.map((r) => r.time);
  const median = crossing(
    times,
    rows.map((r) => r.survival),
  );
  const limits = (lower: (r: MedianBandRow) => number | null, upper: (r: MedianBandRow) => number | null) => ({
    lower: crossing(times, rows.map(lower)),
    upper: crossing(times, rows.map(upper)),
  });
  const logCi = limits(
    (r) => r.logLower,
    (r) => r.logUpper,
  );
  const plainCi = limits(
    (r) => r.plainLower,
    (r) => r.plainUpper,
  );
  const spss = spssWorking(deathRows);
  const level = `${shortNumber(100 * confLevel, 2)}%`;
  const intervals: MedianInterval[] = [
    {
      method: "r",
      label: `R quantile.survfit (log band, ${level})`,
      median,
      ...logCi,
      working: bandWorking(
        "log band S·exp(∓z√Σ)",
        logCi,
        rows.map((r) => r.logUpper),
      ),
    },
    {
      method: "brookmeyer-crowley",
      label: `Brookmeyer–Crowley (plain band, ${level})`,
      median,
      ...plainCi,
      working: bandWorking(
        "plain band S ∓ z·SE",
        plainCi,
        rows.map((r) => r.plainUpper),
      ),
    },
    {
      method: "spss",
      label: `SPSS-style symmetric (${level})`,
      median: spss.median,
      lower: spss.se === null || spss.median === null ? null : spss.median - z * spss.se,
      upper: spss.se === null || spss.median === null ? null : spss.median + z * spss.se,
      working: spssText(spss, z),
    },
  ];
  return deepFreeze({
    rows,
    labels: {
      time: "t",
      survival: "S(t)",
      se: "SE S(t)",
      logLower: "log band lower",
      logUpper: "log band upper",
      plainLower: "plain band lower",
      plainUpper: "plain band upper",
    },
    confLevel,
    z,
    median,
    intervals,
    spss,
  });
}

/**
 * The first time a step function falls to 0.5 (null values skipped; null if it never does). If it sits at 0.5 exactly,
 * the midpoint between that time and the time it falls below 0.5 (or the last time), as R's quantile.survfit.
 */
function crossing(times: readonly number[], values: readonly (number | null)[]): number | null {
  const i = values.findIndex((v) => v !== null && v <= 0.5 + TOL);
  if (i < 0) return null;
  if (Math.abs((values[i] as number) - 0.5) >= TOL) return times[i];
  const j = values.findIndex((v, k) => k > i && v !== null && v < 0.5 - TOL);
  return (times[i] + times[j < 0 ? times.length - 1 : j]) / 2;
}

function bandWorking(
  band: string,
  ci: { lower: number | null; upper: number | null },
  upperBand: readonly (number | null)[],
): string {
  const lower =
    ci.lower === null ? "the lower band never falls to 0.5" : `the lower band first falls to 0.5 at t = ${ci.lower}`;
  const defined = upperBand.filter((v): v is number => v !== null);
  const lowest = defined.length > 0 ? ` (its lowest value is ${shortNumber(Math.min(...defined), 4)})` : "";
  const upper =
    ci.upper === null
      ? `the upper band never falls to 0.5${lowest}: no upper limit`
      : `the upper band first falls to 0.5 at t = ${ci.upper}`;
  return `${band}: ${lower}; ${upper}`;
}

function spssWorking(deaths: readonly { time: number; survival: number; se: number | null }[]): SpssMedianWorking {
  const at = deaths.find((d) => d.survival <= 0.5 + TOL) ?? null;
  const uRow = [{ time: 0, survival: 1, se: 0 }, ...deaths].filter((d) => d.survival >= 0.55 - TOL).pop() ?? null;
  const lRow = deaths.find((d) => d.survival <= 0.45 + TOL) ?? null;
  const density =
    uRow && lRow && lRow.time !== uRow.time ? (uRow.survival - lRow.survival) / (lRow.time - uRow.time) : null;
  const seSurvival = at?.se ?? null;
  return {
    median: at?.time ?? null,
    u: uRow?.time ?? null,
    survivalU: uRow?.survival ?? null,
    l: lRow?.time ?? null,
    survivalL: lRow?.survival ?? null,
    density,
    seSurvival,
    se: density === null || seSurvival === null || at === null ? null : seSurvival / density,
  };
}

function spssText(s: SpssMedianWorking, z: number): string {
  const f = (x: number) => shortNumber(x, 4);
  if (s.median === null) return "S never falls to 0.5: no median";
  if (s.u === null || s.l === null || s.density === null || s.survivalU === null || s.survivalL === null)
    return `median ${s.median}; no death time with S ≤ 0.45, so no density estimate and no interval`;
  if (s.se === null || s.seSurvival === null) return `median ${s.median}; SE of S undefined there, no interval`;
  return (
    `û = ${s.u} (S = ${f(s.survivalU)}), l̂ = ${s.l} (S = ${f(s.survivalL)}): f̂ = (${f(s.survivalU)} − ` +
    `${f(s.survivalL)}) / (${s.l} − ${s.u}) = ${f(s.density)}; SE = ${f(s.seSurvival)} / ${f(s.density)} = ` +
    `${f(s.se)}; ${s.median} ± ${f(z)} × ${f(s.se)}`
  );
}
