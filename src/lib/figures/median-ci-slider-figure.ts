import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { shortNumber } from "../core/format";
import {
  axis,
  baseLayout,
  checkArray,
  checkFinite,
  checkLabel,
  cornerNote,
  figure,
  NEUTRAL_GREY,
  paletteColor,
  rgba,
} from "./internal/figure-style";
import { sliderLayout, withStepValues, survivalStepXY, type SliderStep } from "./internal/slider";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** One row of a frame's curve: S(t) and the two pointwise bands whose crossings of 0.5 bound the median. */
export interface MedianCiStepRow {
  readonly time: number;
  readonly survival: number;
  readonly logLower: number | null;
  readonly logUpper: number | null;
  readonly plainLower: number | null;
  readonly plainUpper: number | null;
}

/** One interval of the median under one convention; a null limit is "not estimable". */
export interface MedianCiInterval {
  readonly label: string;
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One slider position: a sample size, its curve and intervals (same conventions, same order, in every frame). */
export interface MedianCiFrame {
  readonly n: number;
  readonly events: number;
  readonly steps: readonly MedianCiStepRow[];
  readonly intervals: readonly MedianCiInterval[];
}

/** Options of {@link medianCiSliderFigure}. */
export interface MedianCiSliderOptions extends FigureOptions {
  readonly timeUnit?: string;
  readonly xTitle?: string;
  /** The true median (simulated data), drawn as a dotted vertical line. */
  readonly trueMedian?: number;
  /** Index of the frame shown first. Default 0. */
  readonly active?: number;
}

/**
 * The median survival time's confidence interval under several conventions as the sample grows, with a slider over
 * the sample size. Top: the Kaplan–Meier curve with the log-scale band (R's default; its crossings of 0.5 are R's
 * limits) and the untransformed band (Brookmeyer–Crowley's). Bottom: each convention's interval as a bar with the
 * median as a dot; a limit that does not exist is drawn dotted to the edge of the axis. With few patients the
 * intervals differ, the symmetric (SPSS-style) one can run below zero and R's upper limit is often missing; as n grows
 * they close in on each other and on the true median. Every position is precomputed (plotly "update" steps).
 *
 * Reference: Brookmeyer R, Crowley J (1982) Biometrics 38:29; Collett D (2015) §2.4. R: quantile(survfit(...)).
 * SPSS 27: KM "Means and Medians". Cost: O(frames × rows).
 *
 * @example
 * const { frames } = medianCiBySampleSize({ sizes: [20, 80], seed: 1, trueMedian: 12, accrual: 36 });
 * const fig = medianCiSliderFigure(frames, { trueMedian: 12 });
 * fig.layout.sliders[0].steps.length // 2 (one per sample size)
 * fig.layout.sliders[0].steps[1].label // "n = 80"
 * fig.layout.sliders[0].steps[0].args[1]["annotations[0].text"] // "n = 20 patients, … deaths"
 * fig.layout.shapes[1].x0 // 12 (the true median, dotted)
 */
export function medianCiSliderFigure(
  frames: readonly MedianCiFrame[],
  options: MedianCiSliderOptions = {},
): PlotlyFigure {
  checkOptions(options);
  const list = checkArray<MedianCiFrame>(frames, "frames", 2);
  const k = list[0]?.intervals?.length ?? 0;
  list.forEach((f, i) => {
    if (f === null || typeof f !== "object")
      throw new InputError("must be a frame", { field: "frames", index: i, value: f });
    checkFinite(f.n, "frames.n", i);
    checkArray(f.steps, `frames[${i}].steps`);
    if (!Array.isArray(f.intervals) || f.intervals.length !== k || k === 0)
      throw new InputError(`must list the same ${k} interval(s) in every frame`, {
        field: `frames[${i}].intervals`,
        value: f.intervals,
      });
    f.intervals.forEach((iv, j) => {
      checkLabel(iv.label, `frames[${i}].intervals[${j}].label`);
      if (iv.label !== list[0].intervals[j].label)
        throw new InputError("must be in the same order in every frame", {
          field: `frames[${i}].intervals.label`,
          index: j,
          value: iv.label,
        });
    });
  });
  const unit = options.timeUnit === undefined ? "months" : checkLabel(options.timeUnit, "options.timeUnit");
  const trueMedian = options.trueMedian === undefined ? null : checkFinite(options.trueMedian, "options.trueMedian");
  const active = options.active ?? 0;
  const finite = (xs: (number | null)[]) => xs.filter((v): v is number => v !== null && Number.isFinite(v));
  const allLimits = list.flatMap((f) => finite(f.intervals.flatMap((iv) => [iv.lower, iv.upper, iv.median])));
  const lastTime = Math.max(...list.map((f) => f.steps[f.steps.length - 1].time));
  const xMax = Math.max(lastTime, ...allLimits);
  const xMin = Math.min(0, ...allLimits);
  const pad = 0.02 * (xMax - xMin);
  const band = (rows: readonly MedianCiStepRow[], pick: (r: MedianCiStepRow) => number | null) => ({
    x: [0, ...rows.map((r) => r.time)],
    y: [1, ...rows.map(pick)],
  });
  const colors = list[0].intervals.map((_, j) => paletteColor(j));
  const steps: SliderStep[] = list.map((f) => {
    const curve = survivalStepXY(f.steps);
    const bands = [
      band(f.steps, (r) => r.logLower),
      band(f.steps, (r) => r.logUpper),
      band(f.steps, (r) => r.plainLower),
      band(f.steps, (r) => r.plainUpper),
    ];
    const bars = f.intervals.map((iv) => ({
      x: [iv.lower ?? xMin - pad, iv.upper ?? xMax + pad],
      dash: iv.lower === null || iv.upper === null ? "dot" : "solid",
      text:
        `${iv.label}: ${iv.median === null ? "no median" : shortNumber(iv.median, 2)} ` +
        `(${limit(iv.lower)}, ${limit(iv.upper)})`,
    }));
    return {
      label: `n = ${f.n}`,
      data: {
        x: [curve.x, ...bands.map((b) => b.x), ...bars.map((b) => b.x), f.intervals.map((iv) => iv.median)],
        y: [
          curve.y,
          ...bands.map((b) => b.y),
          ...bars.map((_, j) => [k - 1 - j, k - 1 - j]),
          f.intervals.map((_, j) => k - 1 - j),
        ],
        "line.dash": [null, "dash", "dash", "dot", "dot", ...bars.map((b) => b.dash), null],
        text: [null, null, null, null, null, ...bars.map((b) => [b.text, b.text]), bars.map((b) => b.text)],
      },
      layout: { "annotations[0].text": `n = ${f.n} patients, ${f.events} deaths` },
    };
  });
  const first = steps[active] ?? steps[0];
  const dynamic: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "Kaplan–Meier",
      line: { shape: "hv", color: "#222222", width: 2.5 },
      hoverinfo: "skip",
    },
    bandTrace("log band (R)", colors[0], "lower"),
    bandTrace("log band (R)", colors[0], "upper"),
    bandTrace("plain band (Brookmeyer–Crowley)", colors[1 % colors.length], "lower"),
    bandTrace("plain band (Brookmeyer–Crowley)", colors[1 % colors.length], "upper"),
    ...list[0].intervals.map(
      (iv, j): PlotlyTrace => ({
        type: "scatter",
        mode: "lines",
        name: iv.label,
        showlegend: false,
        xaxis: "x",
        yaxis: "y2",
        line: { color: colors[j], width: 6 },
        hovertemplate: "%{text}<extra></extra>",
      }),
    ),
    {
      type: "scatter",
      mode: "markers",
      name: "median",
      showlegend: false,
      xaxis: "x",
      yaxis: "y2",
      marker: { size: 12, color: "#FFFFFF", line: { width: 2.5, color: "#222222" } },
      hovertemplate: "%{text}<extra></extra>",
    },
  ].map((t, i) => withStepValues(t, first, i));
  const shapes: Record<string, unknown>[] = [
    { type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 0.5, y1: 0.5, line: { color: NEUTRAL_GREY, width: 1 } },
  ];
  if (trueMedian !== null)
    shapes.push({
      type: "line",
      x0: trueMedian,
      x1: trueMedian,
      yref: "paper",
      y0: 0,
      y1: 1,
      line: { color: NEUTRAL_GREY, dash: "dot", width: 1.5 },
    });
  const layout = baseLayout("The median's confidence interval as the sample grows", options, 700, {
    xaxis: axis(options.xTitle ?? `Time (${unit})`, { range: [xMin - 2 * pad, xMax + 2 * pad], anchor: "y2" }),
    yaxis: axis("Survival probability S(t)", { domain: [0.36, 1], range: [-0.02, 1.04], tickformat: ".1f" }),
    yaxis2: {
      domain: [0, 0.26],
      anchor: "x",
      range: [-0.6, k - 0.4],
      tickmode: "array",
      tickvals: list[0].intervals.map((_, j) => k - 1 - j),
      ticktext: list[0].intervals.map((iv) => iv.label),
      showgrid: false,
      zeroline: false,
      fixedrange: true,
      automargin: true,
    },
    annotations: [
      cornerNote(first.layout?.["annotations[0].text"]),
      ...(trueMedian === null
        ? []
        : [
            {
              text: `true median ${shortNumber(trueMedian)}`,
              x: trueMedian,
              xref: "x",
              xanchor: "left",
              xshift: 4,
              y: 0.02,
              yref: "y",
              yanchor: "bottom",
              showarrow: false,
              font: { size: 12, color: NEUTRAL_GREY },
            },
          ]),
    ],
    shapes,
    margin: { l: 80, r: 30, t: options.note ? 110 : 90, b: 150 },
    sliders: [
      sliderLayout(
        steps,
        dynamic.map((_, i) => i),
        { prefix: "sample size: ", active: list.indexOf(list[active] ?? list[0]), y: -0.12 },
      ),
    ],
    hovermode: "closest",
  });
  return figure(dynamic, layout);
}

function limit(v: number | null): string {
  return v === null ? "not estimable" : shortNumber(v, 2);
}

function bandTrace(name: string, color: string, side: "lower" | "upper"): PlotlyTrace {
  return {
    type: "scatter",
    mode: "lines",
    name,
    legendgroup: name,
    showlegend: side === "lower",
    line: { shape: "hv", color: rgba(color, 0.9), width: 1.5 },
    connectgaps: false,
    hoverinfo: "skip",
  };
}
