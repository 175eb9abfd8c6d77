/**
 * Minimal structural types for the plotly figures this library builds. They describe only what the
 * figure functions produce (plain JSON: `{ data, layout }`), so nothing here depends on plotly.js or
 * its type package; plotly.js itself is loaded only in the browser (notebook cell or HTML report).
 */

/** One plotly trace: `type` plus any plotly attributes, as plain JSON values. */
export interface PlotlyTrace {
  readonly type: string;
  readonly [attribute: string]: unknown;
}

/** A plotly layout: plain JSON attributes (title, axes, annotations, shapes, …). */
export interface PlotlyLayout {
  readonly [attribute: string]: unknown;
}

/** A figure as every figure function returns it: deeply frozen plain data, no DOM. */
export interface PlotlyFigure {
  readonly data: readonly PlotlyTrace[];
  readonly layout: PlotlyLayout;
}

/** Options shared by every figure function. */
export interface FigureOptions {
  /** Figure title (each figure has a default). */
  readonly title?: string;
  /**
   * True when the figure shows results computed on the synthetic (reconstructed) cohort: a visible
   * note {@link SYNTHETIC_COHORT_NOTE} is added above the plot. Default false.
   */
  readonly synthetic?: boolean;
  /** Height in pixels (each figure has a default sized to stay legible at 800 px wide). */
  readonly height?: number;
}

/** The note every synthetic-cohort figure carries. */
export const SYNTHETIC_COHORT_NOTE = "Synthetic cohort reconstructed from published aggregates — not patient data";

/**
 * Okabe–Ito colour-blind-safe palette (Okabe M, Ito K. Color Universal Design, 2008), in the order
 * groups receive them: blue, vermillion, bluish green, orange, reddish purple, sky blue, black,
 * yellow (last: low contrast on white).
 */
export const OKABE_ITO = Object.freeze([
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#E69F00",
  "#CC79A7",
  "#56B4E9",
  "#000000",
  "#F0E442",
] as const);
