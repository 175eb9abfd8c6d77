import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { formatFixed, formatP } from "../core/format";
import {
  axis,
  baseLayout,
  checkArray,
  checkFinite,
  checkLabel,
  figure,
  paletteColor,
  rgba,
  shortNumber,
} from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/**
 * One row of a Kaplan–Meier step table, as R's `summary(survfit(...))` with `censored = TRUE` prints
 * it: every distinct time (event or censoring) in increasing order.
 */
export interface KaplanMeierStep {
  /** Time (≥ 0), strictly increasing down the table. */
  readonly time: number;
  /** Number at risk just before `time` (R `n.risk`; weighted counts need not be integers). */
  readonly nRisk: number;
  /** Events at `time` (R `n.event`). */
  readonly nEvent: number;
  /** Censored at `time` (R `n.censor`). */
  readonly nCensor: number;
  /** Survival estimate just after `time` (R `surv`), non-increasing. */
  readonly survival: number;
  /** Lower confidence limit (R `lower`), or null where undefined (R NA, e.g. once survival is 0). */
  readonly lower: number | null;
  /** Upper confidence limit (R `upper`), or null where undefined. */
  readonly upper: number | null;
}

/** One group's curve: its label and step table. */
export interface KaplanMeierCurve {
  readonly label: string;
  readonly steps: readonly KaplanMeierStep[];
  /**
   * Where the curve starts at S = 1 (a curve conditional on being at risk then, as R's
   * `survfit(start.time = )`); before it the curve and its numbers at risk are not drawn. Default 0.
   */
  readonly startTime?: number;
}

/** Options of {@link kaplanMeierFigure}. */
export interface KaplanMeierFigureOptions extends FigureOptions {
  /** Unit of time, shown in the axis title and hover text. Default "months". */
  readonly timeUnit?: string;
  /**
   * Spacing of x-axis ticks and of the number-at-risk columns. Default: 1, 2, 3, 6, 12, 24, … (months) or 1–2–5 × 10ᵏ
   * (other units), at most 8 intervals.
   */
  readonly tickInterval?: number;
  /** Right end of the time axis. Default: the largest time in any step table. */
  readonly xMax?: number;
  /** Confidence level of `lower`/`upper`, for labels only. Default 0.95. */
  readonly confLevel?: number;
  /**
   * Draw the step-shaped confidence bands. Default: true for one or two curves, false for three or
   * more, where overlapping bands hide the curves (R's plot.survfit draws them for one curve only).
   */
  readonly showConfidenceBand?: boolean;
  /** Opacity of the confidence bands' fill, in (0, 1]. Default 0.15 (0.08 with three or more curves). */
  readonly bandOpacity?: number;
  /** Draw "+" marks at censoring times. Default true. */
  readonly showCensorMarks?: boolean;
  /** Draw the dashed median lines where the median is reached. Default true. */
  readonly showMedian?: boolean;
  /** Draw the number-at-risk table under the axis. Default true. */
  readonly showAtRisk?: boolean;
  /**
   * The test's p-value: a number is printed as "Log-rank p = 0.023" (core formatP; the name from
   * `testName`), a string verbatim.
   */
  readonly logRankP?: number | string;
  /** Name of the test whose p `logRankP` gives, e.g. "Mantel–Byar". Default "Log-rank". */
  readonly testName?: string;
  /** X-axis title. Default "Time (months)" (the unit from `timeUnit`). */
  readonly xTitle?: string;
  /** Y-axis title. Default "Survival probability". */
  readonly yTitle?: string;
  /** Heading of the number-at-risk table. Default "Number at risk". */
  readonly atRiskTitle?: string;
}

