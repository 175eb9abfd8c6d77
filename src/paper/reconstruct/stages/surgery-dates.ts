import { DAY_MS, FIRST_SURGERY, FOLLOW_UP_END, LAST_SURGERY, type StageContext, type SurvivalDays } from "./context";

/**
 * Stage 4 of reconstructCohort — surgery dates (ms since the epoch, UTC midnight): a death's surgery
 * leaves room for its survival before the closing date, drawn within the inclusion window; a censored
 * patient's surgery is the closing date minus the follow-up stage 3 found.
 */
export function surgeryDates(ctx: StageContext, survival: SurvivalDays): number[] {
  const { rng, n } = ctx;
  const { survivalDays, died } = survival;
  const surgeryMs = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (died[i]) {
      const latest = Math.min(LAST_SURGERY, FOLLOW_UP_END - survivalDays[i] * DAY_MS);
      surgeryMs[i] = FIRST_SURGERY + rng.int(Math.floor((latest - FIRST_SURGERY) / DAY_MS) + 1) * DAY_MS;
    } else {
      surgeryMs[i] = FOLLOW_UP_END - survivalDays[i] * DAY_MS;
    }
  }
  return surgeryMs;
}
