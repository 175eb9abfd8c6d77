export { coxph } from "./coxph";
export type { CoxphFit, CoxphOptions, CoxphStrata } from "./coxph";
export { termWaldTests } from "./term-wald-tests";
export { survfit } from "./survfit";
export type {
  CoxphSurvCurve,
  CoxphSurvfit,
  SurvfitCoxphOptions,
  SurvfitCurve,
  SurvfitFor,
  SurvfitOptions,
  SurvfitResult,
  SurvfitStatesCurve,
  SurvfitStatesResult,
} from "./survfit";
export { survdiff } from "./survdiff";
export type { SurvdiffGroup, SurvdiffOptions, SurvdiffResult } from "./survdiff";
export { anova } from "./anova";
export type { AnovaRow, AnovaTable } from "./anova";
export { summaryTables } from "./summary-tables";
export type { SummarizableResult, SummaryOptions, SummaryTable } from "./summary-tables";
export { formatText } from "./format-text";
export type { FormatTextOptions } from "./format-text";
export { summaryHtml } from "./summary-html";
export { tidy } from "./tidy";
export type { TidyRow } from "./tidy";
export { resultToDataFrame } from "./result-to-data-frame";
export { survfitFigure } from "./survfit-figure";
export type { SurvfitFigureOptions } from "./survfit-figure";
export { coxphForestFigure } from "./coxph-forest-figure";
export type { CoxphForestOptions } from "./coxph-forest-figure";
export { coxphNewdata } from "./coxph-newdata";
export type { NewdataDesign } from "./coxph-newdata";
export { survreg } from "./survreg";
export type { SurvregFit, SurvregFormulaOptions } from "./survreg";
export { predict } from "./predict";
export type { PredictCoxphOptions, PredictSurvregOptions } from "./predict";
export { fineGray } from "./fine-gray";
export type { FineGrayFit, FineGrayFormulaOptions } from "./fine-gray";
