import { escapeHtml } from "../../lib/core/html";

/** A plotly figure as the figure functions return it: plain data, no DOM. */
export interface PlotlyFigureSpec {
  readonly data: readonly unknown[];
  readonly layout: Readonly<Record<string, unknown>>;
}

/** Marker of the script element that holds the plotly.js bundle (the report inlines one per page). */
export const PLOTLY_LIBRARY_MARKER = "repro-plotly-library";

/**
 * Where Jupyter serves the pinned plotly.js bundle, relative to the server's base URL. `npm run
 * notebook` and `npm run reproduce` copy node_modules/plotly.js-dist-min/plotly.min.js to
 * .jupyter-local/nbextensions/repro-plotly/, and Jupyter Notebook serves every `nbextensions/`
 * folder on JUPYTER_PATH under this path (no network, no CDN).
 */
export const PLOTLY_NBEXTENSION_PATH = "nbextensions/repro-plotly/plotly.min.js";

/** Plotly config used everywhere: no logo, no network-backed buttons, responsive width. */
export const PLOTLY_CONFIG = Object.freeze({
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: Object.freeze(["sendDataToCloud"]),
});

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
 * The loader every figure carries (the same few hundred bytes each time, no plotly.js): it draws
 * every figure on the page not drawn yet, each from the JSON element right after its div. When
 * plotly.js is not on the page yet, it loads it once per page — in Jupyter Notebook from the server
 * ({@link PLOTLY_NBEXTENSION_PATH} under the base URL in `body[data-base-url]`, or JupyterLab's
 * `#jupyter-config-data`), elsewhere it waits for {@link plotlyLibraryHtml}. So a figure draws in a
 * fresh kernel, after a restart or reconnect, in a reopened page whose kernel kept running, in a
 * saved notebook opened with no kernel, and in the HTML report, and the notebook file never holds
 * plotly.js. Figures are found by class, not id, so outputs of different kernel sessions on one page
 * cannot collide. If plotly.js cannot be loaded, each placeholder says why.
 */
const LOADER = [
  "(function(){var w=window,d=document,R=w.__reproPlotly=w.__reproPlotly||{};",
  'R.draw=R.draw||function(){var els=d.querySelectorAll("div.repro-plotly:not([data-drawn])");',
  "for(var i=0;i<els.length;i++){var el=els[i],sp=el.nextElementSibling;",
  'if(!sp||sp.className!=="repro-plotly-spec")continue;el.setAttribute("data-drawn","1");',
  'var s=JSON.parse(sp.textContent);el.textContent="";w.Plotly.newPlot(el,s.data,s.layout,s.config);}};',
  "if(w.Plotly){R.draw();return;}if(R.loading)return;",
  'var base=d.body&&d.body.getAttribute("data-base-url"),cfg=d.getElementById("jupyter-config-data");',
  "if(base===null&&cfg){try{base=JSON.parse(cfg.textContent).baseUrl;}catch(e){}}",
  "if(base===null||base===undefined)return;",
  `var src=String(base).replace(/\\/?$/,"/")+${JSON.stringify(PLOTLY_NBEXTENSION_PATH)};`,
  'R.loading=1;var t=d.createElement("script");t.src=src;',
  "t.onload=function(){R.loading=0;if(w.Plotly)R.draw();};",
  "t.onerror=function(){R.loading=0;",
  'var ps=d.querySelectorAll("div.repro-plotly:not([data-drawn]) .repro-plotly-placeholder");',
  'for(var j=0;j<ps.length;j++)ps[j].textContent="plotly.js could not be loaded from "+src+',
  '": start Jupyter with `npm run notebook` (it serves the pinned bundle), or open the HTML report.";};',
  "d.head.appendChild(t);})();",
].join("");

/** The figure's title text, for the placeholder and the text/plain representation. */
export function figureTitle(figure: PlotlyFigureSpec): string {
  const title = figure.layout.title;
  const text =
    typeof title === "string"
      ? title
      : title !== null && typeof title === "object" && typeof (title as { text?: unknown }).text === "string"
        ? (title as { text: string }).text
        : "";
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The HTML of one figure: a div holding a short placeholder, the spec as JSON, and the loader that
 * draws it (see {@link LOADER}): no plotly.js inside, so outputs stay a few kilobytes. Pure and
 * deterministic: the same figure gives the same string.
 *
 * Cost: O(size of the figure's JSON).
 *
 * @example
 * figureHtml({ data: [], layout: {} }).startsWith('<div class="repro-plotly"') // true
 */
export function figureHtml(figure: PlotlyFigureSpec, options: { height?: number } = {}): string {
  const height = options.height ?? (typeof figure.layout.height === "number" ? figure.layout.height : 480);
  if (!(Number.isFinite(height) && height > 0))
    throw new Error(`figure height must be a positive number, got ${height}`);
  const spec = scriptSafeJson({ data: figure.data, layout: figure.layout, config: PLOTLY_CONFIG });
  const title = figureTitle(figure);
  const placeholder =
    `Figure${title ? ` “${escapeHtml(title)}”` : ""}: not drawn. It draws where plotly.js can run: in a trusted ` +
    "notebook served by `npm run notebook`, or in the HTML report.";
  return (
    `<div class="repro-plotly" style="width:100%;min-height:${height}px">` +
    `<p class="repro-plotly-placeholder" style="color:#666;font-style:italic">${placeholder}</p></div>` +
    `<script type="application/json" class="repro-plotly-spec">${spec}</script>` +
    `<script>${LOADER}</script>`
  );
}

/**
 * The MIME bundle of one figure for a notebook output: the HTML above, the plotly JSON
 * (`application/vnd.plotly.v1+json`, which JupyterLab with plotly's extension and VS Code draw
 * natively) and a one-line text/plain for text-only front ends.
 *
 * @example
 * Object.keys(figureBundle({ data: [], layout: { title: { text: "KM" } } }))
 * // ["text/html", "application/vnd.plotly.v1+json", "text/plain"]
 */
export function figureBundle(figure: PlotlyFigureSpec, options: { height?: number } = {}): Record<string, unknown> {
  const title = figureTitle(figure);
  return {
    "text/html": figureHtml(figure, options),
    "application/vnd.plotly.v1+json": { data: figure.data, layout: figure.layout, config: PLOTLY_CONFIG },
    "text/plain": `[plotly figure${title ? `: ${title}` : ""}]`,
  };
}

/**
 * A script element holding the pinned plotly.js bundle (from the `plotly.js-dist-min` package, never
 * a CDN) that then draws every figure already on the page. `source` is the bundle's text. The HTML
 * report puts one in each page's head.
 */
export function plotlyLibraryHtml(source: string): string {
  // A literal "</script" inside the bundle would end the element early.
  const safe = source.replace(/<\/script/gi, "<\\/script");
  return (
    `<script data-role="${PLOTLY_LIBRARY_MARKER}">${safe}\n` +
    ";(function(){var R=window.__reproPlotly;if(R&&R.draw)R.draw();})();</script>"
  );
}
