export { surv, survCounting, isSurv, DEFAULT_TIE_TOLERANCE } from "./surv";
export type { Surv, SurvOptions } from "./surv";
export { coxPH } from "./cox-ph";
export type { CoxCovariates, CoxOptions, CoxResult, CoxTerm } from "./cox-ph";
export type { CoxConcordance } from "./cox-concordance";
export { coxResiduals } from "./cox-residuals";
export type { CoxResidualType, CoxResiduals } from "./cox-residuals";
export { coxZph } from "./cox-zph";
export type { CoxZphResult, CoxZphTransform } from "./cox-zph";
