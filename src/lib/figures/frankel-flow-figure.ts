import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { baseLayout, checkArray, checkCount, checkLabel, figure, NEUTRAL_GREY, rgba } from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure } from "./plotly-types";

/** Options of {@link frankelFlowFigure}. */
export interface FrankelFlowOptions extends FigureOptions {
  /** Grade labels from worst to best, one per row/column. Default Frankel "A"–"E" (A complete lesion, E normal). */
  readonly grades?: readonly string[];
  /** Word before the grade of the left-hand nodes. Default "Before". */
  readonly beforeLabel?: string;
  /** Word before the grade of the right-hand nodes. Default "After". */
  readonly afterLabel?: string;
}

/** Direction of change of one link: after grade better, equal or worse than before. */
export type GradeChange = "improved" | "unchanged" | "worsened";

const CHANGE_COLORS: Readonly<Record<GradeChange, string>> = Object.freeze({
  improved: rgba("#009E73", 0.55),
  unchanged: rgba(NEUTRAL_GREY, 0.35),
  worsened: rgba("#D55E00", 0.7),
});

/** Nodes are neutral dark grey so that colour means only the direction of change of the links. */
const NODE_COLOR = "#5A5A5A";

/**
 * Before → after flow of an ordinal grade (Frankel A–E) as a plotly Sankey diagram from a k × k
 * count matrix (rows: grade before, columns: grade after, both ordered worst to best). Left nodes
 * "Before B (n=7)" and right nodes "After D (n=13)" for every grade with patients; one link per
 * non-zero cell, coloured improved (bluish green), unchanged (grey) or worsened (vermillion), with
 * the totals of each direction in an annotation. Nodes are pinned in grade order, top to bottom,
 * with heights proportional to counts.
 *
 * Reference: Frankel HL et al. (1969) Paraplegia 7:179 (grades); Riehmann P et al. (2005) IEEE
 * InfoVis (Sankey). R: networkD3::sankeyNetwork(Links, Nodes, …) or ggalluvial; SPSS 27: no Sankey
 * (CROSSTABS table only). Cost: O(k²).
 *
 * @example
 * const fig = frankelFlowFigure([[0,0,0,0,0],[0,1,1,3,2],[0,0,0,3,1],[0,0,0,7,5],[1,1,0,1,30]]); // paper Table 2
 * fig.data[0].node.label[0] // "Before B (n=7)"
 * fig.data[0].link.value // [1, 1, 3, 2, 3, 1, 7, 5, 1, 1, 1, 30]
 */
export function frankelFlowFigure(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: FrankelFlowOptions = {},
): PlotlyFigure {
  checkOptions(options);
  const rows = checkArray<ReadonlyArray<number>>(table, "table", 2);
  const k = rows.length;
  const grades =
    options.grades === undefined
      ? defaultGrades(k)
      : checkArray<string>(options.grades, "options.grades").map((g, i) => checkLabel(g, "options.grades", i));
  if (grades.length !== k)
    throw new InputError(`must have one label per row of the ${k} × ${k} table`, {
      field: "options.grades",
      value: options.grades,
    });
  const before = options.beforeLabel === undefined ? "Before" : checkLabel(options.beforeLabel, "options.beforeLabel");
  const after = options.afterLabel === undefined ? "After" : checkLabel(options.afterLabel, "options.afterLabel");
  const counts = rows.map((row, i) => {
    const r = checkArray<number>(row, `table[${i}]`);
    if (r.length !== k)
      throw new InputError(`must have ${k} columns (a square before × after table)`, {
        field: "table",
        index: i,
        value: row,
      });
    return r.map((v, j) => checkCount(v, `table[${i}]`, j));
  });
  const rowSums = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = grades.map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (total === 0) throw new InputError("has no patients (all counts are 0)", { field: "table" });

  // Nodes: grades with patients, before (left) then after (right), each side in grade order.
  const labels: string[] = [];
  const colors: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const beforeNode: number[] = [];
  const afterNode: number[] = [];
  const addSide = (sums: number[], word: string, x: number, index: number[]): void => {
    let cumulative = 0;
    sums.forEach((n, g) => {
      index.push(n > 0 ? labels.length : -1);
      if (n === 0) return;
      labels.push(`${word} ${grades[g]} (n=${n})`);
      colors.push(NODE_COLOR);
      xs.push(x);
      // Centre of the node's share of the column, kept inside (0.02, 0.98).
      ys.push(0.02 + (0.96 * (cumulative + n / 2)) / total);
      cumulative += n;
    });
  };
  addSide(rowSums, before, 0.001, beforeNode);
  addSide(colSums, after, 0.999, afterNode);

  const source: number[] = [];
  const target: number[] = [];
  const value: number[] = [];
  const change: GradeChange[] = [];
  const totals: Record<GradeChange, number> = { improved: 0, unchanged: 0, worsened: 0 };
  counts.forEach((r, i) => {
    r.forEach((n, j) => {
      if (n === 0) return;
      const direction: GradeChange = j > i ? "improved" : j === i ? "unchanged" : "worsened";
      source.push(beforeNode[i]);
      target.push(afterNode[j]);
      value.push(n);
      change.push(direction);
      totals[direction] += n;
    });
  });

  const data = [
    {
      type: "sankey",
      arrangement: "snap",
      valueformat: "d",
      node: {
        label: labels,
        color: colors,
        x: xs,
        y: ys,
        pad: 14,
        thickness: 22,
        line: { color: "#333333", width: 0.5 },
        hovertemplate: "%{label}<extra></extra>",
      },
      link: {
        source,
        target,
        value,
        color: change.map((c) => CHANGE_COLORS[c]),
        customdata: change,
        hovertemplate: "%{source.label} → %{target.label}: %{value} patients (%{customdata})<extra></extra>",
      },
    },
  ];
  const summary =
    `<span style="color:#007A5A">■ improved ${totals.improved}</span>   ` +
    `<span style="color:#5F5F5F">■ unchanged ${totals.unchanged}</span>   ` +
    `<span style="color:#B34E00">■ worsened ${totals.worsened}</span>   (n = ${total})`;
  // A Sankey has no plotting area: Plotly.validate rejects plot_bgcolor on it.
  const { plot_bgcolor: _noPlotArea, ...layout } = baseLayout("Frankel grade before and after surgery", options, 500, {
    showlegend: false,
    margin: { l: 20, r: 20, b: 50 },
    annotations: [
      {
        text: summary,
        xref: "paper",
        yref: "paper",
        x: 0.5,
        y: 0,
        xanchor: "center",
        yanchor: "top",
        yshift: -8,
        showarrow: false,
        font: { size: 14 },
      },
    ],
  });
  return figure(data, layout);
}

function defaultGrades(k: number): string[] {
  if (k > 26) throw new InputError("needs options.grades for more than 26 grades", { field: "options.grades" });
  return Array.from({ length: k }, (_, i) => String.fromCharCode(65 + i));
}