/**
 * Kaplan–Meier survival curves as a plotly figure: for each group a step curve (line shape "hv"
 * from (0, 1)), a step-shaped confidence band (one filled polygon per run of defined limits), "+"
 * censor marks on the curve, a dashed median line (horizontal at 0.5 to the curve, then down to the
 * axis; only where the median is reached), a number-at-risk table under the axis aligned with the
 * x-axis ticks, and an optional test p annotation. Okabe–Ito colours. Bands are drawn by default for
 * one or two curves only (three or more overlapping bands hide the curves). Axis titles, the
 * number-at-risk heading, the test's name and the band opacity are options; the default wording is
 * neutral ("Time (months)"), for any data. The figure is a fresh plain object the caller may adjust.
 *
 * The median is the one print.survfit reports (survival:::survmean): the first time with S(t) ≤ 0.5,
 * or, where S(t) equals 0.5 (within √ε) on an interval, the midpoint of that interval; if S stays at
 * 0.5 to the end, the time it reached 0.5 (quantile.survfit would give the midpoint to the last time).
 * The number at risk at tick t is R's `summary(fit, times = t, extend = TRUE)$n.risk`: `nRisk` of
 * the first row with time ≥ t, 0 beyond the last row. The step table must therefore list censoring
 * times too (R: `summary(fit, censored = TRUE)`); they also place the censor marks.
 *
 * Reference: Kaplan EL, Meier P (1958) JASA 53:457; Pocock SJ, Clayton TC, Altman DG (2002) Lancet
 * 359:1686 (survival plots: numbers at risk, censor marks). R: plot(survfit(Surv(time, status) ~ g),
 * mark.time = TRUE, conf.int = TRUE) (defaults: conf.int only for one group, log CI), or
 * survminer::ggsurvplot(fit, risk.table = TRUE, surv.median.line = "hv"). SPSS 27: KM /PLOT SURVIVAL
 * (no numbers at risk, no band).
 * Cost: O(total rows + groups × ticks).
 *
 * @example
 * const steps = [
 *   { time: 2, nRisk: 4, nEvent: 1, nCensor: 0, survival: 0.75, lower: 0.43, upper: 1 },
 *   { time: 3, nRisk: 3, nEvent: 0, nCensor: 1, survival: 0.75, lower: 0.43, upper: 1 },
 *   { time: 5, nRisk: 2, nEvent: 1, nCensor: 1, survival: 0.375, lower: 0.1, upper: 1 },
 * ];
 * const fig = kaplanMeierFigure([{ label: "All", steps }], { tickInterval: 2 });
 * fig.data[1].x // [0, 2, 3, 5] (curve); y: [1, 0.75, 0.75, 0.375]; median line x [0, 5, 5], y [0.5, 0.5, 0]
 */
