/**
 * The study model: one record per patient with the variables the paper analyses, built from a
 * validated cohort (the shipped synthetic one or your CSV). Reproduction, reconstruction and the
 * limitations all read a `Study`; it imports only the cohort loader and the library.
 */
export { BINARY_FACTORS, COMPLICATION_COLUMNS, FACTOR_COLUMNS, VISITS, ONE_YEAR_MONTHS, diedWithinYear } from "./study";
export type {
  BinaryFactor,
  BoneDestruction,
  Complication,
  FrankelGrade,
  OperationType,
  Study,
  StudyPatient,
  TumorType,
  UnpublishedVariables,
  Visit,
} from "./study";
export { studyFromCohort } from "./study-from-cohort";
export { loadStudy } from "./load-study";
export { loadEnsembleStudies } from "./load-ensemble";
export type { EnsembleMember } from "./load-ensemble";
export { cohortLabel } from "./cohort-label";
export { cohortTag } from "./cohort-tag";
export { figureNote } from "./figure-note";
export { versusPaperCaption } from "./versus-paper-caption";
export { requireComparison } from "./require-comparison";
export type { ComparisonNeeds } from "./require-comparison";
