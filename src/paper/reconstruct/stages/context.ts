import type { Rng } from "../../../lib/core/rng";
import { cohortCodebook } from "../../cohort/codebook";
import type { Visit } from "../../study/study";
import type { SurvivalEvaluators } from "../reconstruct-cohort";
import type { PublishedTargets } from "../targets";

/**
 * What every stage of reconstructCohort shares: the evaluators, the one seeded generator (the stages
 * draw from it in a fixed order, which is what makes a seed reproduce a cohort), the effort, the
 * targets, and the record each stage appends to: its residual loss and its decisions, in stage order.
 */
export interface StageContext {
  readonly ev: SurvivalEvaluators;
  readonly rng: Rng;
  readonly effort: number;
  readonly T: PublishedTargets;
  readonly n: number;
  readonly residuals: Record<string, number>;
  readonly decisions: string[];
}

/** Survival of each patient in days after surgery, and whether it ended in death. */
export interface SurvivalDays {
  readonly survivalDays: number[];
  readonly died: (0 | 1)[];
}

/**
 * Day of a visit after surgery, as the codebook's rule for a measurement after death sets it (0: before surgery, or the
 * last visit, which every patient has).
 */
export const visitDay = (visit: Visit): number => cohortCodebook().visits.days[visit] ?? 0;
/** Deaths within the year fall on these days after surgery: after the 1-month visit, within 12 months. */
export const FIRST_DEATH_DAY = 40;
export const LAST_DEATH_DAY = 359;

export const DAY_MS = 86_400_000;
export const FIRST_SURGERY = Date.UTC(2017, 0, 1);
export const LAST_SURGERY = Date.UTC(2022, 11, 31);
export const FOLLOW_UP_END = Date.UTC(2024, 3, 1);

/** lo, lo + 1, …, hi. */
export function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}