export function kaplanMeierFigure(
  curves: readonly KaplanMeierCurve[],
  options: KaplanMeierFigureOptions = {},
): PlotlyFigure {
  checkOptions(options);
  const groups = checkArray<KaplanMeierCurve>(curves, "curves").map((c, g) => checkCurve(c, g));
  groups.forEach((c, g) => {
    // Labels name the legend groups and traces: two equal labels would merge two curves' legends.
    if (groups.findIndex((other) => other.label === c.label) !== g)
      throw new InputError("group labels must be unique", { field: "curves.label", index: g, value: c.label });
  });
  const timeUnit = options.timeUnit === undefined ? "months" : checkLabel(options.timeUnit, "options.timeUnit");
  const confLevel = options.confLevel ?? 0.95;
  if (!(typeof confLevel === "number" && confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: options.confLevel });
  const lastTime = Math.max(...groups.map((g) => g.steps[g.steps.length - 1].time));
  const xMax = options.xMax === undefined ? lastTime : checkFinite(options.xMax, "options.xMax");
  if (!(xMax > 0))
    throw new InputError("must be > 0 (the time axis needs a positive extent)", {
      field: options.xMax === undefined ? "curves" : "options.xMax",
      value: xMax,
    });
  const interval =
    options.tickInterval === undefined
      ? defaultTickInterval(xMax, timeUnit === "months")
      : checkFinite(options.tickInterval, "options.tickInterval");
  if (!(interval > 0) || xMax / interval > 200)
    throw new InputError("must be > 0 and give at most 200 ticks", { field: "options.tickInterval", value: interval });
  const ticks = tickTimes(xMax, interval);
  const showAtRisk = options.showAtRisk ?? true;
  const ciLabel = `${formatFixed(confLevel * 100, 0)}% CI`;
  const showBand = options.showConfidenceBand ?? groups.length <= 2;
  const bandOpacity =
    options.bandOpacity === undefined
      ? groups.length <= 2
        ? 0.15
        : 0.08
      : checkFinite(options.bandOpacity, "options.bandOpacity");
  if (!(bandOpacity > 0 && bandOpacity <= 1))
    throw new InputError("must be in (0, 1]", { field: "options.bandOpacity", value: options.bandOpacity });
  const xTitle = options.xTitle === undefined ? `Time (${timeUnit})` : checkLabel(options.xTitle, "options.xTitle");
  const yTitle = options.yTitle === undefined ? "Survival probability" : checkLabel(options.yTitle, "options.yTitle");
  const atRiskTitle =
    options.atRiskTitle === undefined ? "Number at risk" : checkLabel(options.atRiskTitle, "options.atRiskTitle");
  const testName = options.testName === undefined ? "Log-rank" : checkLabel(options.testName, "options.testName");

  const data: PlotlyTrace[] = [];
  groups.forEach((group, g) => {
    const color = paletteColor(g);
    if (showBand) {
      const band = confidenceBandPolygon(group.steps, group.startTime);
      if (band.x.length > 0) {
        data.push({
          type: "scatter",
          mode: "lines",
          name: `${group.label} ${ciLabel}`,
          legendgroup: group.label,
          showlegend: false,
          x: band.x,
          y: band.y,
          fill: "toself",
          fillcolor: rgba(color, bandOpacity),
          line: { width: 0, color: rgba(color, 0) },
          hoverinfo: "skip",
        });
      }
    }
    const curve = stepCurve(group.steps, group.startTime);
    data.push({
      type: "scatter",
      mode: "lines",
      name: group.label,
      legendgroup: group.label,
      x: curve.x,
      y: curve.y,
      line: { shape: "hv", color, width: 2.5 },
      text: curve.x.map((_, i) => curveHover(group, i, timeUnit, ciLabel)),
      hovertemplate: "%{text}<extra></extra>",
    });
    if (options.showCensorMarks ?? true) {
      const censored = group.steps.filter((s) => s.nCensor > 0);
      if (censored.length > 0) {
        data.push({
          type: "scatter",
          mode: "markers",
          name: `${group.label} censored`,
          legendgroup: group.label,
          showlegend: false,
          x: censored.map((s) => s.time),
          y: censored.map((s) => s.survival),
          marker: { symbol: "cross-thin-open", size: 10, color, line: { width: 1.5, color } },
          text: censored.map((s) => `${group.label}<br>censored: ${s.nCensor} at ${shortNumber(s.time)} ${timeUnit}`),
          hovertemplate: "%{text}<extra></extra>",
        });
      }
    }
    const median = kaplanMeierMedian(group.steps);
    if ((options.showMedian ?? true) && median !== null) {
      data.push({
        type: "scatter",
        mode: "lines",
        name: `${group.label} median`,
        legendgroup: group.label,
        showlegend: false,
        x: [group.startTime, median, median],
        y: [0.5, 0.5, 0],
        line: { dash: "dash", width: 1.2, color },
        text: [0, 1, 2].map(() => `${group.label}<br>median ${shortNumber(median)} ${timeUnit}`),
        hovertemplate: "%{text}<extra></extra>",
      });
    }
    if (showAtRisk) {
      const row = groups.length - 1 - g; // first group on the top row
      const counts = numbersAtRisk(group.steps, ticks, group.startTime);
      data.push({
        type: "scatter",
        mode: "text",
        name: `${group.label} at risk`,
        legendgroup: group.label,
        showlegend: false,
        xaxis: "x",
        yaxis: "y2",
        x: ticks,
        y: ticks.map(() => row),
        text: counts.map((c) => (c === null ? "" : String(c))),
        textfont: { color, size: 13 },
        cliponaxis: false,
        hovertext: ticks.map((t, i) =>
          counts[i] === null
            ? `${group.label}: curve starts at ${shortNumber(group.startTime)} ${timeUnit}`
            : `${group.label}: ${counts[i]} at risk at ${shortNumber(t)} ${timeUnit}`,
        ),
        hoverinfo: "text",
      });
    }
  });

  const pad = 0.02 * Math.max(xMax, ticks[ticks.length - 1]);
  const annotations: Record<string, unknown>[] = [];
  if (options.logRankP !== undefined)
    annotations.push(logRankAnnotation(options.logRankP, testName, showAtRisk ? PLOT_DOMAIN_WITH_TABLE[1] : 1));
  const extra: Record<string, unknown> = {
    xaxis: axis(xTitle, {
      anchor: "y",
      range: [-pad, Math.max(xMax, ticks[ticks.length - 1]) + pad],
      tickmode: "array",
      tickvals: ticks,
      ticktext: ticks.map((t) => shortNumber(t)),
    }),
    yaxis: axis(yTitle, {
      domain: showAtRisk ? PLOT_DOMAIN_WITH_TABLE : [0, 1],
      range: [-0.02, 1.04],
      tickmode: "array",
      tickvals: [0, 0.2, 0.4, 0.6, 0.8, 1],
      tickformat: ".1f",
    }),
    annotations,
    hovermode: "closest",
  };
  if (showAtRisk) {
    extra.yaxis2 = {
      domain: AT_RISK_DOMAIN,
      anchor: "x",
      range: [-0.5, groups.length - 0.5],
      tickmode: "array",
      tickvals: groups.map((_, g) => groups.length - 1 - g),
      ticktext: groups.map((c) => c.label),
      showgrid: false,
      zeroline: false,
      showline: false,
      ticks: "",
      fixedrange: true,
      automargin: true,
      tickfont: { size: 13 },
    };
    annotations.push({
      text: `<b>${atRiskTitle}</b>`,
      xref: "paper",
      yref: "paper",
      x: 0,
      y: AT_RISK_DOMAIN[1] + 0.02,
      xanchor: "left",
      yanchor: "bottom",
      showarrow: false,
      font: { size: 13 },
    });
  }
  const layout = baseLayout("Kaplan–Meier survival", options, showAtRisk ? 500 + 30 * groups.length : 500, extra);
  return figure(data, layout);
}

