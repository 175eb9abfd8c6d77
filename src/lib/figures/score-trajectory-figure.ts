import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { formatFixed } from "../core/format";
import { quantile } from "../hypothesis/quantile";
import {
  axis,
  baseLayout,
  checkArray,
  checkLabel,
  figure,
  paletteColor,
  rgba,
  shortNumber,
} from "./internal/figure-style";
import type { FigureOptions, PlotlyFigure, PlotlyTrace } from "./plotly-types";

/** Repeated scores: one row per patient, one column per visit, null where the visit is missing. */
export interface ScoreTrajectoryInput {
  /** Visit labels in time order, e.g. ["Before surgery", "1 month", "3 months"]. */
  readonly visits: readonly string[];
  /** values[patient][visit]: the score, or null when not recorded. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>;
}

/** Options of {@link scoreTrajectoryFigure}. */
export interface ScoreTrajectoryOptions extends FigureOptions {
  /** Name of the score, e.g. "VAS" or "ODI". Default "Score". */
  readonly scoreName?: string;
  /** Y-axis title with its unit/range, e.g. "VAS (0–10, points)". Default: the score name. */
  readonly yTitle?: string;
  /** X-axis title. Default "Visit". */
  readonly xTitle?: string;
  /** Patient identifiers for hover text (one per row). Default "patient 1", "patient 2", … */
  readonly patientIds?: readonly string[];
}

/** Box statistics of one visit: SPSS quartiles (type 6) and Tukey whiskers. */
interface VisitBox {
  readonly n: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly lowerWhisker: number;
  readonly upperWhisker: number;
}

/**
 * Scores over visits (VAS, ODI): a box per visit, thin translucent lines joining each patient's
 * scores at consecutive recorded visits (a missing visit breaks the line), and the visit medians as
 * large markers joined by a line. Quartiles are SPSS's (HAVERAGE, R type 6, as the paper's "M (P25,
 * P75)"), passed to plotly precomputed so the drawn box is exactly these numbers; whiskers run to the
 * most extreme observations within 1.5 IQR of the quartiles (Tukey), and every observation is drawn
 * as a point on its patient's line. The x-axis labels carry n per visit.
 *
 * Reference: Tukey JW. Exploratory Data Analysis (1977) (box plot); Hyndman RJ, Fan Y (1996) Am Stat
 * 50:361 (quantile type 6). R: boxplot(...) (Tukey fivenum hinges, range = 1.5) plus
 * interaction.plot / ggplot2 geom_line(aes(group = id)); SPSS 27: EXAMINE /PLOT BOXPLOT (Tukey
 * hinges, not HAVERAGE quartiles). Cost: O(patients × visits + visits · n log n).
 *
 * @example
 * const fig = scoreTrajectoryFigure({ visits: ["pre", "1m"], values: [[5, 2], [7, 1], [3, 0], [6, 3], [4, 1]] });
 * fig.data.find((t) => t.name === "median")?.y // [5, 1] (the median markers; box "pre": q1 3.5, q3 6.5, whiskers 3–7)
 */
export function scoreTrajectoryFigure(input: ScoreTrajectoryInput, options: ScoreTrajectoryOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (input === null || typeof input !== "object")
    throw new InputError("must be an object {visits, values}", { field: "input", value: input });
  const visits = checkArray<string>(input.visits, "input.visits").map((v, i) => checkLabel(v, "input.visits", i));
  visits.forEach((v, i) => {
    if (visits.indexOf(v) !== i)
      throw new InputError("visit labels must be unique", { field: "input.visits", index: i, value: v });
  });
  const values = checkArray<ReadonlyArray<number | null>>(input.values, "input.values").map((row, p) => {
    const r = checkArray<number | null>(row, `input.values[${p}]`);
    if (r.length !== visits.length)
      throw new InputError(`must have one entry per visit (${visits.length})`, {
        field: "input.values",
        index: p,
        value: row,
      });
    r.forEach((v, j) => {
      if (v !== null && !(typeof v === "number" && Number.isFinite(v)))
        throw new InputError("must be a finite number or null (missing)", {
          field: `input.values[${p}]`,
          index: j,
          value: v,
        });
    });
    return r;
  });
  const scoreName = options.scoreName === undefined ? "Score" : checkLabel(options.scoreName, "options.scoreName");
  const yTitle = options.yTitle === undefined ? scoreName : checkLabel(options.yTitle, "options.yTitle");
  const ids =
    options.patientIds === undefined
      ? values.map((_, p) => `patient ${p + 1}`)
      : checkArray<string>(options.patientIds, "options.patientIds").map((id, p) =>
          checkLabel(id, "options.patientIds", p),
        );
  if (ids.length !== values.length)
    throw new InputError(`must have one id per patient (${values.length})`, {
      field: "options.patientIds",
      value: options.patientIds,
    });

  const boxes = visits.map((_, j) => visitBox(values.map((r) => r[j]).filter((v): v is number => v !== null)));
  const shown = visits
    .map((v, j) => ({ visit: v, box: boxes[j] }))
    .filter((b): b is { visit: string; box: VisitBox } => b.box !== null);
  const color = paletteColor(0);

  // All patients in one trace: each patient's visits, then a null to lift the pen.
  const lineX: (string | null)[] = [];
  const lineY: (number | null)[] = [];
  const lineText: string[] = [];
  values.forEach((row, p) => {
    if (row.every((v) => v === null)) return;
    row.forEach((v, j) => {
      lineX.push(visits[j]);
      lineY.push(v);
      lineText.push(v === null ? "" : `${ids[p]}: ${shortNumber(v)}`);
    });
    lineX.push(null);
    lineY.push(null);
    lineText.push("");
  });

  const data: PlotlyTrace[] = [
    {
      type: "box",
      name: "distribution (P25–P75, Tukey whiskers)",
      x: shown.map((b) => b.visit),
      q1: shown.map((b) => b.box.q1),
      median: shown.map((b) => b.box.median),
      q3: shown.map((b) => b.box.q3),
      lowerfence: shown.map((b) => b.box.lowerWhisker),
      upperfence: shown.map((b) => b.box.upperWhisker),
      boxpoints: false,
      fillcolor: rgba(color, 0.12),
      line: { color, width: 1.5 },
      width: 0.5,
      hoverinfo: "skip",
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "patients",
      x: lineX,
      y: lineY,
      connectgaps: false,
      line: { color: "rgba(80,80,80,0.25)", width: 1 },
      marker: { color: "rgba(80,80,80,0.45)", size: 5 },
      text: lineText,
      hovertemplate: "%{text}<extra></extra>",
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "median",
      x: shown.map((b) => b.visit),
      y: shown.map((b) => b.box.median),
      line: { color: paletteColor(1), width: 2.5 },
      marker: { color: paletteColor(1), size: 12, symbol: "diamond", line: { color: "#FFFFFF", width: 1 } },
      text: shown.map((b) => boxHover(b.visit, b.box)),
      hovertemplate: "%{text}<extra></extra>",
    },
  ];
  const layout = baseLayout(`${scoreName} over visits`, options, 500, {
    xaxis: axis(options.xTitle === undefined ? "Visit" : checkLabel(options.xTitle, "options.xTitle"), {
      type: "category",
      categoryorder: "array",
      categoryarray: visits,
      tickmode: "array",
      tickvals: visits,
      ticktext: visits.map((v, j) => `${v}<br>n=${boxes[j]?.n ?? 0}`),
      showgrid: false,
    }),
    yaxis: axis(yTitle, { rangemode: "tozero" }),
    hovermode: "closest",
  });
  return figure(data, layout);
}

/** SPSS (type 6) quartiles and Tukey whiskers of one visit's observed scores; null when none. */
function visitBox(observed: number[]): VisitBox | null {
  if (observed.length === 0) return null;
  const [q1, median, q3] = quantile(observed, [0.25, 0.5, 0.75], { type: 6 });
  const iqr = q3 - q1;
  const inside = observed.filter((v) => v >= q1 - 1.5 * iqr && v <= q3 + 1.5 * iqr);
  return { n: observed.length, q1, median, q3, lowerWhisker: Math.min(...inside), upperWhisker: Math.max(...inside) };
}

function boxHover(visit: string, b: VisitBox): string {
  const f = (x: number): string => formatFixed(x, 2);
  return (
    `${visit} (n=${b.n})<br>median ${f(b.median)} (P25 ${f(b.q1)}, P75 ${f(b.q3)})<br>whiskers ` +
    `${f(b.lowerWhisker)}–${f(b.upperWhisker)}`
  );
}
