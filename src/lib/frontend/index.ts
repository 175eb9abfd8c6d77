export { coxph } from "./coxph";
export type { CoxphFit, CoxphOptions, CoxphStrata } from "./coxph";
export { termWaldTests } from "./term-wald-tests";
export { survfit } from "./survfit";
export type { SurvfitCurve, SurvfitOptions, SurvfitResult } from "./survfit";
export { survdiff } from "./survdiff";
export type { SurvdiffGroup, SurvdiffOptions, SurvdiffResult } from "./survdiff";
export { anova } from "./anova";
export type { AnovaRow, AnovaTable } from "./anova";
