export { chisqTest } from "./chisq-test";
export type { ChisqDetails, ChisqTestOptions } from "./chisq-test";
export { likelihoodRatioTest } from "./likelihood-ratio-test";
export type { LikelihoodRatioDetails } from "./likelihood-ratio-test";
export { fisherTest } from "./fisher-test";
export type { FisherDetails, FisherTestOptions } from "./fisher-test";
export { mcnemarTest } from "./mcnemar-test";
export type { McNemarDetails, McNemarTestOptions } from "./mcnemar-test";
export { bowkerTest } from "./bowker-test";
export type { BowkerDetails } from "./bowker-test";
export { stuartMaxwellTest } from "./stuart-maxwell-test";
export type { StuartMaxwellDetails } from "./stuart-maxwell-test";
export { cochranArmitageTest } from "./cochran-armitage-test";
export type { CochranArmitageDetails, CochranArmitageOptions } from "./cochran-armitage-test";
export { oddsRatio } from "./odds-ratio";
export type { OddsRatioDetails, OddsRatioOptions } from "./odds-ratio";
export { riskRatio } from "./risk-ratio";
export type { RiskRatioDetails } from "./risk-ratio";
export { riskDifference } from "./risk-difference";
export type { RiskDifferenceDetails } from "./risk-difference";
export { mannWhitneyTest } from "./mann-whitney-test";
export type { MannWhitneyDetails, MannWhitneyOptions } from "./mann-whitney-test";
export { wilcoxonSignedRankTest } from "./wilcoxon-signed-rank-test";
export type { SignedRankDetails, SignedRankOptions } from "./wilcoxon-signed-rank-test";
export { signTest } from "./sign-test";
export type { SignTestDetails, SignTestOptions } from "./sign-test";
export { kruskalWallisTest } from "./kruskal-wallis-test";
export type { KruskalWallisDetails } from "./kruskal-wallis-test";
export { friedmanTest } from "./friedman-test";
export type { FriedmanDetails } from "./friedman-test";
export { tTest } from "./t-test";
export type { TTestDetails, TTestOptions } from "./t-test";
export { quantile } from "./quantile";
export type { QuantileOptions, QuantileType } from "./quantile";
export { medianIqr } from "./median-iqr";
export type { MedianIqr } from "./median-iqr";
export { meanSd } from "./mean-sd";
export type { MeanSd } from "./mean-sd";
export { formatMedianIqr } from "./format-median-iqr";
export { formatMeanSd } from "./format-mean-sd";
export { formatNPercent } from "./format-n-percent";
export { descriptivesToHtml } from "./descriptives-to-html";
export { pAdjust } from "./p-adjust";
export type { PAdjustMethod, PAdjustOptions } from "./p-adjust";
export { eValue } from "./e-value";
export type { EValueOptions, EValueResult } from "./e-value";
export { linearByLinearTest } from "./linear-by-linear-test";
export type { LinearByLinearDetails } from "./linear-by-linear-test";
export { crosstabsChiSquareTests } from "./crosstabs-chi-square-tests";
export { eValueToHtml } from "./e-value-to-html";
export { screenMultiplicity } from "./screen-multiplicity";
export type {
  ReportedP,
  ScreenMultiplicityOptions,
  ScreenMultiplicityResult,
  ScreenMultiplicityRow,
} from "./screen-multiplicity";
export { midRanks } from "./mid-ranks";
export type { Ranking } from "./mid-ranks";
