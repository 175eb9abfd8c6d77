import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { StatResult } from "../core/result";
import { kaplanMeier, type KaplanMeierFit, type KaplanMeierOptions } from "../survival/kaplan-meier";
import { survCounting, type Surv } from "../survival/surv";
import { mantelByarOnEpisodes, type MantelByarDetails } from "./mantel-byar-test";
import { treatmentEpisodes } from "./split-at-treatment";

/** Options of {@link simonMakuch}: the Kaplan–Meier options plus where each curve starts. */
export interface SimonMakuchOptions extends KaplanMeierOptions {
  /**
   * Start each curve where its risk set first holds at least this many subjects (R:
   * `survfit(start.time = t0)` on that group's rows). A curve by current treatment state starts with
   * the few subjects treated earliest, and a death among one or two of them drops it to a value it
   * never leaves; from a stated minimum on, the curve is the survival of those at risk then. Default
   * 1: every curve starts at its first entry (usually time 0), as plain survfit does.
   */
  readonly minAtRisk?: number;
}

/** One Simon–Makuch curve: its treatment state, rows, fit and where it starts. */
export interface SimonMakuchGroup {
  readonly label: string;
  /** Counting-process rows of this state (all of them, also those before `startTime`). */
  readonly n: number;
  /** The product-limit fit from `startTime` on (conditional on being at risk just after it). */
  readonly fit: KaplanMeierFit;
  /** Where the curve starts at S = 1: the first entry time at which the risk set reached `minAtRisk`. */
  readonly startTime: number;
}

/** Result of {@link simonMakuch}: one curve per current treatment state, plus the Mantel–Byar test. */
export interface SimonMakuchResult {
  readonly groups: readonly SimonMakuchGroup[];
  readonly minAtRisk: number;
  readonly mantelByar: StatResult<MantelByarDetails>;
}

const STATES = [
  { treated: 0, label: "not (yet) treated" },
  { treated: 1, label: "treated" },
] as const;

/**
 * Simon–Makuch survival curves: the product-limit estimator by *current* treatment state. Every subject
 * starts in "not (yet) treated" and moves to "treated" when treatment starts; each curve's risk set at
 * t holds the subjects in that state just before t (so the treated curve's number at risk rises as
 * patients start treatment). The time-dependent counterpart of Kaplan–Meier curves by "ever treated",
 * which credit immortal time to treatment. `n` counts (start, stop] rows. With `minAtRisk`, each curve
 * starts at the first entry time c whose risk set #{start ≤ c < stop} holds that many rows, and
 * estimates survival from c on (rows ending at or before c dropped, later rows entering at c at the
 * earliest) — Schultz et al. recommend not drawing the early, tiny risk sets. The Mantel–Byar test
 * always uses all follow-up.
 *
 * Reference: Simon R, Makuch RW (1984) Stat Med 3:35–44; Schultz LR, Peterson EL, Breslau N (2002) Int J
 * Methods Psychiatr Res 11:68–74 (graphing curves for time-dependent covariates). R:
 * `survfit(Surv(tstart, tstop, event) ~ treated, data = tmerge(...))`, with a minimum risk set
 * `survfit(..., start.time = t0)` per state. SPSS: none. Cost: O(n log n).
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * simonMakuch(y, [null, 2, 4, null, null, 1]).groups.map((g) => g.label) // ["not (yet) treated", "treated"]
 */
export function simonMakuch(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  options: SimonMakuchOptions = {},
): SimonMakuchResult {
  checkOptions(options);
  const { minAtRisk = 1, ...kmOptions } = options;
  if (!(Number.isInteger(minAtRisk) && minAtRisk >= 1))
    throw new InputError("must be an integer ≥ 1", { field: "options.minAtRisk", value: minAtRisk });
  const episodes = treatmentEpisodes(y, treatmentTime);
  const { split } = episodes;
  const groups = STATES.flatMap(({ treated, label }) => {
    const rows = split.treated.flatMap((t, i) => (t === treated ? [i] : []));
    if (rows.length === 0) return [];
    const start = rows.map((i) => split.start[i]);
    const stop = rows.map((i) => split.stop[i]);
    const startTime = firstEntryWithRiskSet(start, stop, minAtRisk, label);
    const kept = stop.flatMap((s, k) => (s > startTime ? [k] : []));
    const fit = kaplanMeier(
      survCounting(
        kept.map((k) => Math.max(start[k], startTime)),
        kept.map((k) => stop[k]),
        kept.map((k) => split.event[rows[k]]),
        // Times were validated by the split and are used as given: no second near-tie merge.
        { tieTolerance: 0 },
      ),
      kmOptions,
    );
    return [{ label, n: rows.length, fit, startTime }];
  });
  return deepFreeze({ groups, minAtRisk, mantelByar: mantelByarOnEpisodes(episodes, y.n) });
}

/**
 * The earliest entry time c (a row's start) at which #{rows with start ≤ c < stop} ≥ m, by one sweep
 * over the entries and exits in time order. An InputError names the state when the risk set never
 * gets that large.
 */
function firstEntryWithRiskSet(start: number[], stop: number[], m: number, label: string): number {
  const entries = [...start].sort((a, b) => a - b);
  const exits = [...stop].sort((a, b) => a - b);
  let entered = 0;
  let left = 0;
  let largest = 0;
  for (let i = 0; i < entries.length; ) {
    const c = entries[i];
    while (i < entries.length && entries[i] === c) {
      entered++;
      i++;
    }
    while (left < exits.length && exits[left] <= c) left++;
    const atRisk = entered - left;
    if (atRisk >= m) return c;
    largest = Math.max(largest, atRisk);
  }
  throw new InputError(`the "${label}" risk set never holds ${m} subjects (at most ${largest})`, {
    field: "options.minAtRisk",
    value: m,
  });
}
