export { survreg } from "./survreg";
export type { SurvregCovariates, SurvregDistribution, SurvregOptions, SurvregResult, SurvregTerm } from "./survreg";
export { survregPredict } from "./survreg-predict";
export type { SurvregPrediction, SurvregPredictOptions } from "./survreg-predict";
