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
export { fineGray } from "./fine-gray";
export type { FineGrayCovariates, FineGrayOptions, FineGrayResult, FineGrayTerm } from "./fine-gray";
export { fineGrayData } from "./fine-gray-data";
export type { FineGrayData, FineGrayDataOptions } from "./fine-gray-data";
export { causeSpecificCox } from "./cause-specific-cox";
export type { CauseSpecificCoxOptions, CauseSpecificCoxResult } from "./cause-specific-cox";
export { cumulativeIncidenceFigure } from "./cumulative-incidence-figure";
export type { CumulativeIncidenceCurve, CumulativeIncidenceFigureOptions } from "./cumulative-incidence-figure";
