import type { Visit } from "../../study/study";
import { designScores } from "../scores";
import { visitDay, type StageContext, type SurvivalDays } from "./context";

/**
 * Stage 9 of reconstructCohort — VAS and ODI: scores at each visit for the patients alive then (the 1-,
 * 3- and 6-month visits exist only for them), designed to print Table 1 and Table 4 (designScores).
 * Records the residuals "scoresMarginal" and "scoresAssignment" and the decisions on how Tables 1, 4
 * and 6 are read.
 */
export function visitScores(
  ctx: StageContext,
  survival: SurvivalDays,
  died1y: readonly (0 | 1)[],
): ReturnType<typeof designScores> {
  const { rng, effort, T, residuals, decisions } = ctx;
  const { survivalDays, died } = survival;
  const available = {} as Record<Visit, boolean[]>;
  for (const v of ["pre", "1m", "3m", "6m", "last"] as const)
    available[v] = survivalDays.map((d, i) => !died[i] || d > visitDay(v));
  const scores = designScores({
    targets: T.scores,
    grids: T.scoreGrids,
    available,
    diedWithinYear: died1y,
    rng,
    iterations: Math.round(4000 * effort),
  });
  decisions.push(
    "Table 1's paired comparisons are read as Wilcoxon signed-rank tests (SPSS NPAR TESTS /WILCOXON): the " +
      "table reports medians and quartiles, which §3 uses for non-normal data, and 'non-parametric test' is the " +
      "only paired option §3 names. The cohort meets the footnotes under that reading (p < 0.05 except the last " +
      "VAS).",
    "Table 4's Z is read as SPSS's Mann–Whitney Z (tie-corrected, no continuity correction); Table 6 as SPSS " +
      "COXREG with Breslow ties on the one-year horizon (deaths after 12 months censored at 12): with the full " +
      "follow-up (≥ 28 deaths, needed for the 16.83-month median) a search over death orders and censoring found " +
      "no data set whose BMA standard error came near the table's 0.447 (at most about 0.38 with 30 deaths), so " +
      "the full-follow-up reading does not reproduce Table 6.",
  );
  residuals.scoresMarginal = scores.loss.marginal;
  residuals.scoresAssignment = scores.loss.assignment;
  return scores;
}
