import { readFileSync } from "node:fs";
import { htmlTable, resultToHtml, type Cell, type TableOptions } from "../../lib/core/html";
import type { StatResult } from "../../lib/core/result";
import { figureBundle, type PlotlyFigureSpec } from "./figure-html";

/**
 * Display helpers for tslab notebooks. They call tslab's `display` (loaded lazily, so the library
 * works outside a kernel). They return nothing, so a helper on a cell's last line leaves no stray
 * result box under its output.
 */
interface TslabDisplay {
  html(s: string): void;
  markdown(s: string): void;
}

/** tslab's writer of one display_data message (its `display` API sends one MIME type per message). */
type WriteDisplayData = (message: { data: Record<string, unknown>; metadata: object; transient: object }) => void;

function display(): TslabDisplay {
  // Loaded on demand: only a tslab kernel provides a working display.
  return (require("tslab") as { display: TslabDisplay }).display;
}

/**
 * Sends one output with several MIME types. tslab 1.0's public `display` sends a single type per
 * output; its kernel keeps the writer it uses in `tslab/dist/jupyter` (`lastWriteDisplayData`, set
 * for the cell being executed). Falls back to the HTML alone if that internal is missing.
 */
function displayBundle(bundle: Record<string, unknown>): void {
  let write: WriteDisplayData | null = null;
  try {
    write = (require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null }).lastWriteDisplayData;
  } catch {
    write = null;
  }
  if (write) write({ data: bundle, metadata: {}, transient: {} });
  else display().html(String(bundle["text/html"]));
}

/** Text of the pinned plotly.js bundle, read from node_modules (works offline). */
export function plotlySource(): string {
  return readFileSync(plotlyBundlePath(), "utf8");
}

/** Path of the pinned plotly.js bundle (node_modules/plotly.js-dist-min/plotly.min.js). */
export function plotlyBundlePath(): string {
  return require.resolve("plotly.js-dist-min/plotly.min.js");
}

/**
 * Shows a plotly figure in the notebook: HTML that loads plotly.js once per page from the Jupyter
 * server (never stored in the notebook), the plotly JSON for front ends that draw it natively, and a
 * text line. The HTML report inlines plotly.js once per page.
 *
 * @example
 * // In a tslab cell, showFigure(kaplanMeierFigure(curves)) draws the figure; outside a kernel nothing is
 * // shown. What it displays for a figure:
 * Object.keys(figureBundle({ data: [], layout: {} })) // ["text/html", "application/vnd.plotly.v1+json", "text/plain"]
 */
export function showFigure(figure: PlotlyFigureSpec, options: { height?: number } = {}): void {
  displayBundle(figureBundle(figure, options));
}

/**
 * Jupyter Notebook right-aligns every table cell (`.rendered_html td`); the project's tables read
 * left to right as in the HTML report, so outputs holding one carry this rule (a few bytes).
 */
export const TABLE_STYLE =
  "<style>.rendered_html table.repro-table th,.rendered_html table.repro-table td" +
  "{text-align:left;vertical-align:top}</style>";

/** The HTML as shown in a notebook: with {@link TABLE_STYLE} when it holds a project table. */
export function notebookHtml(html: string): string {
  return html.includes('class="repro-table"') ? TABLE_STYLE + html : html;
}

/** Shows rows of plain objects as an HTML table (fixed decimals). */
export function showTable(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, options: TableOptions = {}): void {
  display().html(notebookHtml(htmlTable(rows, options)));
}

/** Shows one or more test results (statistic, df, p, estimate with CI, convention). */
export function showResult(results: StatResult | readonly StatResult[], caption?: string): void {
  display().html(notebookHtml(resultToHtml(results, { caption })));
}

/** Shows raw HTML (for renderers that return HTML strings). */
export function showHtml(html: string): void {
  display().html(notebookHtml(html));
}

/** Shows Markdown text computed in a cell (e.g. a sentence with numbers filled in). */
export function showMarkdown(markdown: string): void {
  display().markdown(markdown);
}
