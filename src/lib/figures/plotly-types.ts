/**
 * Minimal structural types for the plotly figures this library builds. They describe only what the
 * figure functions produce (plain JSON: `{ data, layout }`), so nothing here depends on plotly.js or
 * its type package; plotly.js itself is loaded only in the browser (notebook cell or HTML report).
 */

/** One plotly trace: `type` plus any plotly attributes, as plain JSON values. */
export interface PlotlyTrace {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: open-ended plotly JSON that callers adjust
  [attribute: string]: any;
}

/** A plotly layout: plain JSON attributes (title, axes, annotations, shapes, …). */
export interface PlotlyLayout {
  // biome-ignore lint/suspicious/noExplicitAny: open-ended plotly JSON that callers adjust
  [attribute: string]: any;
}

/**
 * A figure as every figure function returns it: plain JSON data, no DOM. Each call returns a fresh
 * deep copy that shares nothing with the library or with other figures, so it is the caller's to
 * adjust before showing it (`fig.layout.xaxis.title.text = "Days"`); the same inputs always give
 * equal figures.
 */
export interface PlotlyFigure {
  readonly data: PlotlyTrace[];
  readonly layout: PlotlyLayout;
}

/** Options shared by every figure function. */
export interface FigureOptions {
  /** Figure title (each figure has a default). */
  readonly title?: string;
  /**
   * A note shown in italics under the title, e.g. what data the figure shows ("Synthetic cohort — not
   * patient data"). Plotly text: `<b>`, `<i>` and `<br>` are honoured. Default: none.
   */
  readonly note?: string;
  /** Height in pixels (each figure has a default sized to stay legible at 800 px wide). */
  readonly height?: number;
}

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
