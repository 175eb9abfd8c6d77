export { aalenJohansen } from "./aalen-johansen";
export type {
  AalenJohansenCurve,
  AalenJohansenFit,
  AalenJohansenOptions,
  ProbabilityConfType,
  StatusCode,
  StatusCoding,
} from "./aalen-johansen";
