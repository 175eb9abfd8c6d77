/**
 * The limitations the paper discusses (§5), and those a methodologist reviewer adds, made
 * quantitative: immortal-time bias, small-sample behaviour of the Cox model, multiplicity,
 * selection, and robustness to the reconstruction. Notebook 06 is built on these functions.
 */
export { bootstrapResamples } from "./bootstrap-resamples";
export { coxBootstrap } from "./cox-bootstrap";
export type { CoxBootstrapOptions, CoxBootstrapResult, CoxBootstrapTerm } from "./cox-bootstrap";
export { coxOptimism } from "./cox-optimism";
export type { CoxOptimismOptions, CoxOptimismResult, OptimismIndex } from "./cox-optimism";
export { heuristicShrinkage } from "./heuristic-shrinkage";
export { screenMultiplicity } from "./screen-multiplicity";
export type { ReportedP, ScreenMultiplicityOptions, ScreenMultiplicityResult, ScreenMultiplicityRow } from "./screen-multiplicity";
export { simulateSelection } from "./simulate-selection";
export type { FollowUpRule, SelectionSimulationOptions, SelectionSimulationResult, SelectionSummary } from "./simulate-selection";
export { robustnessAcrossCohorts } from "./robustness-across-cohorts";
export type { EnsembleQuantity, RobustnessResult, RobustnessRow } from "./robustness-across-cohorts";
export { robustnessToHtml } from "./robustness-to-html";
export { mainResultQuantities } from "./main-result-quantities";
export { smallSampleRows } from "./small-sample-rows";
export type { SmallSampleRow } from "./small-sample-rows";
export { screenMultiplicityRows } from "./screen-multiplicity-rows";
export { selectionScenarioRows } from "./selection-scenario-rows";
export type { SelectionScenario } from "./selection-scenario-rows";
export { screenBootstrap } from "./screen-bootstrap";
export type { InclusionFrequency, ScreenBootstrapOptions, ScreenBootstrapResult } from "./screen-bootstrap";
export { splitAtTreatment } from "./split-at-treatment";
export type { TreatmentEpisodes } from "./split-at-treatment";
export { timeDependentCox } from "./time-dependent-cox";
export type { TimeDependentCoxOptions } from "./time-dependent-cox";
export { mantelByarTest } from "./mantel-byar-test";
export { simonMakuch } from "./simon-makuch";
export type { SimonMakuchResult } from "./simon-makuch";
export { landmarkAnalysis } from "./landmark-analysis";
export type { LandmarkOptions, LandmarkResult } from "./landmark-analysis";
export { landmarkAnalyses } from "./landmark-analyses";
export { simulateImmortalTime } from "./simulate-immortal-time";
export type { ImmortalTimeMethodSummary, ImmortalTimeSimulationOptions, ImmortalTimeSimulationResult, TreatmentDelay } from "./simulate-immortal-time";
export { bmaStartScenarios } from "./bma-start-scenarios";
export type { BmaStartScenario } from "./bma-start-scenarios";
export { timeDependentBmaRows } from "./time-dependent-bma-rows";
export { landmarkBmaRows } from "./landmark-bma-rows";
export { simonMakuchBma } from "./simon-makuch-bma";
export { immortalTimeSummaryRows } from "./immortal-time-summary-rows";
export { immortalTimeDistributions } from "./immortal-time-distributions";
export { immortalTimeDelaySweep } from "./immortal-time-delay-sweep";
export { immortalTimeQuantities } from "./immortal-time-quantities";
export { immortalTimeComparison } from "./immortal-time-comparison";
