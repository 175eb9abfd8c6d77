export { coxph } from "./coxph";
export type { CoxphFit, CoxphOptions, CoxphStrata } from "./coxph";
export { termWaldTests } from "./term-wald-tests";
