import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { shortNumber } from "../core/format";
import {
  axis,
  baseLayout,
  checkArray,
  checkFinite,
  checkLabel,
  figure,
  NEUTRAL_GREY,
  paletteColor,
  rgba,
} from "./internal/figure-style";
import { sliderLayout, withStepValues, survivalStepXY, type SliderStep } from "./internal/slider";
import type { SurvivalStepRow } from "./censoring-slider-figure";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** A hazard ratio summarised over simulated studies: median and a 10th–90th percentile range. */
export interface HazardRatioSpread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** One slider position: the longest delay to treatment, the analyses' hazard ratios, and one example study's curves. */
export interface ImmortalTimeFrame {
  /** Treatment starts uniformly between 0 and this delay. */
  readonly delay: number;
  /** The naive analysis (ever treated as a baseline covariate) and the time-dependent one, over the studies. */
  readonly naive: HazardRatioSpread;
  readonly timeDependent: HazardRatioSpread;
  /** One simulated study: Kaplan–Meier curves of the ever treated and the never treated, and its naive HR. */
  readonly example: {
    readonly curves: readonly { readonly label: string; readonly steps: readonly SurvivalStepRow[] }[];
    readonly naiveHazardRatio: number;
  };
}

/** Options of {@link immortalTimeSliderFigure}. */
export interface ImmortalTimeSliderOptions extends FigureOptions {
  readonly timeUnit?: string;
  /** The true hazard ratio of the simulation (default 1: the drug does nothing), drawn as a reference line. */
  readonly trueHazardRatio?: number;
}

/**
 * Immortal-time bias as the delay to treatment grows, with a slider over the delay. Left: one simulated study's
 * Kaplan–Meier curves of patients *ever* treated and *never* treated — the ever treated had to survive until
 * treatment started, so their curve sits high even when the drug does nothing. Right: the hazard ratio the naive
 * analysis (treatment as a baseline covariate) reports, median and 10th–90th percentile over the simulated studies,
 * against the time-dependent analysis, which stays at the truth; the markers follow the slider. Every position is
 * precomputed (plotly "update" steps), so the slider works in the HTML report opened from disk.
 *
 * Reference: Suissa S (2008) Am J Epidemiol 167:492; Lévesque LE et al. (2010) BMJ 340:b5087. R: none (simulation
 * and coxph). SPSS: none. Cost: O(frames × rows).
 *
 * @example
 * immortalTimeSliderFigure(immortalTimeByDelay(base, [0, 3, 6]).frames).layout.sliders // 3 steps: "0", "3", "6"
 */
