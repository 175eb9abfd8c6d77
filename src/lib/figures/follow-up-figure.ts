import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { shortNumber } from "../core/format";
import { axis, baseLayout, checkArray, checkFinite, checkLabel, figure, paletteColor } from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** One patient's follow-up: a label, the time observed, death (1) or censoring (0), and an optional group. */
export interface FollowUpRow {
  readonly label: string;
  readonly time: number;
  readonly event: number;
  readonly group?: string;
}

const ENDINGS = [
  [1, "x-thin-open", "died"],
  [0, "circle-open", "censored"],
] as const;

/** Options of {@link followUpFigure}. */
export interface FollowUpOptions extends FigureOptions {
  readonly timeUnit?: string;
  readonly xTitle?: string;
}

/**
 * Each patient's follow-up as a horizontal line from time zero, ending in a cross where the patient died and an open
 * circle where follow-up stopped without a death (censored) — the picture behind every survival table. Patients are
 * drawn top to bottom in the order given; colours by group (Okabe–Ito), one legend entry per group and end type.
 * Reference: a "swimmer plot" (Collett D 2015, §1.3, Figure 1.1, draws the same). R: no base function (ggplot2
 * geom_segment + geom_point). SPSS: none. Cost: O(patients).
 *
 * @example
 * followUpFigure([{ label: "1", time: 2, event: 1 }, { label: "2", time: 3, event: 0 }]).data.length // 5
 */
export function followUpFigure(rows: readonly FollowUpRow[], options: FollowUpOptions = {}): PlotlyFigure {
  checkOptions(options);
  const list = checkArray<FollowUpRow>(rows, "rows");
  list.forEach((r, i) => {
    if (r === null || typeof r !== "object")
      throw new InputError("must be { label, time, event }", { field: "rows", index: i, value: r });
    checkLabel(r.label, "rows.label", i);
    if (!(checkFinite(r.time, "rows.time", i) >= 0))
      throw new InputError("must be ≥ 0", { field: "rows.time", index: i, value: r.time });
    if (r.event !== 0 && r.event !== 1)
      throw new InputError("must be 0 (censored) or 1 (died)", { field: "rows.event", index: i, value: r.event });
    if (r.group !== undefined) checkLabel(r.group, "rows.group", i);
  });
  const unit = options.timeUnit === undefined ? "months" : checkLabel(options.timeUnit, "options.timeUnit");
  const groups = [...new Set(list.map((r) => r.group ?? ""))];
  const y = (i: number) => list.length - 1 - i;
  const data: PlotlyTrace[] = [];
  groups.forEach((g, k) => {
    const color = paletteColor(k);
    const members = list.map((r, i) => ({ r, i })).filter(({ r }) => (r.group ?? "") === g);
    const name = g === "" ? "follow-up" : g;
    data.push({
      type: "scatter",
      mode: "lines",
      name,
      legendgroup: name,
      x: members.flatMap(({ r }) => [0, r.time, null]),
      y: members.flatMap(({ i }) => [y(i), y(i), null]),
      line: { color, width: 4 },
      hoverinfo: "skip",
    });
    for (const [event, symbol, what] of ENDINGS) {
      const ends = members.filter(({ r }) => r.event === event);
      if (ends.length === 0) continue;
      data.push({
        type: "scatter",
        mode: "markers",
        name: `${g === "" ? "" : `${g}: `}${what}`,
        legendgroup: name,
        showlegend: false,
        x: ends.map(({ r }) => r.time),
        y: ends.map(({ i }) => y(i)),
        marker: { symbol, size: 14, color, line: { width: 3, color } },
        text: ends.map(({ r }) => `${r.label}: ${what} at ${shortNumber(r.time)} ${unit}`),
        hovertemplate: "%{text}<extra></extra>",
      });
    }
  });
  // One legend entry per ending, in neutral grey, whatever the groups.
  for (const [event, symbol, what] of ENDINGS) {
    if (!list.some((r) => r.event === event)) continue;
    data.push({
      type: "scatter",
      mode: "markers",
      name: what,
      x: [null],
      y: [null],
      marker: { symbol, size: 12, color: "#444444", line: { width: 2.5, color: "#444444" } },
      hoverinfo: "skip",
    });
  }
  const xMax = Math.max(...list.map((r) => r.time));
  const layout = baseLayout("Follow-up of each patient", options, Math.max(320, 120 + 30 * list.length), {
    xaxis: axis(options.xTitle ?? `Time (${unit})`, { range: [0, xMax * 1.05] }),
    yaxis: axis("", {
      tickmode: "array",
      tickvals: list.map((_, i) => y(i)),
      ticktext: list.map((r) => r.label),
      range: [-0.7, list.length - 0.3],
      showgrid: false,
    }),
    hovermode: "closest",
  });
  return figure(data, layout);
}