/** Main plot above, number-at-risk rows below (paper fractions of the plotting area). */
const PLOT_DOMAIN_WITH_TABLE: readonly [number, number] = [0.36, 1];
const AT_RISK_DOMAIN: readonly [number, number] = [0, 0.16];

/** R's quantile.survfit tolerance, √(double ε). */
const MEDIAN_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Median survival as print.survfit reports it (survival:::survmean, `minmin`): the first time where
 * S ≤ 0.5 + √ε; if S there equals 0.5 within √ε and later drops, the midpoint between that time and
 * the first time S is lower. Null when S never reaches 0.5.
 */
function kaplanMeierMedian(steps: readonly KaplanMeierStep[]): number | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i].survival;
    if (Math.abs(s - 0.5) < MEDIAN_TOLERANCE) {
      for (let j = i + 1; j < steps.length; j++) {
        if (steps[j].survival !== s) return (steps[i].time + steps[j].time) / 2;
      }
      return steps[i].time;
    }
    if (s < 0.5) return steps[i].time;
  }
  return null;
}

/**
 * Number at risk at each (increasing) tick t: nRisk of the first row with time ≥ t; 0 past the last row. One merge
 * pass.
 */
function numbersAtRisk(steps: readonly KaplanMeierStep[], ticks: readonly number[], start: number): (number | null)[] {
  let row = 0;
  return ticks.map((t) => {
    if (t < start) return null;
    while (row < steps.length && steps[row].time < t) row++;
    return row < steps.length ? steps[row].nRisk : 0;
  });
}

/** Curve vertices for line shape "hv": (start, 1), then (time, survival) of every row. */
function stepCurve(steps: readonly KaplanMeierStep[], start: number): { x: number[]; y: number[] } {
  return { x: [start, ...steps.map((s) => s.time)], y: [1, ...steps.map((s) => s.survival)] };
}

