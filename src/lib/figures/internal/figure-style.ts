import { InputError } from "../../core/errors";
import { deepFreeze } from "../../core/freeze";
import {
  OKABE_ITO,
  SYNTHETIC_COHORT_NOTE,
  type FigureOptions,
  type PlotlyFigure,
  type PlotlyLayout,
  type PlotlyTrace,
} from "../plotly-types";

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
 * The shared layout: title, font, white background, margins, legend, and (for synthetic-cohort
 * figures) the visible synthetic-cohort note just above the plot.
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
  if (options.synthetic !== undefined && typeof options.synthetic !== "boolean") {
    throw new InputError("must be true or false", { field: "options.synthetic", value: options.synthetic });
  }
  const annotations = Array.isArray(extra.annotations) ? [...(extra.annotations as unknown[])] : [];
  if (options.synthetic) annotations.push(syntheticNote());
  return {
    title: {
      text: options.title ?? defaultTitle,
      x: 0.02,
      xanchor: "left",
      y: 0.98,
      yanchor: "top",
      font: { size: TITLE_FONT_SIZE },
    },
    font: { ...FONT },
    height,
    margin: { l: 80, r: 30, t: options.synthetic ? 95 : 70, b: 60 },
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    hoverlabel: { font: { size: 13 } },
    // No legend attributes on a figure without a legend: Plotly.validate fails on them.
    ...(extra.showlegend === false
      ? {}
      : { legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom", font: { size: 13 } } }),
    ...extra,
    annotations,
  };
}

/** The synthetic-cohort note: italic, dark vermillion, above the plotting area. */
function syntheticNote(): Record<string, unknown> {
  return {
    text: `<i>${SYNTHETIC_COHORT_NOTE}</i>`,
    xref: "paper",
    yref: "paper",
    x: 0,
    y: 1,
    xanchor: "left",
    yanchor: "bottom",
    yshift: 28,
    showarrow: false,
    font: { size: 13, color: "#A63D00" },
  };
}

/** Freezes the assembled figure so callers cannot mutate shared state. */
export function figure(data: PlotlyTrace[], layout: PlotlyLayout): PlotlyFigure {
  return deepFreeze({ data, layout });
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
