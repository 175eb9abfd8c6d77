import { readFileSync } from "node:fs";
import { htmlTable, resultToHtml, type Cell, type TableOptions } from "../../lib/core/html";
import type { StatResult } from "../../lib/core/result";
import { figureHtml, plotlyLibraryHtml, type PlotlyFigureSpec } from "./figure-html";

/**
 * Display helpers for tslab notebooks. They call tslab's `display` (loaded lazily, so the library
 * works outside a kernel) and keep a per-kernel counter so figure ids are deterministic: the n-th
 * figure of a notebook run is always "fig-n".
 */
interface TslabDisplay {
  html(s: string): void;
  markdown(s: string): void;
}

let figureCount = 0;
let plotlyShown = false;

function display(): TslabDisplay {
  // Loaded on demand: only a tslab kernel provides a working display.
  return (require("tslab") as { display: TslabDisplay }).display;
}

/** Text of the pinned plotly.js bundle, read from node_modules (works offline). */
export function plotlySource(): string {
  return readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
}

/**
 * Shows a plotly figure in the notebook. The first call in a kernel session also emits plotly.js
 * itself (inlined, from the pinned package); the HTML report keeps one copy per page.
 *
 * @example
 * // In a tslab cell, showFigure(kaplanMeierFigure(curves)) displays the figure and returns its id ("fig-1" for the
 * // first figure of a run); outside a kernel there is no display. What it displays for that figure:
 * figureHtml({ data: [], layout: {} }, "fig-1").startsWith('<div class="repro-plotly" id="fig-1"') // true
 */
export function showFigure(figure: PlotlyFigureSpec, options: { height?: number } = {}): string {
  const id = `fig-${++figureCount}`;
  const parts: string[] = [];
  if (!plotlyShown) {
    parts.push(plotlyLibraryHtml(plotlySource()));
    plotlyShown = true;
  }
  parts.push(figureHtml(figure, id, options));
  display().html(parts.join(""));
  return id;
}

/** Shows rows of plain objects as an HTML table (fixed decimals). */
export function showTable(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, options: TableOptions = {}): void {
  display().html(htmlTable(rows, options));
}

/** Shows one or more test results (statistic, df, p, estimate with CI, convention). */
export function showResult(results: StatResult | readonly StatResult[], caption?: string): void {
  display().html(resultToHtml(results, { caption }));
}

/** Shows raw HTML (for renderers that return HTML strings). */
export function showHtml(html: string): void {
  display().html(html);
}

/** Shows Markdown text computed in a cell (e.g. a sentence with numbers filled in). */
export function showMarkdown(markdown: string): void {
  display().markdown(markdown);
}
