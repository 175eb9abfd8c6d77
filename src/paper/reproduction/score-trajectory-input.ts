import type { ScoreTrajectoryInput } from "../../lib/figures/score-trajectory-figure";
import { VISITS, type Study } from "../study/study";

const VISIT_LABELS = {
  pre: "Before surgery",
  "1m": "1 month",
  "3m": "3 months",
  "6m": "6 months",
  last: "Last visit",
} as const;

/**
 * A study's VAS or ODI by patient and visit (Table 1's visits, null where not recorded) in the shape
 * scoreTrajectoryFigure draws. Cost: O(n × visits).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * scoreTrajectoryInput(study, "vas").visits[0] // "Before surgery"
 */
export function scoreTrajectoryInput(study: Study, score: "vas" | "odi"): ScoreTrajectoryInput {
  return {
    visits: VISITS.map((v) => VISIT_LABELS[v]),
    values: study.patients.map((p) => VISITS.map((v) => p[score][v])),
  };
}
