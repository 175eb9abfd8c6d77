export { chisqTest } from "./chisq-test";
export type { ChisqTestOptions } from "./chisq-test";
export { likelihoodRatioTest } from "./likelihood-ratio-test";
export { fisherTest } from "./fisher-test";
export type { FisherTestOptions } from "./fisher-test";
export { mcnemarTest } from "./mcnemar-test";
export type { McNemarTestOptions } from "./mcnemar-test";
export { bowkerTest } from "./bowker-test";
export { stuartMaxwellTest } from "./stuart-maxwell-test";
export { cochranArmitageTest } from "./cochran-armitage-test";
export type { CochranArmitageOptions } from "./cochran-armitage-test";
export { oddsRatio } from "./odds-ratio";
export type { OddsRatioOptions } from "./odds-ratio";
export { riskRatio } from "./risk-ratio";
export { riskDifference } from "./risk-difference";
export { mannWhitneyTest } from "./mann-whitney-test";
export type { MannWhitneyOptions } from "./mann-whitney-test";
export { wilcoxonSignedRankTest } from "./wilcoxon-signed-rank-test";
export type { SignedRankOptions } from "./wilcoxon-signed-rank-test";
export { signTest } from "./sign-test";
export { kruskalWallisTest } from "./kruskal-wallis-test";
export { friedmanTest } from "./friedman-test";
export { tTest } from "./t-test";
export type { TTestOptions } from "./t-test";
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
export type { PAdjustMethod } from "./p-adjust";
export { eValue } from "./e-value";
export type { EValueOptions, EValueResult } from "./e-value";
export { linearByLinearTest } from "./linear-by-linear-test";
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
export { statisticPValue, REPORTED_TEST_FAMILIES } from "./statistic-p-value";
export type { ReportedTestFamily, StatisticPValueOptions } from "./statistic-p-value";
