import { InputError } from "../../core/errors";
import { OKABE_ITO, type FigureOptions, type PlotlyFigure, type PlotlyLayout, type PlotlyTrace } from "../plotly-types";

/** Font sizes chosen to stay legible at 800 × 500 px. */
export const FONT = Object.freeze({ family: "Arial, Helvetica, sans-serif", size: 14, color: "#222222" });
export const TITLE_FONT_SIZE = 18;
export const GRID_COLOR = "#E5E5E5";
export const NEUTRAL_GREY = "#7F7F7F";

/** The i-th colour of the Okabe–Ito palette, cycling. */
export function paletteColor(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}

/** "#RRGGBB" → "rgba(r,g,b,alpha)" (fills and translucent lines). */
export function rgba(hex: string, alpha: number): string {
  const v = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}

/** An axis with the project's styling: title (with units), grid, outward ticks. */
export function axis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  // Plotly.validate flags a gridcolor on an axis without grid lines.
  const grid = extra.showgrid === false ? {} : { showgrid: true, gridcolor: GRID_COLOR };
  return {
    title: { text: title, font: { size: FONT.size + 1 } },
    ...grid,
    zeroline: false,
    showline: true,
    linecolor: "#444444",
    ticks: "outside",
    automargin: true,
    ...extra,
  };
}

/**
 * A caption box in the plot's top-right corner (a test's p, the current slider position's numbers): paper
 * coordinates, right- and top-anchored, on a translucent white background so curves under it stay visible.
 */
export function cornerNote(text: unknown): Record<string, unknown> {
  return {
    text,
    xref: "paper",
    yref: "paper",
    x: 0.98,
    y: 0.98,
    xanchor: "right",
    yanchor: "top",
    showarrow: false,
    font: { size: 14 },
    bgcolor: "rgba(255,255,255,0.85)",
  };
}

/** Vertical space, in pixels, of the title block: gap above the title, the title line, the note line. */
const TITLE_GAP = 10;
const TITLE_LINE = 28;
const NOTE_LINE = 22;
/** The note's style: italic, dark vermillion, a little smaller than the title. */
const NOTE_FONT = Object.freeze({ size: 13, color: "#A63D00" });

/**
 * The shared layout: title (and the optional note under it as plotly's title subtitle), font, white
 * background, margins and a horizontal legend. The title block sits at the top of the figure and the
 * legend directly under it, both placed in figure (container) pixels; plotly then pushes the plotting
 * area down by the legend's real height, so neither a long note nor a legend that wraps onto several
 * rows can overlap anything. `extra` adds or overrides layout attributes; its `margin` and `legend`
 * are merged into the defaults.
 */
export function baseLayout(
  defaultTitle: string,
  options: FigureOptions,
  defaultHeight: number,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const height = options.height ?? defaultHeight;
  if (!Number.isFinite(height) || height < 200)
    throw new InputError("must be a number of pixels ≥ 200", { field: "options.height", value: options.height });
  if (options.title !== undefined && typeof options.title !== "string")
    throw new InputError("must be a string", { field: "options.title", value: options.title });
  const note = options.note === undefined ? undefined : checkLabel(options.note, "options.note");
  const titleBlock = TITLE_GAP + TITLE_LINE + (note === undefined ? 0 : NOTE_LINE);
  const { margin: extraMargin, legend: extraLegend, ...rest } = extra;
  const hasLegend = extra.showlegend !== false;
  return {
    title: {
      text: options.title ?? defaultTitle,
      x: 0.02,
      xanchor: "left",
      yref: "container",
      y: 1 - TITLE_GAP / height,
      yanchor: "top",
      font: { size: TITLE_FONT_SIZE },
      ...(note === undefined ? {} : { subtitle: { text: `<i>${note}</i>`, font: { ...NOTE_FONT } } }),
    },
    font: { ...FONT },
    height,
    margin: {
      l: 80,
      r: 30,
      b: 60,
      ...(extraMargin as Record<string, number> | undefined),
      t: titleBlock + (hasLegend ? 8 : 24),
    },
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    hoverlabel: { font: { size: 13 } },
    // No legend attributes on a figure without a legend: Plotly.validate fails on them.
    ...(hasLegend
      ? {
          legend: {
            orientation: "h",
            x: 0,
            xanchor: "left",
            yref: "container",
            y: 1 - (titleBlock + 2) / height,
            yanchor: "top",
            font: { size: 13 },
            ...(extraLegend as Record<string, unknown> | undefined),
          },
        }
      : {}),
    ...rest,
  };
}

/**
 * The assembled figure as a fresh deep copy: nothing in it is shared with module constants or with
 * another figure, so the caller may change it freely.
 */
export function figure(data: PlotlyTrace[], layout: PlotlyLayout): PlotlyFigure {
  return structuredClone({ data, layout });
}

/** A finite number, or an InputError naming field/index/value. */
export function checkFinite(value: unknown, field: string, index?: number): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new InputError("must be a finite number", { field, index, value });
  return value;
}

/** A non-negative integer count, or an InputError. */
export function checkCount(value: unknown, field: string, index?: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new InputError("must be a non-negative integer", { field, index, value });
  return value;
}

/** A non-empty string label, or an InputError. */
export function checkLabel(value: unknown, field: string, index?: number): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new InputError("must be a non-empty string", { field, index, value });
  return value;
}

/** A non-empty array, or an InputError. */
export function checkArray<T>(value: unknown, field: string, minLength = 1): readonly T[] {
  if (!Array.isArray(value)) throw new InputError("must be an array", { field, value });
  if (value.length < minLength) throw new InputError(`must have at least ${minLength} element(s)`, { field, value });
  return value as readonly T[];
}

/** Compact number for hover text and tick labels (core's shortNumber, re-exported for the figures). */
export { shortNumber } from "../../core/format";