/**
 * The confidence band as explicit step polygons (linear edges, so the fill is exact): along the
 * upper limits forward, back along the lower limits; the limit of row i holds until the next row's
 * time. Rows with a null limit split the band; the pieces are separated by nulls (plotly fills each).
 * Consecutive duplicate vertices and zero-width pieces are dropped.
 */
function confidenceBandPolygon(
  steps: readonly KaplanMeierStep[],
  startTime: number,
): { x: (number | null)[]; y: (number | null)[] } {
  const times = [startTime, ...steps.map((s) => s.time)];
  const lower = [1, ...steps.map((s) => s.lower)];
  const upper = [1, ...steps.map((s) => s.upper)];
  const last = times.length - 1;
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  let start = 0;
  while (start <= last) {
    if (lower[start] === null || upper[start] === null) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 <= last && lower[end + 1] !== null && upper[end + 1] !== null) end++;
    const next = (i: number): number => times[Math.min(i + 1, last)];
    if (times[start] === next(end)) {
      start = end + 1; // zero width (only the last time): nothing to fill
      continue;
    }
    const piece: [number, number][] = [];
    for (let i = start; i <= end; i++) piece.push([times[i], upper[i] as number], [next(i), upper[i] as number]);
    for (let i = end; i >= start; i--) piece.push([next(i), lower[i] as number], [times[i], lower[i] as number]);
    if (x.length > 0) {
      x.push(null);
      y.push(null);
    }
    piece.forEach(([px, py], k) => {
      if (k > 0 && px === piece[k - 1][0] && py === piece[k - 1][1]) return;
      x.push(px);
      y.push(py);
    });
    start = end + 1;
  }
  return { x, y };
}

/** Hover text of curve vertex i (vertex 0 is the start (startTime, 1)). */
function curveHover(group: CheckedCurve, i: number, unit: string, ciLabel: string): string {
  const { label, steps } = group;
  if (i === 0)
    return `${label}<br>t = ${shortNumber(group.startTime)} ${unit}<br>S(t) = 1<br>at risk ${steps[0].nRisk}`;
  const s = steps[i - 1];
  const ci =
    s.lower === null || s.upper === null ? "" : ` (${ciLabel} ${formatFixed(s.lower, 3)}–${formatFixed(s.upper, 3)})`;
  return (
    `${label}<br>t = ${shortNumber(s.time)} ${unit}<br>S(t) = ${formatFixed(s.survival, 3)}${ci}<br>at risk ` +
    `${s.nRisk}, events ${s.nEvent}, censored ${s.nCensor}`
  );
}

function logRankAnnotation(p: number | string, testName: string, top: number): Record<string, unknown> {
  let text: string;
  if (typeof p === "number") {
    if (!(p >= 0 && p <= 1))
      throw new InputError("must be a probability in [0, 1] or a preformatted string", {
        field: "options.logRankP",
        value: p,
      });
    const formatted = formatP(p);
    text = `${testName} p ${formatted.startsWith("<") || formatted.startsWith(">") ? formatted : `= ${formatted}`}`;
  } else {
    text = checkLabel(p, "options.logRankP");
  }
  return {
    text,
    xref: "paper",
    yref: "paper",
    x: 0.98,
    y: top - 0.02,
    xanchor: "right",
    yanchor: "top",
    showarrow: false,
    font: { size: 14 },
    bgcolor: "rgba(255,255,255,0.8)",
  };
}

/** Default tick spacing: months use 1, 2, 3, 6, 12, 24, …; other units 1–2–5 × 10ᵏ; at most 8 intervals. */
function defaultTickInterval(xMax: number, months: boolean): number {
  if (months) for (const c of [1, 2, 3, 6, 12, 24, 36, 48, 60]) if (xMax / c <= 8) return c;
  let power = 10 ** Math.floor(Math.log10(xMax / 8));
  for (;;) {
    for (const m of [1, 2, 5]) if (xMax / (m * power) <= 8) return m * power;
    power *= 10;
  }
}

