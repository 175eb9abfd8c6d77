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
} from "./internal/figure-style";
import { sliderLayout, withStepValues, survivalAtTime, survivalStepXY, type SliderStep } from "./internal/slider";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** The step-table columns the slider figures draw (a subset of a Kaplan–Meier fit's steps). */
export interface SurvivalStepRow {
  readonly time: number;
  readonly nCensor: number;
  readonly survival: number;
}

/** Input of {@link censoringSliderFigure}: the curve as observed and one curve per censoring time of one patient. */
export interface CensoringSliderInput {
  /** Who moves, as the legend and slider say it ("patient 4"). */
  readonly patientLabel: string;
  readonly observed: { readonly time: number; readonly event: number; readonly steps: readonly SurvivalStepRow[] };
  readonly scenarios: readonly { readonly censorTime: number; readonly steps: readonly SurvivalStepRow[] }[];
}

/** Options of {@link censoringSliderFigure}. */
export interface CensoringSliderOptions extends FigureOptions {
  /** Unit of time for labels. Default "months". */
  readonly timeUnit?: string;
  /** x-axis title. Default "Time (<unit>)". */
  readonly xTitle?: string;
  /** A time at which S(t) is read off and printed for every slider position (a dotted line marks it). */
  readonly readAt?: number;
}

/**
 * A Kaplan–Meier curve with a slider that moves one patient's censoring time: the grey dashed curve is the data as
 * observed, the coloured one the data with this patient censored at the slider's time, and the orange marker the
 * patient. Moving the slider shows what censoring does: the curve only changes at the deaths *after* the patient
 * left, whose risk sets are one smaller, so each of those steps is deeper. Every position is precomputed in the
 * figure (plotly "update" steps), so the slider works in a saved notebook and in the HTML report opened from disk.
 *
 * Reference: Kaplan EL, Meier P (1958) JASA 53:457. R: no equivalent plot (a loop of survfit). SPSS: none.
 * Cost: O(scenarios × rows).
 *
 * @example
 * // three deaths at 2, 4, 6; patient 2 (who dies at 4) censored at 3 or at 5 instead
 * const fig = censoringSliderFigure(censoringScenarios(surv([2, 4, 6], [1, 1, 1]), 1, [3, 5]), { readAt: 5 });
 * fig.layout.sliders[0].steps.length // 3 (as observed, then one per censoring time)
 * fig.layout.sliders[0].steps[0].label // "none (observed)"
 * fig.layout.sliders[0].steps[1].args[1]["annotations[0].text"]
 * // "patient 2 censored at 3 months: S(5) = 0.6667 (as observed 0.3333)" (by hand: observed S(5) = 2/3 × 1/2 = 1/3;
 * // censored at 3, no death between 3 and 5, so S(5) = S(2) = 2/3)
 */
export function censoringSliderFigure(input: CensoringSliderInput, options: CensoringSliderOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (input === null || typeof input !== "object")
    throw new InputError("must be { patientLabel, observed, scenarios }", { field: "input", value: input });
  const who = checkLabel(input.patientLabel, "input.patientLabel");
  const observed = input.observed;
  if (observed === null || typeof observed !== "object")
    throw new InputError("must be { time, event, steps }", { field: "input.observed", value: observed });
  checkSteps(observed.steps, "input.observed.steps");
  const scenarios = checkArray<CensoringSliderInput["scenarios"][number]>(input.scenarios, "input.scenarios");
  scenarios.forEach((s, i) => {
    checkFinite(s.censorTime, "input.scenarios.censorTime", i);
    checkSteps(s.steps, `input.scenarios[${i}].steps`);
  });
  const unit = options.timeUnit === undefined ? "months" : checkLabel(options.timeUnit, "options.timeUnit");
  const readAt = options.readAt === undefined ? null : checkFinite(options.readAt, "options.readAt");
  const color = paletteColor(0);
  const patientColor = paletteColor(3);
  const positions = [
    { label: "none (observed)", time: observed.time, event: observed.event, steps: observed.steps },
    ...scenarios.map((s) => ({ label: shortNumber(s.censorTime), time: s.censorTime, event: 0, steps: s.steps })),
  ];
  const observedAt = readAt === null ? null : survivalAtTime(observed.steps, readAt);
  const steps: SliderStep[] = positions.map((p) => {
    const curve = survivalStepXY(p.steps);
    const marks = p.steps.filter((r) => r.nCensor > 0);
    // The patient's own point: on the curve at their time (for a death, the level just after it).
    const y = survivalAtTime(p.steps, p.time);
    const what = p.event === 1 ? `dies at ${shortNumber(p.time)}` : `censored at ${shortNumber(p.time)}`;
    const read =
      readAt === null || observedAt === null
        ? ""
        : `: S(${shortNumber(readAt)}) = ${shortNumber(survivalAtTime(p.steps, readAt), 4)}` +
          (p === positions[0] ? "" : ` (as observed ${shortNumber(observedAt, 4)})`);
    return {
      label: p.label,
      data: {
        x: [curve.x, marks.map((r) => r.time), [p.time]],
        y: [curve.y, marks.map((r) => r.survival), [y]],
        text: [
          curve.x.map(() => ""),
          marks.map((r) => `censored at ${shortNumber(r.time)} ${unit}`),
          [`${who} ${what}`],
        ],
      },
      layout: { "annotations[0].text": `${who} ${what} ${unit}${read}` },
    };
  });
  const first = steps[0];
  const reference = survivalStepXY(observed.steps);
  const xMax = Math.max(...positions.map((p) => Math.max(p.time, p.steps[p.steps.length - 1]?.time ?? 0)));
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "as observed",
      x: reference.x,
      y: reference.y,
      line: { shape: "hv", color: NEUTRAL_GREY, width: 2, dash: "dash" },
      hoverinfo: "skip",
    },
    ...[
      {
        type: "scatter",
        mode: "lines",
        name: `${who} moved`,
        line: { shape: "hv", color, width: 3 },
        hovertemplate: "t = %{x}<br>S(t) = %{y:.4f}<extra></extra>",
      },
      {
        type: "scatter",
        mode: "markers",
        name: "censored",
        marker: { symbol: "cross-thin-open", size: 12, color, line: { width: 2, color } },
        hovertemplate: "%{text}<extra></extra>",
      },
      {
        type: "scatter",
        mode: "markers",
        name: who,
        marker: { size: 14, color: patientColor, line: { width: 1.5, color: "#000000" } },
        hovertemplate: "%{text}<extra></extra>",
      },
    ].map((trace, k) => withStepValues(trace, first, k)),
  ];
  const shapes =
    readAt === null
      ? []
      : [{ type: "line", x0: readAt, x1: readAt, y0: 0, y1: 1, yref: "y", line: { dash: "dot", color: NEUTRAL_GREY } }];
  const layout = baseLayout(`Kaplan–Meier curve as ${who}'s censoring time moves`, options, 560, {
    xaxis: axis(options.xTitle ?? `Time (${unit})`, { range: [-0.02 * xMax, 1.04 * xMax] }),
    yaxis: axis("Survival probability S(t)", { range: [-0.02, 1.04], tickformat: ".1f" }),
    annotations: [cornerNote(first.layout?.["annotations[0].text"])],
    shapes,
    margin: { l: 80, r: 30, t: options.note ? 95 : 70, b: 150 },
    sliders: [sliderLayout(steps, [1, 2, 3], { prefix: `${who} censored at month: `, active: 0, y: -0.18 })],
    hovermode: "closest",
  });
  return figure(data, layout);
}

function checkSteps(steps: readonly SurvivalStepRow[], field: string): void {
  checkArray<SurvivalStepRow>(steps, field).forEach((r, i) => {
    if (r === null || typeof r !== "object") throw new InputError("must be a step row", { field, index: i, value: r });
    checkFinite(r.time, `${field}.time`, i);
    const s = checkFinite(r.survival, `${field}.survival`, i);
    if (s < 0 || s > 1) throw new InputError("must be in [0, 1]", { field: `${field}.survival`, index: i, value: s });
  });
}
