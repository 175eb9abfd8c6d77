/**
 * Covariates that change during follow-up: splitting at a treatment start, the time-dependent Cox
 * model, Mantel–Byar, Simon–Makuch curves, landmark analyses, and a side-by-side comparison of the
 * naive, time-dependent and landmark analyses (immortal-time bias).
 */
export { splitAtTreatment } from "./split-at-treatment";
export type { TreatmentEpisodes } from "./split-at-treatment";
export { timeDependentCox } from "./time-dependent-cox";
export type { TimeDependentCoxOptions } from "./time-dependent-cox";
export { mantelByarTest } from "./mantel-byar-test";
export type { MantelByarDetails } from "./mantel-byar-test";
export { simonMakuch } from "./simon-makuch";
export type { SimonMakuchGroup, SimonMakuchOptions, SimonMakuchResult } from "./simon-makuch";
export { landmarkAnalysis } from "./landmark-analysis";
export type { LandmarkOptions, LandmarkResult } from "./landmark-analysis";
export { landmarkAnalyses } from "./landmark-analyses";
export { immortalTimeComparison } from "./immortal-time-comparison";
export { survSplit } from "./surv-split";
export type { SurvSplitOptions, SurvSplitResult } from "./surv-split";
export { tmerge } from "./tmerge";
export type { TmergeBase, TmergeCount, TmergeOptions, TmergeResult, TmergeStep } from "./tmerge";