/** 0, interval, 2·interval, … up to xMax (with a relative fuzz so 24 is kept when xMax = 24). */
function tickTimes(xMax: number, interval: number): number[] {
  const count = Math.floor(xMax / interval + 1e-9);
  return Array.from({ length: count + 1 }, (_, k) => Number((k * interval).toPrecision(12)));
}

interface CheckedCurve {
  readonly label: string;
  readonly steps: readonly KaplanMeierStep[];
  readonly startTime: number;
}

function checkWeightedCount(value: unknown, field: string, index: number): number {
  const v = checkFinite(value, field, index);
  if (v < 0) throw new InputError("must be ≥ 0 (a count, or a weighted count)", { field, index, value: v });
  return v;
}

function checkCurve(curve: KaplanMeierCurve, g: number): CheckedCurve {
  if (curve === null || typeof curve !== "object")
    throw new InputError("must be an object {label, steps}", { field: "curves", index: g, value: curve });
  const label = checkLabel(curve.label, `curves[${g}].label`);
  const field = `curves[${g}].steps`;
  const steps = checkArray<KaplanMeierStep>(curve.steps, field);
  steps.forEach((s, i) => {
    if (s === null || typeof s !== "object")
      throw new InputError("must be a step-table row object", { field, index: i, value: s });
    const time = checkFinite(s.time, `${field}.time`, i);
    if (time < 0) throw new InputError("must be ≥ 0", { field: `${field}.time`, index: i, value: time });
    if (i > 0 && !(time > steps[i - 1].time))
      throw new InputError(`must be > the previous time ${steps[i - 1].time} (one row per distinct time, increasing)`, {
        field: `${field}.time`,
        index: i,
        value: time,
      });
    // Counts may be weighted (R's survfit and survfit.coxph with case weights): non-negative, not always integers.
    const nRisk = checkWeightedCount(s.nRisk, `${field}.nRisk`, i);
    const nEvent = checkWeightedCount(s.nEvent, `${field}.nEvent`, i);
    const nCensor = checkWeightedCount(s.nCensor, `${field}.nCensor`, i);
    if (nEvent + nCensor > nRisk)
      throw new InputError(`nEvent + nCensor = ${nEvent + nCensor} exceeds nRisk`, {
        field: `${field}.nRisk`,
        index: i,
        value: nRisk,
      });
    const survival = checkFinite(s.survival, `${field}.survival`, i);
    const previous = i === 0 ? 1 : steps[i - 1].survival;
    if (survival < 0 || survival > previous)
      throw new InputError(`must be in [0, ${previous}] (survival is non-increasing from 1)`, {
        field: `${field}.survival`,
        index: i,
        value: survival,
      });
    for (const [name, limit] of [
      ["lower", s.lower],
      ["upper", s.upper],
    ] as const) {
      if (limit === null) continue;
      const v = checkFinite(limit, `${field}.${name}`, i);
      if (v < 0 || v > 1)
        throw new InputError("must be in [0, 1] or null", { field: `${field}.${name}`, index: i, value: v });
    }
    if ((s.lower === null) !== (s.upper === null))
      throw new InputError("lower and upper must both be null or both numbers", {
        field: `${field}.lower`,
        index: i,
        value: s.lower,
      });
    if (s.lower !== null && s.upper !== null && !(s.lower <= survival && survival <= s.upper)) {
      throw new InputError(`must satisfy lower ≤ survival ≤ upper (${s.lower} ≤ ${survival} ≤ ${s.upper})`, {
        field: `${field}.lower`,
        index: i,
        value: s.lower,
      });
    }
  });
  const startTime = curve.startTime === undefined ? 0 : checkFinite(curve.startTime, `curves[${g}].startTime`);
  if (startTime < 0 || startTime > steps[0].time)
    throw new InputError(`must be ≥ 0 and ≤ the first time ${steps[0].time}`, {
      field: `curves[${g}].startTime`,
      value: startTime,
    });
  return { label, steps, startTime };
}
