import { bestOfRestarts, localSearch } from "../local-search";
import { printedMiss } from "../printed-miss";
import { DAY_MS, FIRST_SURGERY, FOLLOW_UP_END, LAST_SURGERY, type StageContext, type SurvivalDays } from "./context";

/**
 * Stage 3 of reconstructCohort — survival after one year: the KM median is the 28th death; deaths 24..27
 * fall before it and 12 more after it, the rest are censored at the closing date. The days of those
 * deaths and the censored follow-up are searched until the SPSS median and its symmetric interval print
 * as published (a larger budget and up to four restarts: the interval must print both 9.88 and 23.78).
 * Fills `survival` in place (the year's deaths stay as stage 2 set them); records the residual
 * "kaplanMeier" and the decision on days → months.
 */
export function survivalAfterOneYear(ctx: StageContext, survival: SurvivalDays): void {
  const { ev, rng, effort, T, n, residuals, decisions } = ctx;
  const { survivalDays, died } = survival;
  const medianDay = findDay(ev.daysToMonths, T.medianMonths, 366, 900);
  if (medianDay !== null)
    decisions.push(
      `Months are days / ${(1 / ev.daysToMonths(1)).toFixed(4)} (the codebook's 365/12): the KM median is ` +
        `${medianDay} days = ${T.medianMonths} months, and the symmetric SPSS interval is searched to print ` +
        `${T.medianLower} and ${T.medianUpper}.`,
    );
  if (medianDay === null)
    decisions.push(
      `No whole number of days prints as ${T.medianMonths} months at ${(1 / ev.daysToMonths(1)).toFixed(4)} ` +
        `days per month (the codebook's rule); the nearest day is used and the KM median and CI bounds are ` +
        `documented conflicts.`,
    );
  const dMedian = medianDay ?? Math.round(Number(T.medianMonths) / ev.daysToMonths(1));
  const late = 12;
  const before = 4;
  const censored = n - T.deaths1y - before - 1 - late;
  // Follow-up of a censored patient = closing date − surgery date, surgery within the inclusion window.
  const minFollowUp = Math.round((FOLLOW_UP_END - LAST_SURGERY) / DAY_MS);
  const maxFollowUp = Math.round((FOLLOW_UP_END - FIRST_SURGERY) / DAY_MS);
  const lastDeathDay = maxFollowUp - 30;
  const lateData = ([a, b, c]: Int32Array[]): { days: number[]; died: number[] } => {
    const days = [...survivalDays.slice(0, T.deaths1y), ...sortedCopy(a), dMedian, ...sortedCopy(b), ...Array.from(c)];
    const flags = days.map((_, k) => (k < days.length - censored ? 1 : 0));
    return { days, died: flags };
  };
  // Searched: days of deaths 24–27 (before the median), of the `late` deaths after it, and the censored follow-up.
  // The symmetric SPSS interval must print both 9.88 and 23.78 — a window of 0.004 months for its
  // half-width — so this stage gets a larger budget and up to four restarts from fresh censoring
  // patterns (drawn from the same seeded stream: still deterministic), keeping the best.
  const kmSearch = () =>
    localSearch({
      initial: [
        Int32Array.from({ length: before }, (_, k) => 380 + k * 20),
        Int32Array.from({ length: late }, (_, k) => dMedian + 20 + k * 60),
        Int32Array.from(
          { length: censored },
          () => Math.max(minFollowUp, dMedian + 1) + rng.int(maxFollowUp - Math.max(minFollowUp, dMedian + 1)),
        ),
      ],
      objective: (state) => {
        const { days, died: flags } = lateData(state);
        const m = ev.medianCi(days.map(ev.daysToMonths), flags);
        return (
          printedMiss(m.median, T.medianMonths) +
          printedMiss(m.lower, T.medianLower) +
          printedMiss(m.upper, T.medianUpper)
        );
      },
      moves: {
        bounds: [
          [366, dMedian - 1],
          [dMedian + 1, lastDeathDay],
          [Math.max(minFollowUp, dMedian + 1), maxFollowUp],
        ],
        maxStep: 20,
      },
      rng,
      maxIterations: Math.round(90000 * effort),
      temperature: 2,
      reheats: 8,
    });
  const km = bestOfRestarts(kmSearch, { attempts: 4 });
  residuals.kaplanMeier = km.loss;
  const final = lateData(km.state);
  final.days.forEach((d, k) => {
    survivalDays[k] = d;
    died[k] = final.died[k] as 0 | 1;
  });
}

function sortedCopy(a: Int32Array): number[] {
  return Array.from(a).sort((x, y) => x - y);
}

/** Smallest day in [lo, hi] whose month value prints as `printed`, or null. */
function findDay(toMonths: (d: number) => number, printed: string, lo: number, hi: number): number | null {
  for (let d = lo; d <= hi; d++) if (printedMiss(toMonths(d), printed) === 0) return d;
  return null;
}
