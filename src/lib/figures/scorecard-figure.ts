import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { formatFixed } from "../core/format";
import { axis, baseLayout, checkArray, checkCount, checkLabel, figure } from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** Counts of published numbers by paper section and verdict. */
export interface ScorecardCounts {
  /** Verdicts, best first, e.g. ["reproduced", "inconsistent", "not reproducible"]. */
  readonly categories: readonly string[];
  /** One bar per section, top to bottom; counts[c] is the count of categories[c]. */
  readonly sections: ReadonlyArray<{ readonly label: string; readonly counts: readonly number[] }>;
}

/** Options of {@link scorecardFigure}. */
export interface ScorecardOptions extends FigureOptions {
  /** X-axis title. Default "Published numbers (count)". */
  readonly xTitle?: string;
}

/**
 * Verdict colours in category order (Okabe–Ito): bluish green (best), orange, vermillion, sky blue,
 * reddish purple, blue, then grey for any further category.
 */
const VERDICT_COLORS = ["#009E73", "#E69F00", "#D55E00", "#56B4E9", "#CC79A7", "#0072B2"] as const;
const OTHER_VERDICT_COLOR = "#999999";

/**
 * The reproduction scorecard: one horizontal stacked bar per paper section, a segment per verdict
 * (reproduced / inconsistent / not reproducible / …) with its count printed inside and, on hover,
 * the count, the section total and the percentage of the section. Sections run top to bottom in
 * input order; the total is written at the end of each bar.
 *
 * Reference: the project's scorecard (published vs reproduced vs audit verdict); stacked bars as in
 * Cleveland WS, McGill R (1984) JASA 79:531. R: barplot(t(counts), horiz = TRUE) or ggplot2
 * geom_col(position = "stack"); SPSS 27: GRAPH /BAR(STACK). Cost: O(sections × categories).
 *
 * @example
 * const counts = { categories: ["reproduced", "inconsistent"], sections: [{ label: "Table 1", counts: [8, 2] }] };
 * const fig = scorecardFigure(counts);
 * fig.data[0].x // [8]
 * fig.data[1].x // [2]
 * fig.data[1].hovertext // ["Table 1: inconsistent 2 of 10 (20.0%)"]
 */
export function scorecardFigure(counts: ScorecardCounts, options: ScorecardOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (counts === null || typeof counts !== "object")
    throw new InputError("must be an object {categories, sections}", { field: "counts", value: counts });
  const categories = checkArray<string>(counts.categories, "counts.categories").map((c, i) =>
    checkLabel(c, "counts.categories", i),
  );
  const sections = checkArray<{ label: string; counts: readonly number[] }>(counts.sections, "counts.sections").map(
    (s, i) => {
      if (s === null || typeof s !== "object")
        throw new InputError("must be an object {label, counts}", { field: "counts.sections", index: i, value: s });
      const label = checkLabel(s.label, "counts.sections.label", i);
      const row = checkArray<number>(s.counts, `counts.sections[${i}].counts`);
      if (row.length !== categories.length)
        throw new InputError(`must have one count per category (${categories.length})`, {
          field: `counts.sections[${i}].counts`,
          value: s.counts,
        });
      return { label, counts: row.map((v, c) => checkCount(v, `counts.sections[${i}].counts`, c)) };
    },
  );
  const xTitle =
    options.xTitle === undefined ? "Published numbers (count)" : checkLabel(options.xTitle, "options.xTitle");
  const labels = sections.map((s) => s.label);
  const totals = sections.map((s) => s.counts.reduce((a, b) => a + b, 0));

  const data: PlotlyTrace[] = categories.map((category, c) => ({
    type: "bar",
    orientation: "h",
    name: category,
    y: labels,
    x: sections.map((s) => s.counts[c]),
    marker: { color: VERDICT_COLORS[c] ?? OTHER_VERDICT_COLOR, line: { color: "#FFFFFF", width: 1 } },
    text: sections.map((s) => (s.counts[c] > 0 ? String(s.counts[c]) : "")),
    textposition: "inside",
    insidetextanchor: "middle",
    hovertext: sections.map(
      (s, i) => `${s.label}: ${category} ${s.counts[c]} of ${totals[i]} (${percent(s.counts[c], totals[i])})`,
    ),
    hoverinfo: "text",
  }));
  data.push({
    type: "scatter",
    mode: "text",
    name: "total",
    showlegend: false,
    y: labels,
    x: totals,
    text: totals.map((t) => `\u2002n = ${t}`), // en space: clear of the bar end
    textposition: "middle right",
    cliponaxis: false,
    hoverinfo: "skip",
  });
  const layout = baseLayout("Reproduction scorecard by section", options, Math.max(320, 170 + 40 * sections.length), {
    barmode: "stack",
    bargap: 0.3,
    xaxis: axis(xTitle, { range: [0, Math.max(1, ...totals) * 1.12] }),
    yaxis: { autorange: "reversed", type: "category", automargin: true, showgrid: false, ticks: "" },
    margin: { l: 140, r: 30, b: 60 },
    legend: { traceorder: "normal" },
  });
  return figure(data, layout);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${formatFixed((100 * part) / whole, 1)}%`;
}
