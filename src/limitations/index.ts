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
