export { aalenJohansen } from "./aalen-johansen";
export type {
  AalenJohansenCurve,
  AalenJohansenFit,
  AalenJohansenOptions,
  ProbabilityConfType,
  StatusCode,
  StatusCoding,
} from "./aalen-johansen";
export { cuminc } from "./cuminc";
export type { CumincCurve, CumincOptions, CumincResult, GrayTest } from "./cuminc";
export { cumincTimepoints } from "./cuminc-timepoints";
export type { CumincTimepoints } from "./cuminc-timepoints";
