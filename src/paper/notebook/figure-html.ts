import { escapeHtml } from "../../lib/core/html";

/** A plotly figure as the figure functions return it: plain data, no DOM. */
export interface PlotlyFigureSpec {
  readonly data: readonly unknown[];
  readonly layout: Readonly<Record<string, unknown>>;
}

/** Marker the HTML report looks for to drop per-notebook copies of plotly.js (it inlines one copy per page). */
export const PLOTLY_LIBRARY_MARKER = "repro-plotly-library";

/** Plotly config used everywhere: no logo, no network-backed buttons, responsive width. */
const PLOTLY_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["sendDataToCloud"] };

/**
 * JSON safe to place inside a `<script>` element: escapes `<`, `>` and `&` and the two JavaScript
 * line separators so no figure text can close the element or break the script.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The HTML of one figure: a div, its spec as JSON, and a script that draws it with `window.Plotly`
 * as soon as plotly.js is on the page (queued until {@link plotlyLibraryHtml} has run). Pure and
 * deterministic: the same figure and id give the same string.
 *
 * Cost: O(size of the figure's JSON).
 *
 * @example
 * figureHtml({ data: [], layout: {} }, "fig-1").startsWith('<div class="repro-plotly" id="fig-1"') // true
 */
export function figureHtml(figure: PlotlyFigureSpec, id: string, options: { height?: number } = {}): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`figure id must be a simple identifier, got ${JSON.stringify(id)}`);
  const height = options.height ?? (typeof figure.layout.height === "number" ? figure.layout.height : 480);
  const spec = scriptSafeJson({ data: figure.data, layout: figure.layout, config: PLOTLY_CONFIG });
  return (
    `<div class="repro-plotly" id="${escapeHtml(id)}" style="width:100%;min-height:${height}px"></div>` +
    `<script type="application/json" id="${escapeHtml(id)}-spec">${spec}</script>` +
    `<script>(function(){var id=${JSON.stringify(id)};` +
    `function draw(){var el=document.getElementById(id);var ` +
    `s=JSON.parse(document.getElementById(id+"-spec").textContent);` +
    `window.Plotly.newPlot(el,s.data,s.layout,s.config);}` +
    `if(window.Plotly){draw();}else{` +
    `(window.__reproPlotlyQueue=window.__reproPlotlyQueue||[]).push(draw);}})();</script>`
  );
}

/**
 * A script element holding the pinned plotly.js bundle (from the `plotly.js-dist-min` package, never
 * a CDN) that then draws every queued figure. `source` is the bundle's text.
 */
export function plotlyLibraryHtml(source: string): string {
  // A literal "</script" inside the bundle would end the element early.
  const safe = source.replace(/<\/script/gi, "<\\/script");
  return (
    `<script data-role="${PLOTLY_LIBRARY_MARKER}">${safe}\n` +
    `;(function(){var ` +
    `q=window.__reproPlotlyQueue||[];window.__reproPlotlyQueue=[];q.forEach(function(f){f();});})();</script>`
  );
}
