import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import {
  axis,
  baseLayout,
  checkArray,
  checkLabel,
  figure,
  NEUTRAL_GREY,
  paletteColor,
  rgba,
  shortNumber,
} from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** One distribution to draw: e.g. bootstrap coefficients, or simulated log hazard ratios of one method. */
export interface DistributionSeries {
  readonly label: string;
  readonly values: ArrayLike<number>;
}

/** Options of {@link distributionFigure}. */
export interface DistributionFigureOptions extends FigureOptions {
  /** x-axis title, with units or scale. Default "value". */
  readonly xTitle?: string;
  /** y-axis title. Default "share of the sample per bin". */
  readonly yTitle?: string;
  /** Number of equal-width bins over the shown range (default 30). */
  readonly bins?: number;
  /**
   * Shown range [min, max]; values outside are counted in a note instead of stretching the axis (default: all values).
   */
  readonly range?: readonly [number, number];
  /** Vertical reference lines (truth, published estimate, …). */
  readonly referenceLines?: readonly { readonly x: number; readonly label: string }[];
}

/**
 * Histograms of one or more samples on shared bins, as the share of each sample per bin (so samples of
 * different sizes compare), overlaid with transparency, with labelled vertical reference lines. Bins
 * are computed here (not by plotly's autobin), so the figure is deterministic and its coordinates
 * testable. Values outside `range` are counted in a note rather than silently dropped.
 *
 * R: `hist(x, breaks = seq(min, max, length.out = bins + 1), plot = FALSE)$counts / length(x)` (right-closed
 * bins in R; here left-closed [a, b), the last bin closed). SPSS: GRAPH /HISTOGRAM. Cost: O(total values + bins).
 *
 * @example
 * const fig = distributionFigure([{ label: "a", values: [0, 0.5, 1, 1] }], { bins: 2 });
 * fig.data[0].x // [0.25, 0.75] (bin centres)
 * fig.data[0].y // [0.25, 0.75] (shares)
 */
export function distributionFigure(
  series: readonly DistributionSeries[],
  options: DistributionFigureOptions = {},
): PlotlyFigure {
  checkOptions(options);
  const checked = checkArray<DistributionSeries>(series, "series").map((s, i) => {
    const label = checkLabel(s?.label, "series.label", i);
    const values = Array.from(s.values ?? []);
    values.forEach((v, j) => {
      if (typeof v !== "number" || Number.isNaN(v))
        throw new InputError(`series ${i} ("${label}") holds a value that is not a number`, {
          field: "series.values",
          index: j,
          value: v,
        });
    });
    if (values.length === 0)
      throw new InputError("must hold at least one value", { field: "series.values", index: i, value: 0 });
    return { label, values };
  });
  const bins = options.bins ?? 30;
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000)
    throw new InputError("must be an integer 1–1000", { field: "options.bins", value: options.bins });
  const finite = checked.flatMap((s) => s.values.filter(Number.isFinite));
  const [lo, hi] = options.range ?? [Math.min(...finite), Math.max(...finite)];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo))
    throw new InputError("must be [min, max] with min < max (or the values must not all be equal)", {
      field: "options.range",
      value: options.range ?? [lo, hi],
    });
  const width = (hi - lo) / bins;
  const centres = Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width);
  const outside: string[] = [];
  const data: PlotlyTrace[] = checked.map((s, i) => {
    const counts = new Array<number>(bins).fill(0);
    let below = 0;
    let above = 0;
    for (const v of s.values) {
      if (v < lo) below++;
      else if (v > hi) above++;
      else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
    }
    if (below + above > 0) outside.push(`${s.label}: ${below} below, ${above} above the shown range`);
    const color = paletteColor(i);
    return {
      type: "bar",
      name: `${s.label} (n = ${s.values.length})`,
      x: centres,
      y: counts.map((c) => c / s.values.length),
      width,
      marker: { color: rgba(color, checked.length > 1 ? 0.55 : 0.8), line: { color, width: 1 } },
      hovertemplate: `${s.label}<br>%{x:.3f}: %{y:.3f}<extra></extra>`,
    };
  });
  const refs = options.referenceLines ?? [];
  refs.forEach((r, i) => {
    if (!Number.isFinite(r.x))
      throw new InputError("must be a finite number", { field: "options.referenceLines.x", index: i, value: r.x });
    checkLabel(r.label, "options.referenceLines.label", i);
  });
  const layout = baseLayout("Distribution", options, 420, {
    barmode: "overlay",
    bargap: 0,
    xaxis: axis(options.xTitle === undefined ? "value" : checkLabel(options.xTitle, "options.xTitle"), {
      range: [lo, hi],
    }),
    yaxis: axis(
      options.yTitle === undefined ? "share of the sample per bin" : checkLabel(options.yTitle, "options.yTitle"),
      { rangemode: "tozero" },
    ),
    shapes: refs.map((r) => ({
      type: "line",
      xref: "x",
      yref: "paper",
      x0: r.x,
      x1: r.x,
      y0: 0,
      y1: 1,
      line: { color: NEUTRAL_GREY, dash: "dash", width: 1.5 },
    })),
    annotations: [
      ...refs.map((r) => ({
        text: `${r.label} (${shortNumber(r.x)})`,
        xref: "x",
        yref: "paper",
        x: r.x,
        y: 1,
        xanchor: "left",
        yanchor: "top",
        showarrow: false,
        font: { size: 12, color: "#444444" },
      })),
      ...(outside.length > 0
        ? [
            {
              text: outside.join("; "),
              xref: "paper",
              yref: "paper",
              x: 1,
              y: -0.22,
              xanchor: "right",
              yanchor: "top",
              showarrow: false,
              font: { size: 12, color: "#444444" },
            },
          ]
        : []),
    ],
  });
  return figure(data, layout);
}
