import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { formatP, shortNumber } from "../core/format";
import {
  axis,
  baseLayout,
  checkLabel,
  cornerNote,
  figure,
  NEUTRAL_GREY,
  paletteColor,
  rgba,
} from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** What {@link schoenfeldFigure} reads from a proportional-hazards test (coxZph's result has these fields). */
export interface SchoenfeldInput {
  /** Covariate names, in the order of each event's residuals. */
  readonly names: readonly string[];
  /** Event times. */
  readonly time: readonly number[];
  /** Scaled Schoenfeld residuals per event, one per covariate (β̂ + residual: the coefficient "at" that time). */
  readonly y: readonly (readonly number[])[];
}

/** Options of {@link schoenfeldFigure}. */
export interface SchoenfeldOptions extends FigureOptions {
  /** The model's coefficient β̂ for the term, drawn as a dashed line (what a constant effect would look like). */
  readonly estimate?: number;
  /** The proportional-hazards test's p for the term, printed in the corner. */
  readonly pValue?: number;
  /** Number of time bins with equal numbers of events (default 8, fewer when there are few events). */
  readonly bins?: number;
  readonly timeUnit?: string;
}

/**
 * The coefficient of one covariate over time, read from the scaled Schoenfeld residuals (Grambsch & Therneau 1994):
 * each event's residual in light grey, and their mean ± 2 SE in bins of equal numbers of events. Under proportional
 * hazards the bins scatter around the model's constant β̂ (dashed); a trend — an effect strong early and fading, or
 * growing — is what the cox.zph test detects. Binned means instead of R's spline smoother keep the picture easy to
 * read and to reproduce by hand. For a 0/1 covariate the residuals form two bands (deaths with x = 0 and x = 1); the
 * bins average across them.
 *
 * Reference: Grambsch PM, Therneau TM (1994) Biometrika 81:515; Therneau & Grambsch (2000) §6.2. R:
 * plot(cox.zph(fit)[term]) (a spline smooth with ±2 SE). SPSS: none (plot partial residuals by hand). Cost: O(events).
 *
 * @example
 * schoenfeldFigure({ names: ["x"], time: [1, 2, 3, 4], y: [[1], [0.5], [0], [-0.5]] }, "x", { bins: 2 }).data.length
 * // 3 (the residuals, one bin — 4 events are fewer than 2 bins × 5 — and the zero line)
 */
export function schoenfeldFigure(zph: SchoenfeldInput, term: string, options: SchoenfeldOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (zph === null || typeof zph !== "object" || !Array.isArray(zph.names))
    throw new InputError("must be a proportional-hazards test result { names, time, y }", { field: "zph", value: zph });
  const k = zph.names.indexOf(term);
  if (k < 0) throw new InputError(`must be one of ${zph.names.join(", ")}`, { field: "term", value: term });
  if (!Array.isArray(zph.time) || !Array.isArray(zph.y) || zph.time.length !== zph.y.length || zph.time.length < 2)
    throw new InputError("time and y must list the same events (at least 2)", { field: "zph.time", value: zph.time });
  const unit = options.timeUnit === undefined ? "days" : checkLabel(options.timeUnit, "options.timeUnit");
  const points = zph.time
    .map((t, i) => ({ t, r: zph.y[i][k] }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.r))
    .sort((a, b) => a.t - b.t);
  const bins = Math.max(1, Math.min(options.bins ?? 8, Math.floor(points.length / 5)));
  if (!Number.isInteger(bins) || bins < 1)
    throw new InputError("must be a whole number ≥ 1", { field: "options.bins", value: options.bins });
  const binned = Array.from({ length: bins }, (_, b) => {
    const part = points.slice(Math.floor((b * points.length) / bins), Math.floor(((b + 1) * points.length) / bins));
    const mean = part.reduce((s, p) => s + p.r, 0) / part.length;
    const sd = Math.sqrt(part.reduce((s, p) => s + (p.r - mean) ** 2, 0) / Math.max(1, part.length - 1));
    const mid = part[Math.floor(part.length / 2)].t;
    return {
      mid,
      mean,
      half: (2 * sd) / Math.sqrt(part.length),
      from: part[0].t,
      to: part[part.length - 1].t,
      n: part.length,
    };
  });
  const color = paletteColor(0);
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "markers",
      name: "scaled Schoenfeld residual (one per event)",
      x: points.map((p) => p.t),
      y: points.map((p) => p.r),
      marker: { size: 5, color: rgba("#7F7F7F", 0.45) },
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "mean ± 2 SE in bins of equal events",
      x: binned.map((b) => b.mid),
      y: binned.map((b) => b.mean),
      error_y: { type: "data", array: binned.map((b) => b.half), color, thickness: 2, width: 6 },
      line: { color, width: 2.5 },
      marker: { size: 9, color },
      text: binned.map(
        (b) => `${shortNumber(b.from)}–${shortNumber(b.to)} ${unit}: ${b.n} events, mean ${shortNumber(b.mean, 3)}`,
      ),
      hovertemplate: "%{text}<extra></extra>",
    },
  ];
  const xMax = points[points.length - 1].t;
  if (options.estimate !== undefined) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: `Cox estimate β̂ = ${shortNumber(options.estimate, 3)} (constant over time)`,
      x: [0, xMax],
      y: [options.estimate, options.estimate],
      line: { color: paletteColor(1), dash: "dash", width: 2 },
      hoverinfo: "skip",
    });
  }
  data.push({
    type: "scatter",
    mode: "lines",
    name: "no effect (β = 0)",
    x: [0, xMax],
    y: [0, 0],
    line: { color: NEUTRAL_GREY, dash: "dot", width: 1.5 },
    hoverinfo: "skip",
  });
  // Every residual stays visible: for a 0/1 covariate they form two bands far from the bins.
  const spread = binned
    .flatMap((b) => [b.mean - b.half, b.mean + b.half])
    .concat(options.estimate ?? 0, 0, ...points.map((p) => p.r));
  const lo = Math.min(...spread);
  const hi = Math.max(...spread);
  const pad = 0.08 * (hi - lo || 1);
  const annotations =
    options.pValue === undefined
      ? []
      : [cornerNote(`proportional-hazards test: ${formatP(options.pValue, { prefix: true })}`)];
  const layout = baseLayout(`Is the effect of ${term} constant over time?`, options, 480, {
    xaxis: axis(`Time (${unit})`, { range: [0, xMax * 1.03] }),
    yaxis: axis(`β(t) for ${term}`, { range: [lo - pad, hi + pad] }),
    annotations,
    hovermode: "closest",
  });
  return figure(data, layout);
}
