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
  NEUTRAL_GREY,
  paletteColor,
  shortNumber,
} from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** One row of a forest plot: a ratio estimate with its confidence interval. */
export interface ForestPlotRow {
  /** Row label, e.g. "Visceral metastases (yes vs no)". */
  readonly label: string;
  /** Hazard ratio (or any ratio), > 0. */
  readonly estimate: number;
  /** Lower confidence limit, 0 < lower ≤ estimate. */
  readonly lower: number;
  /** Upper confidence limit, estimate ≤ upper < ∞. */
  readonly upper: number;
  /** p-value shown in the text column, or null/omitted. */
  readonly pValue?: number | null;
}

/** Options of {@link forestPlotFigure}. */
export interface ForestPlotOptions extends FigureOptions {
  /** Name of the ratio in the axis title and text column. Default "HR". */
  readonly estimateName?: string;
  /** Confidence level of the limits, for labels. Default 0.95. */
  readonly confLevel?: number;
  /** Decimals of the estimate and limits in the text column. Default 2. */
  readonly decimals?: number;
  /** X-axis title. Default "HR (log scale; 95% CI)" (with `estimateName` and `confLevel`). */
  readonly xTitle?: string;
}

/**
 * Forest plot of ratios (hazard ratios of a Cox model, odds ratios, …) on a log axis: a square at
 * each estimate, a whisker from lower to upper limit, a dashed reference line at 1, the row labels on
 * the left and a text column "HR (95% CI), p" on the right. Rows run top to bottom in input order.
 * Log-axis ticks are 1–2–5 × 10ᵏ within the range, which spans the limits (and 1) with a 1.3× margin.
 *
 * Reference: Lewis S, Clarke M (2001) BMJ 322:1479 (forest plots). R: forestplot::forestplot(…,
 * xlog = TRUE) or survminer::ggforest(coxph fit) (defaults: log axis, 95% CI). SPSS 27: no forest
 * plot for COXREG (Exp(B) table only).
 * Cost: O(rows).
 *
 * @example
 * const fig = forestPlotFigure([{ label: "BMA", estimate: 0.4, lower: 0.2, upper: 0.8, pValue: 0.009 }]);
 * fig.data[2].x // [0.4] (the square; the whisker runs from 0.2 to 0.8)
 */
export function forestPlotFigure(rows: readonly ForestPlotRow[], options: ForestPlotOptions = {}): PlotlyFigure {
  checkOptions(options);
  const checked = checkArray<ForestPlotRow>(rows, "rows").map((row, i) => checkRow(row, i));
  const name = options.estimateName === undefined ? "HR" : checkLabel(options.estimateName, "options.estimateName");
  const confLevel = options.confLevel ?? 0.95;
  if (!(typeof confLevel === "number" && confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: options.confLevel });
  const decimals = options.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new InputError("must be an integer 0–6", { field: "options.decimals", value: options.decimals });
  const ciLabel = `${formatFixed(confLevel * 100, 0)}% CI`;
  const n = checked.length;
  const ys = checked.map((_, i) => n - 1 - i); // first row on top
  const low = Math.min(1, ...checked.map((r) => r.lower)) / 1.3;
  const high = Math.max(1, ...checked.map((r) => r.upper)) * 1.3;
  const texts = checked.map((r) => rowText(r, decimals));

  const whiskerX: (number | null)[] = [];
  const whiskerY: (number | null)[] = [];
  checked.forEach((r, i) => {
    if (i > 0) {
      whiskerX.push(null);
      whiskerY.push(null);
    }
    whiskerX.push(r.lower, r.upper);
    whiskerY.push(ys[i], ys[i]);
  });
  const color = paletteColor(0);
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "reference",
      showlegend: false,
      x: [1, 1],
      y: [-0.5, n - 0.5],
      line: { dash: "dash", color: NEUTRAL_GREY, width: 1.2 },
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "lines",
      name: ciLabel,
      showlegend: false,
      x: whiskerX,
      y: whiskerY,
      line: { color, width: 2 },
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "markers",
      name,
      showlegend: false,
      x: checked.map((r) => r.estimate),
      y: ys,
      marker: { symbol: "square", size: 11, color },
      text: checked.map((r, i) => `${r.label}<br>${name} ${texts[i]}`),
      hovertemplate: "%{text}<extra></extra>",
    },
    {
      type: "scatter",
      mode: "text",
      name: `${name} (${ciLabel}), p`,
      showlegend: false,
      xaxis: "x2",
      yaxis: "y",
      x: ys.map(() => 0),
      y: ys,
      text: texts,
      textposition: "middle right",
      cliponaxis: false,
      hoverinfo: "skip",
    },
  ];
  const ticks = logTicks(low, high);
  const layout = baseLayout(`${name} with ${ciLabel}`, options, Math.max(320, 160 + 44 * n), {
    showlegend: false,
    xaxis: axis(
      options.xTitle === undefined ? `${name} (log scale; ${ciLabel})` : checkLabel(options.xTitle, "options.xTitle"),
      {
        type: "log",
        domain: [0, 0.6],
        range: [Math.log10(low), Math.log10(high)],
        tickmode: "array",
        tickvals: ticks,
        ticktext: ticks.map((t) => shortNumber(t)),
      },
    ),
    xaxis2: { domain: [0.63, 1], range: [0, 1], visible: false, fixedrange: true },
    yaxis: {
      range: [-0.7, n - 0.3],
      tickmode: "array",
      tickvals: ys,
      ticktext: checked.map((r) => r.label),
      showgrid: false,
      zeroline: false,
      showline: false,
      ticks: "",
      automargin: true,
      fixedrange: true,
    },
    annotations: [
      {
        text: `<b>${name} (${ciLabel}), p</b>`,
        xref: "paper",
        yref: "paper",
        x: 0.63,
        y: 1,
        xanchor: "left",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 14 },
      },
    ],
  });
  return figure(data, layout);
}

