export { reconstructCohort } from "./reconstruct-cohort";
export type { Reconstruction, ReconstructOptions, SurvivalEvaluators, SyntheticPatient } from "./reconstruct-cohort";
export { fidelityReport, KNOWN_CONFLICTS, SYNTHETIC_BANNER } from "./fidelity";
export type { FidelityReport, FidelityTarget, FidelityConstraint, TargetStatus } from "./fidelity";
export { loadFidelityReport } from "./load-fidelity-report";
export { syntheticRows } from "./synthetic-rows";
export { fidelityToHtml } from "./fidelity-to-html";
