/**
 * Teaching: survival analysis worked by hand (each table an independent, plain implementation that the notebooks
 * check against the library), exercises with checkers, and the data behind the interactive slider figures.
 */
export { kmTableByHand } from "./km-table-by-hand";
export type { HandTable, KmHandRow } from "./km-table-by-hand";
export { greenwoodByHand } from "./greenwood-by-hand";
export type { GreenwoodHandRow } from "./greenwood-by-hand";
export { medianByHand } from "./median-by-hand";
export type { MedianBandRow, MedianByHand, MedianInterval, SpssMedianWorking } from "./median-by-hand";
export { logRankByHand } from "./log-rank-by-hand";
export type { LogRankByHand, LogRankHandRow } from "./log-rank-by-hand";
export { partialLikelihoodByHand } from "./partial-likelihood-by-hand";
export type { HandTies, PartialLikelihoodByHand, PartialLikelihoodRow } from "./partial-likelihood-by-hand";
export { coxNewtonByHand } from "./cox-newton-by-hand";
export type { CoxNewtonByHand, NewtonStepRow } from "./cox-newton-by-hand";
export { handCheck } from "./hand-check";
export type { HandCheck, HandCheckInput, HandCheckRow } from "./hand-check";
export { defineExercise } from "./define-exercise";
export type {
  AnswerSpec,
  ChoiceAnswer,
  Distractor,
  Exercise,
  ExerciseFeedback,
  ExerciseSolution,
  ExerciseSpec,
  FeedbackStatus,
  NumberAnswer,
} from "./define-exercise";
export { censoringScenarios } from "./censoring-scenarios";
export { medianCiBySampleSize } from "./median-ci-by-sample-size";
export type { MedianCiBySampleSize, MedianCiBySampleSizeOptions } from "./median-ci-by-sample-size";
export { immortalTimeByDelay } from "./immortal-time-by-delay";
export type { ImmortalTimeBase } from "./immortal-time-by-delay";
export { hazardRatioInWords } from "./hazard-ratio-in-words";
export type { HazardRatioInWordsOptions } from "./hazard-ratio-in-words";
