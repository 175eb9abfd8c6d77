export { surv, survCounting, isSurv, DEFAULT_TIE_TOLERANCE } from "./surv";
export type { Surv, SurvOptions } from "./surv";
