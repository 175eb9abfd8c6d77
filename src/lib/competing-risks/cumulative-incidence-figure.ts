import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { formatFixed } from "../core/format";
import { type FigureOptions, OKABE_ITO, type PlotlyFigure, type PlotlyTrace } from "../figures";

/** One rising step curve: a cumulative incidence (or 1 − survival) with optional pointwise limits. */
export interface CumulativeIncidenceCurve {
  readonly label: string;
  /** Jump times, increasing. */
  readonly time: readonly number[];
  /** Value just after each time, in [0, 1]. */
  readonly value: readonly number[];
  readonly lower?: readonly (number | null)[];
  readonly upper?: readonly (number | null)[];
  /** Draw dashed (e.g. a biased comparator). Default false. */
  readonly dashed?: boolean;
  /** Value at time 0, where the step starts: 0 (default) for an incidence, 1 for "no event yet" (R's "(s0)"). */
  readonly startValue?: 0 | 1;
}

export interface CumulativeIncidenceFigureOptions extends FigureOptions {
  /** Unit of time for the axis title. Default "months". */
  readonly timeUnit?: string;
  /** y-axis title. Default "Cumulative incidence". */
  readonly yTitle?: string;
  /** Right end of the time axis (default: the largest time). */
  readonly xMax?: number;
  /** A vertical reference line, e.g. the one-year horizon (12). */
  readonly referenceTime?: number;
  /** Level of the limits, for the legend. Default 0.95. */
  readonly confLevel?: number;
}

/**
 * Cumulative incidence curves as a plotly figure: each curve a step function rising from (0, 0)
 * (line shape "hv"; a "no event yet" curve falls from (0, 1) with `startValue` 1), with a translucent
 * step band where limits are given, an optional dashed style per curve (to set a naive 1 − Kaplan–Meier
 * against the Aalen–Johansen estimate) and an optional vertical reference time. Okabe–Ito colours.
 * R: `plot(survfit(Surv(t, factor(s)) ~ 1), col = …)` or `cmprsk::plot.cuminc`. Cost: O(points).
 *
 * @example
 * const fig = cumulativeIncidenceFigure([{ label: "cause 1", time: [1, 4], value: [0.2, 0.5] }]);
 * fig.data[0].x // [0, 1, 4] (the step starts at (0, 0))
 * fig.data[0].y // [0, 0.2, 0.5]
 */
export function cumulativeIncidenceFigure(
  curves: readonly CumulativeIncidenceCurve[],
  options: CumulativeIncidenceFigureOptions = {},
): PlotlyFigure {
  checkOptions(options);
  if (!Array.isArray(curves) || curves.length === 0)
    throw new InputError("must be a non-empty array of curves", { field: "curves", value: curves });
  curves.forEach((c, g) => {
    if (c === null || typeof c !== "object" || typeof c.label !== "string" || c.label === "")
      throw new InputError("each curve needs a non-empty label", { field: "curves", index: g, value: c });
    if (!Array.isArray(c.time) || !Array.isArray(c.value) || c.time.length !== c.value.length)
      throw new InputError("time and value must be arrays of equal length", {
        field: `curves[${g}].value`,
        value: c.value,
      });
    c.time.forEach((t: number, i: number) => {
      if (typeof t !== "number" || !Number.isFinite(t) || (i > 0 && !(t > c.time[i - 1])))
        throw new InputError("times must be finite and increasing", { field: `curves[${g}].time`, index: i, value: t });
      const v = c.value[i];
      if (typeof v !== "number" || !(v >= 0 && v <= 1))
        throw new InputError("values must be in [0, 1]", { field: `curves[${g}].value`, index: i, value: v });
    });
  });
  curves.forEach((c, g) => {
    if (c.startValue !== undefined && c.startValue !== 0 && c.startValue !== 1)
      throw new InputError("must be 0 or 1", { field: `curves[${g}].startValue`, value: c.startValue });
  });
  const timeUnit = options.timeUnit ?? "months";
  const confLevel = options.confLevel ?? 0.95;
  const data: PlotlyTrace[] = [];
  curves.forEach((c, g) => {
    const color = OKABE_ITO[g % OKABE_ITO.length];
    if (c.lower !== undefined && c.upper !== undefined) {
      const x: number[] = [];
      const lo: number[] = [];
      const hi: number[] = [];
      c.time.forEach((t: number, i: number) => {
        const l = c.lower?.[i];
        const u = c.upper?.[i];
        if (l === null || u === null || l === undefined || u === undefined) return;
        const next = i + 1 < c.time.length ? c.time[i + 1] : (options.xMax ?? t);
        x.push(t, next);
        lo.push(l, l);
        hi.push(u, u);
      });
      if (x.length > 0) {
        data.push({
          type: "scatter",
          mode: "lines",
          name: `${c.label} ${formatFixed(confLevel * 100, 0)}% CI`,
          showlegend: false,
          x: [...x, ...x.slice().reverse()],
          y: [...hi, ...lo.slice().reverse()],
          fill: "toself",
          fillcolor: `${color}26`,
          line: { width: 0 },
          hoverinfo: "skip",
        });
      }
    }
    data.push({
      type: "scatter",
      mode: "lines",
      name: c.label,
      x: [0, ...c.time],
      y: [c.startValue ?? 0, ...c.value],
      line: { shape: "hv", color, width: 2.5, dash: c.dashed ? "dash" : "solid" },
      hovertemplate: `${c.label}<br>%{x} ${timeUnit}: %{y:.3f}<extra></extra>`,
    });
  });
  const shapes =
    options.referenceTime === undefined
      ? []
      : [
          {
            type: "line",
            x0: options.referenceTime,
            x1: options.referenceTime,
            y0: 0,
            y1: 1,
            yref: "paper",
            line: { color: "#7F7F7F", width: 1, dash: "dot" },
          },
        ];
  if (options.note !== undefined && typeof options.note !== "string")
    throw new InputError("must be a string", { field: "options.note", value: options.note });
  // The note (whose data these are) sits under the title, as in the library's other figures.
  const subtitle = options.note
    ? { subtitle: { text: `<i>${options.note}</i>`, font: { size: 13, color: "#A63D00" } } }
    : {};
  return deepFreeze({
    data,
    layout: {
      title: { text: options.title ?? "Cumulative incidence", x: 0.02, xanchor: "left", ...subtitle },
      font: { family: "Arial, Helvetica, sans-serif", size: 14, color: "#222222" },
      height: options.height ?? 500,
      margin: { l: 80, r: 30, t: options.note ? 95 : 70, b: 60 },
      paper_bgcolor: "#FFFFFF",
      plot_bgcolor: "#FFFFFF",
      xaxis: {
        title: { text: `Time (${timeUnit})` },
        range: [0, options.xMax ?? Math.max(...curves.map((c) => c.time[c.time.length - 1] ?? 0))],
        showgrid: true,
        gridcolor: "#E5E5E5",
        zeroline: false,
        showline: true,
        ticks: "outside",
      },
      yaxis: {
        title: { text: options.yTitle ?? "Cumulative incidence" },
        range: [0, 1],
        showgrid: true,
        gridcolor: "#E5E5E5",
        zeroline: false,
        showline: true,
        ticks: "outside",
      },
      legend: { x: 0.02, y: 0.98, bgcolor: "rgba(255,255,255,0.8)" },
      shapes,
      annotations: [],
    },
  });
}
