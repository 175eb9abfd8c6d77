export { parseFormula } from "./parse-formula";
export type {
  Argument,
  FormulaResponse,
  FormulaTerm,
  FormulaVariable,
  Node as FormulaNode,
  ParsedFormula,
  ParseFormulaOptions,
} from "./parse-formula";
export { modelFrame } from "./model-frame";
export type {
  Column as FrameColumn,
  DataFrameLike,
  EventCoding,
  FormulaData,
  FrameResponse,
  LevelsOption,
  MissingSummary,
  ModelFrame,
  ModelFrameOptions,
} from "./model-frame";
export { modelMatrix } from "./model-matrix";
export type { ModelMatrix, TermColumns } from "./model-matrix";
export { frameGroups } from "./frame-groups";
export type { FrameGroups } from "./frame-groups";
export { combineFactors } from "./combine-factors";
export { covariateFrame } from "./covariate-frame";
export type { CovariateFrame } from "./covariate-frame";
