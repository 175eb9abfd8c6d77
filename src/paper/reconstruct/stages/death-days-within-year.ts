import type { Rng } from "../../../lib/core/rng";
import { quartileMissAt } from "../sample-design";
import { FIRST_DEATH_DAY, LAST_DEATH_DAY, range, visitDay, type StageContext, type SurvivalDays } from "./context";
import type { OneYearDeaths } from "./one-year-death-order";

/**
 * Stage 2 of reconstructCohort — death days within the year: increasing, same-day ties as stage 1 found
 * them, all after the 1-month visit. How many die before the 3- and 6-month visits sets how many scores
 * Table 1 summarises there, and a type-6 quartile prints some values only for some n: the split is
 * chosen to make Table 1's quartiles attainable, or as near as the scales allow, nearest to a uniform
 * random draw. Returns every patient's survival with the year's deaths filled in (the rest 0, alive).
 */
export function deathDaysWithinYear(ctx: StageContext, ranked: OneYearDeaths["ranked"]): SurvivalDays {
  const { rng, T, n, decisions } = ctx;
  const distinctRanks = ranked.time[T.deaths1y - 1];
  const drawn = Array.from(
    { length: distinctRanks },
    () => FIRST_DEATH_DAY + rng.int(LAST_DEATH_DAY - FIRST_DEATH_DAY + 1),
  );
  const split = visitSplit(
    ranked.time.slice(0, T.deaths1y),
    n,
    drawn,
    (visit, alive) =>
      quartileMissAt(alive, T.scoreGrids.odi, T.scores.odi[visit]) +
      quartileMissAt(alive, T.scoreGrids.vas, T.scores.vas[visit]),
  );
  const rankDays = [
    ...distinctDays(FIRST_DEATH_DAY, visitDay("3m"), split.ranksBefore3m, rng),
    ...distinctDays(visitDay("3m") + 1, visitDay("6m"), split.ranksBefore6m - split.ranksBefore3m, rng),
    ...distinctDays(visitDay("6m") + 1, LAST_DEATH_DAY, distinctRanks - split.ranksBefore6m, rng),
  ];
  decisions.push(
    `Death days: ${split.aliveAt3m} patients are alive at the 3-month visit and ${split.aliveAt6m} at the ` +
      `6-month visit, sizes at which Table 1's quartiles are attainable or nearest (a P75 of 43.13 on the ODI ` +
      `scale needs an even n; 54.46 is attainable for no n, and even n comes nearest).`,
  );
  const survivalDays = new Array<number>(n).fill(0);
  const died = new Array<0 | 1>(n).fill(0);
  for (let k = 0; k < T.deaths1y; k++) {
    survivalDays[k] = rankDays[ranked.time[k] - 1];
    died[k] = 1;
  }
  return { survivalDays, died };
}

/**
 * How many death ranks fall before the 3- and 6-month visits: among the splits whose alive counts
 * minimise `quartileMiss`, the one nearest (in ranks) to the split of the `drawn` days.
 */
function visitSplit(
  deathRanks: readonly number[],
  n: number,
  drawn: readonly number[],
  quartileMiss: (visit: "3m" | "6m", alive: number) => number,
): { ranksBefore3m: number; ranksBefore6m: number; aliveAt3m: number; aliveAt6m: number } {
  const ranks = drawn.length;
  const alive = (r: number) => n - deathRanks.filter((t) => t <= r).length;
  const drawnBefore = (day: number) => drawn.filter((d) => d <= day).length;
  const want3 = drawnBefore(visitDay("3m")),
    want6 = drawnBefore(visitDay("6m"));
  let best: { r3: number; r6: number; miss: number; distance: number } | null = null;
  for (let r3 = 0; r3 <= Math.min(ranks, visitDay("3m") - FIRST_DEATH_DAY + 1); r3++) {
    for (let r6 = r3; r6 <= ranks && r6 - r3 <= visitDay("6m") - visitDay("3m"); r6++) {
      if (ranks - r6 > LAST_DEATH_DAY - visitDay("6m")) continue;
      const miss = quartileMiss("3m", alive(r3)) + quartileMiss("6m", alive(r6));
      const distance = Math.abs(r3 - want3) + Math.abs(r6 - want6);
      if (best === null || miss < best.miss - 1e-9 || (Math.abs(miss - best.miss) <= 1e-9 && distance < best.distance))
        best = { r3, r6, miss, distance };
    }
  }
  return { ranksBefore3m: best!.r3, ranksBefore6m: best!.r6, aliveAt3m: alive(best!.r3), aliveAt6m: alive(best!.r6) };
}

/** `count` distinct days in [from, to], sorted, drawn without replacement. */
function distinctDays(from: number, to: number, count: number, rng: Rng): number[] {
  return rng
    .shuffle(range(from, to))
    .slice(0, count)
    .sort((a, b) => a - b);
}
