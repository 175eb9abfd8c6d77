export { figureToJson } from "./figure-to-json";
export { kaplanMeierFigure } from "./kaplan-meier-figure";
export type { KaplanMeierCurve, KaplanMeierFigureOptions, KaplanMeierStep } from "./kaplan-meier-figure";
export { OKABE_ITO, SYNTHETIC_COHORT_NOTE } from "./plotly-types";
export type { FigureOptions, PlotlyFigure, PlotlyLayout, PlotlyTrace } from "./plotly-types";
