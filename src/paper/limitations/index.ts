/**
 * The limitations the paper discusses (§5), and those a methodologist reviewer adds, made
 * quantitative on this study: immortal-time bias of the BMA covariate, small-sample behaviour of the
 * Table 6 model, multiplicity of the screen, selection, and robustness to the reconstruction. The
 * general methods they call live in the library (src/lib); notebook 06 is built on these functions.
 */
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
export { bmaStartScenarios } from "./bma-start-scenarios";
export type { BmaStartScenario } from "./bma-start-scenarios";
export { timeDependentBmaRows } from "./time-dependent-bma-rows";
export { landmarkBmaRows } from "./landmark-bma-rows";
export { simonMakuchBma } from "./simon-makuch-bma";
export { immortalTimeSummaryRows } from "./immortal-time-summary-rows";
export { immortalTimeDistributions } from "./immortal-time-distributions";
export { immortalTimeDelaySweep } from "./immortal-time-delay-sweep";
export { immortalTimeQuantities } from "./immortal-time-quantities";
export { otherCauseData } from "./other-cause-data";
export type { OtherCauseData, OtherCauseScenario } from "./other-cause-data";
export { otherCauseEstimates } from "./other-cause-estimates";
export type { OtherCauseEstimates } from "./other-cause-estimates";
export { otherCauseRows } from "./other-cause-rows";
export { otherCauseFigure } from "./other-cause-figure";