export function immortalTimeSliderFigure(
  frames: readonly ImmortalTimeFrame[],
  options: ImmortalTimeSliderOptions = {},
): PlotlyFigure {
  checkOptions(options);
  const list = checkArray<ImmortalTimeFrame>(frames, "frames", 2);
  list.forEach((f, i) => {
    if (f === null || typeof f !== "object")
      throw new InputError("must be a frame", { field: "frames", index: i, value: f });
    checkFinite(f.delay, "frames.delay", i);
    if (i > 0 && !(f.delay > list[i - 1].delay))
      throw new InputError("delays must increase", { field: "frames.delay", index: i, value: f.delay });
    for (const key of ["naive", "timeDependent"] as const)
      for (const part of ["median", "low", "high"] as const) {
        const v = checkFinite(f[key]?.[part], `frames[${i}].${key}.${part}`);
        if (!(v > 0))
          throw new InputError("a hazard ratio must be > 0", { field: `frames[${i}].${key}.${part}`, value: v });
      }
    if (!Array.isArray(f.example?.curves) || f.example.curves.length !== 2)
      throw new InputError("must hold two curves (ever and never treated)", {
        field: `frames[${i}].example.curves`,
        value: f.example?.curves,
      });
    f.example.curves.forEach((c, j) => {
      checkLabel(c.label, `frames[${i}].example.curves[${j}].label`);
      checkArray(c.steps, `frames[${i}].example.curves[${j}].steps`);
    });
  });
  const unit = options.timeUnit === undefined ? "months" : checkLabel(options.timeUnit, "options.timeUnit");
  const truth =
    options.trueHazardRatio === undefined ? 1 : checkFinite(options.trueHazardRatio, "options.trueHazardRatio");
  const [treatedColor, untreatedColor] = [paletteColor(0), "#555555"];
  const naiveColor = paletteColor(1);
  const tdColor = paletteColor(2);
  const delays = list.map((f) => f.delay);
  const steps: SliderStep[] = list.map((f) => {
    const [a, b] = f.example.curves.map((c) => survivalStepXY(c.steps));
    return {
      label: shortNumber(f.delay),
      data: {
        x: [a.x, b.x, [f.delay], [f.delay]],
        y: [a.y, b.y, [f.naive.median], [f.timeDependent.median]],
        name: [
          f.example.curves[0].label,
          f.example.curves[1].label,
          "naive (this delay)",
          "time-dependent (this delay)",
        ],
      },
      layout: {
        "annotations[0].text":
          (f.delay === 0
            ? "treatment starts at time zero (no immortal time)<br>"
            : `treatment starts 0–${shortNumber(f.delay)} ${unit} after time zero<br>`) +
          `naive HR ${shortNumber(f.naive.median, 2)} (this study ${shortNumber(f.example.naiveHazardRatio, 2)}); ` +
          `time-dependent HR ${shortNumber(f.timeDependent.median, 2)}`,
      },
    };
  });
  const first = steps[0];
  const spread = (key: "naive" | "timeDependent", color: string, name: string): PlotlyTrace[] => [
    {
      type: "scatter",
      mode: "lines",
      name: `${name}: 10th–90th percentile`,
      xaxis: "x2",
      yaxis: "y2",
      x: [...delays, ...[...delays].reverse()],
      y: [...list.map((f) => f[key].high), ...[...list].reverse().map((f) => f[key].low)],
      fill: "toself",
      fillcolor: rgba(color, 0.15),
      line: { width: 0, color: rgba(color, 0) },
      hoverinfo: "skip",
      showlegend: false,
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: `${name} (median over studies)`,
      showlegend: false,
      xaxis: "x2",
      yaxis: "y2",
      x: delays,
      y: list.map((f) => f[key].median),
      line: { color, width: 2.5 },
      marker: { size: 6, color },
      hovertemplate: `${name}<br>delay 0–%{x} ${unit}: HR %{y:.2f}<extra></extra>`,
    },
  ];
  const dynamic: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", line: { shape: "hv", color: treatedColor, width: 2.5 }, hoverinfo: "skip" },
    {
      type: "scatter",
      mode: "lines",
      line: { shape: "hv", color: untreatedColor, width: 2.5, dash: "dash" },
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "markers",
      xaxis: "x2",
      yaxis: "y2",
      showlegend: false,
      marker: { size: 16, color: naiveColor, line: { width: 2, color: "#000000" } },
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "markers",
      xaxis: "x2",
      yaxis: "y2",
      showlegend: false,
      marker: { size: 16, color: tdColor, line: { width: 2, color: "#000000" } },
      hoverinfo: "skip",
    },
  ].map((t, k) => withStepValues(t as PlotlyTrace, first, k));
  const data = [
    ...dynamic,
    ...spread("naive", naiveColor, "naive"),
    ...spread("timeDependent", tdColor, "time-dependent"),
  ];
  const hrs = list.flatMap((f) => [f.naive.low, f.naive.high, f.timeDependent.low, f.timeDependent.high, truth]);
  const layout = baseLayout(
    "Immortal time: what a naive analysis reports as the delay to treatment grows",
    options,
    600,
    {
      xaxis: axis(`Time (${unit})`, { domain: [0, 0.45], anchor: "y" }),
      yaxis: axis("Survival probability S(t)", { range: [-0.02, 1.04], tickformat: ".1f", anchor: "x" }),
      xaxis2: axis(`Longest delay to treatment (${unit})`, { domain: [0.57, 1], anchor: "y2" }),
      yaxis2: axis("Hazard ratio, ever vs never treated (log scale)", {
        type: "log",
        anchor: "x2",
        range: [Math.log10(Math.min(...hrs) * 0.9), Math.log10(Math.max(...hrs) * 1.1)],
      }),
      shapes: [
        {
          type: "line",
          xref: "x2 domain",
          x0: 0,
          x1: 1,
          yref: "y2",
          y0: truth,
          y1: truth,
          line: { color: NEUTRAL_GREY, dash: "dot" },
        },
      ],
      annotations: [
        {
          text: first.layout?.["annotations[0].text"],
          xref: "paper",
          yref: "paper",
          x: 0,
          y: -0.3,
          xanchor: "left",
          yanchor: "top",
          align: "left",
          showarrow: false,
          font: { size: 14 },
        },
        panelTitle("One simulated study", "x", "y"),
        panelTitle("Over the simulated studies (median, 10th–90th percentile)", "x2", "y2"),
        lineLabel("naive (ever treated)", list[list.length - 1].delay, list[list.length - 1].naive.median, naiveColor),
        lineLabel("time-dependent", list[list.length - 1].delay, list[list.length - 1].timeDependent.median, tdColor),
        {
          text: `true HR ${shortNumber(truth)}`,
          xref: "x2 domain",
          x: 1,
          yref: "y2",
          y: Math.log10(truth),
          xanchor: "right",
          yanchor: "bottom",
          showarrow: false,
          font: { size: 12, color: NEUTRAL_GREY },
        },
      ],
      margin: { l: 80, r: 30, t: options.note ? 110 : 90, b: 200 },
      legend: { x: 0.01, y: 0.02, xanchor: "left", yanchor: "bottom", bgcolor: "rgba(255,255,255,0.85)" },
      sliders: [
        sliderLayout(steps, [0, 1, 2, 3], { prefix: `treatment starts within (${unit}): `, active: 0, y: -0.42 }),
      ],
      hovermode: "closest",
    },
  );
  return figure(data, layout);
}

/** A small title above a subplot (axis domain coordinates). */
function panelTitle(text: string, x: string, y: string): Record<string, unknown> {
  return {
    text: `<b>${text}</b>`,
    xref: `${x} domain`,
    x: 0,
    yref: `${y} domain`,
    y: 1,
    xanchor: "left",
    yanchor: "bottom",
    yshift: 6,
    showarrow: false,
    font: { size: 13 },
  };
}

/** A label at the end of a line, in its colour (log axis: plotly takes log10 of the value). */
function lineLabel(text: string, x: number, y: number, color: string): Record<string, unknown> {
  return {
    text,
    xref: "x2",
    x,
    yref: "y2",
    y: Math.log10(y),
    xanchor: "right",
    yanchor: "bottom",
    yshift: 6,
    showarrow: false,
    font: { size: 12, color },
  };
}
