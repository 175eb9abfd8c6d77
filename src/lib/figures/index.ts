export { figureToJson } from "./figure-to-json";
export { forestPlotFigure } from "./forest-plot-figure";
export type { ForestPlotOptions, ForestPlotRow } from "./forest-plot-figure";
export { frankelFlowFigure } from "./frankel-flow-figure";
export type { FrankelFlowOptions, GradeChange } from "./frankel-flow-figure";
export { kaplanMeierFigure } from "./kaplan-meier-figure";
export type { KaplanMeierCurve, KaplanMeierFigureOptions, KaplanMeierStep } from "./kaplan-meier-figure";
export { OKABE_ITO } from "./plotly-types";
export type { FigureOptions, PlotlyFigure, PlotlyLayout, PlotlyTrace } from "./plotly-types";
export { scorecardFigure } from "./scorecard-figure";
export type { ScorecardCounts, ScorecardOptions } from "./scorecard-figure";
export { scoreTrajectoryFigure } from "./score-trajectory-figure";
export type { ScoreTrajectoryInput, ScoreTrajectoryOptions } from "./score-trajectory-figure";
export { distributionFigure } from "./distribution-figure";
export type { DistributionFigureOptions, DistributionSeries } from "./distribution-figure";
export { censoringSliderFigure } from "./censoring-slider-figure";
export type { CensoringSliderInput, CensoringSliderOptions, SurvivalStepRow } from "./censoring-slider-figure";
export { medianCiSliderFigure } from "./median-ci-slider-figure";
export type {
  MedianCiFrame,
  MedianCiInterval,
  MedianCiSliderOptions,
  MedianCiStepRow,
} from "./median-ci-slider-figure";
export { immortalTimeSliderFigure } from "./immortal-time-slider-figure";
export type { HazardRatioSpread, ImmortalTimeFrame, ImmortalTimeSliderOptions } from "./immortal-time-slider-figure";
export { followUpFigure } from "./follow-up-figure";
export type { FollowUpOptions, FollowUpRow } from "./follow-up-figure";
export { schoenfeldFigure } from "./schoenfeld-figure";
export type { SchoenfeldInput, SchoenfeldOptions } from "./schoenfeld-figure";