/** "2.31 (1.12–4.77), p = 0.023"; the p part only when a p-value is given. */
function rowText(r: ForestPlotRow, decimals: number): string {
  const f = (x: number) => formatFixed(x, decimals);
  const base = `${f(r.estimate)} (${f(r.lower)}–${f(r.upper)})`;
  if (r.pValue === null || r.pValue === undefined) return base;
  const p = formatP(r.pValue);
  return `${base}, p ${p.startsWith("<") || p.startsWith(">") ? p : `= ${p}`}`;
}

/** Log-axis ticks 1, 2, 5 × 10ᵏ inside [low, high]. */
function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(low)); k <= Math.ceil(Math.log10(high)); k++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= low && t <= high) ticks.push(t);
    }
  }
  return ticks;
}

function checkRow(row: ForestPlotRow, i: number): ForestPlotRow {
  if (row === null || typeof row !== "object")
    throw new InputError("must be an object {label, estimate, lower, upper, pValue?}", {
      field: "rows",
      index: i,
      value: row,
    });
  const label = checkLabel(row.label, "rows.label", i);
  const estimate = checkFinite(row.estimate, "rows.estimate", i);
  const lower = checkFinite(row.lower, "rows.lower", i);
  const upper = row.upper;
  if (upper === Infinity)
    throw new InputError("an infinite limit cannot be drawn on a log axis; report this row in a table instead", {
      field: "rows.upper",
      index: i,
      value: upper,
    });
  checkFinite(upper, "rows.upper", i);
  if (!(estimate > 0))
    throw new InputError("must be > 0 (a ratio on a log axis)", { field: "rows.estimate", index: i, value: estimate });
  if (!(lower > 0 && lower <= estimate))
    throw new InputError(`must satisfy 0 < lower ≤ estimate (${estimate})`, {
      field: "rows.lower",
      index: i,
      value: lower,
    });
  if (!(upper >= estimate))
    throw new InputError(`must be ≥ estimate (${estimate})`, { field: "rows.upper", index: i, value: upper });
  const p = row.pValue;
  if (p !== null && p !== undefined && !(typeof p === "number" && p >= 0 && p <= 1))
    throw new InputError("must be in [0, 1] or null", { field: "rows.pValue", index: i, value: p });
  return { label, estimate, lower, upper, pValue: p ?? null };
}
