import katex from "katex";
import MarkdownIt from "markdown-it";
import { plotlyLibraryHtml } from "../../src/paper/notebook/figure-html";
import { escapeHtml } from "../../src/lib/core/html";
import { REVIEW_CSS } from "../../src/paper/audit/review-css";
import { ANSI_COLOURS } from "./ansi";
import { notebookLinksToHtml, withContents } from "./report-toc";

/**
 * The HTML report: one self-contained page per executed notebook plus an index. Pages carry their
 * own CSS, math rendered to MathML at build time (KaTeX; browsers draw MathML natively, so no fonts
 * or scripts are needed) and, when a page has figures, one inlined copy of the pinned plotly.js.
 * Nothing is loaded from a network: the pages work offline, opened from disk. Output is
 * deterministic (no timestamps).
 */

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  /** MIME bundle: text types as a string or lines; JSON types (application/*+json) as objects. */
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}
export interface ExecutedNotebook {
  cells: Cell[];
}

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
const text = (t: unknown): string => (Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "");

/** Renders $$…$$ and $…$ (outside code) to MathML, then Markdown to HTML. Links to .ipynb become .html. */
export function renderMarkdown(source: string): string {
  const pieces = source.split(/(```[\s\S]*?```|`[^`\n]*`)/g); // keep code untouched
  const withMath = pieces
    .map((piece, i) => {
      if (i % 2 === 1) return piece;
      return piece
        .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) =>
          katex.renderToString(tex.trim(), { output: "mathml", displayMode: true, throwOnError: true }),
        )
        .replace(
          /(^|[^\\$])\$([^$\n]+?)\$/g,
          (_, pre: string, tex: string) => pre + katex.renderToString(tex, { output: "mathml", throwOnError: true }),
        );
    })
    .join("");
  return md
    .render(withMath)
    .replace(/href="([^"]+?)\.ipynb(#[^"]*)?"/g, (_, base: string, hash = "") => `href="${base}.html${hash}"`);
}

function renderOutput(out: Output): string {
  switch (out.output_type) {
    case "stream":
      return `<pre class="out ${out.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(text(out.text))}</pre>`;
    case "error":
      return `<pre class="out error">${escapeHtml(`${out.ename}: ${out.evalue}\n${(out.traceback ?? []).join("\n")}`.replace(ANSI_COLOURS, ""))}</pre>`;
    case "display_data":
    case "execute_result": {
      const data = out.data ?? {};
      if (data["text/html"] !== undefined) {
        // Figures carry only their spec and a loader; plotly.js is inlined once per page in <head>.
        return `<div class="out html">${notebookLinksToHtml(text(data["text/html"]))}</div>`;
      }
      if (data["image/png"] !== undefined)
        return `<div class="out"><img alt="figure" src="data:image/png;base64,${text(data["image/png"]).trim()}"></div>`;
      if (data["image/svg+xml"] !== undefined) return `<div class="out">${text(data["image/svg+xml"])}</div>`;
      if (data["text/markdown"] !== undefined)
        return `<div class="out md">${renderMarkdown(text(data["text/markdown"]))}</div>`;
      if (data["text/plain"] !== undefined)
        return `<pre class="out stdout">${escapeHtml(text(data["text/plain"]))}</pre>`;
      return "";
    }
    default:
      return "";
  }
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1.5rem;line-height:1.55;color:#1d1d1f}
nav.top,nav.bottom{display:flex;justify-content:space-between;gap:1rem;font-size:.95rem;margin:.5rem 0 1.5rem}
a{color:#0b5cad}
pre{background:#f6f8fa;padding:.6rem .8rem;overflow-x:auto;border-radius:6px;font-size:.85rem}
.cell.code pre.src{border-left:3px solid #0b5cad}
pre.out{background:#fff;border:1px solid #e3e3e3}
pre.stderr,pre.error{border-color:#d33;color:#a00}
table.repro-table,.md table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
table.repro-table th,table.repro-table td,.md th,.md td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}
table.repro-table caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0}
th{background:#f6f8fa}
.synthetic{background:#fff4ce;border:1px solid #e0b000;padding:.5rem .8rem;border-radius:6px}
math[display=block]{margin:.6rem 0}
nav.toc{background:#f6f8fa;border:1px solid #e3e3e3;border-radius:6px;padding:.4rem .9rem;margin:.8rem 0 1.2rem;font-size:.92rem}
nav.toc ol{margin:.2rem 0;padding-left:1.3rem}nav.toc ol ol{list-style:lower-alpha}
${REVIEW_CSS}`;

export interface PageLinks {
  readonly index: string;
  readonly previous?: { href: string; title: string };
  readonly next?: { href: string; title: string };
}

/** The first Markdown heading of a notebook, used as its title. */
export function notebookTitle(nb: ExecutedNotebook, fallback: string): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec(text(cell.source));
    if (m) return m[1].trim();
  }
  return fallback;
}

function page(title: string, body: string, plotly: string | null): string {
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style>${plotly ? plotlyLibraryHtml(plotly) : ""}</head>\n<body>\n${body}\n</body></html>\n`
  );
}

function nav(links: PageLinks, cls: string): string {
  const prev = links.previous
    ? `<a href="${escapeHtml(links.previous.href)}">← ${escapeHtml(links.previous.title)}</a>`
    : "<span></span>";
  const next = links.next
    ? `<a href="${escapeHtml(links.next.href)}">${escapeHtml(links.next.title)} →</a>`
    : "<span></span>";
  return `<nav class="${cls}">${prev}<a href="${escapeHtml(links.index)}">Contents</a>${next}</nav>`;
}

/** One notebook as a standalone HTML page. `plotlySource` is the text of the pinned plotly.js bundle. */
export function renderNotebookPage(
  nb: ExecutedNotebook,
  title: string,
  links: PageLinks,
  plotlySource: string,
): string {
  const cells = nb.cells
    .map((cell) => {
      if (cell.cell_type === "markdown")
        return `<section class="cell md">${renderMarkdown(text(cell.source))}</section>`;
      if (cell.cell_type !== "code") return "";
      const src = `<pre class="src"><code class="language-ts">${escapeHtml(text(cell.source))}</code></pre>`;
      return `<section class="cell code">${src}${(cell.outputs ?? []).map(renderOutput).join("")}</section>`;
    })
    .join("\n");
  const hasFigures = cells.includes('class="repro-plotly"');
  return page(
    title,
    `${nav(links, "top")}\n${withContents(cells)}\n${nav(links, "bottom")}`,
    hasFigures ? plotlySource : null,
  );
}

export interface IndexEntry {
  readonly href: string;
  readonly title: string;
  readonly file: string;
  readonly codeCells: number;
}

/**
 * The report's contents page. `dataNote` (HTML) says which data the notebooks ran on; `summary` is the
 * reviewer's summary (HTML from notebook 07's reports/review.json), placed first, under its own heading;
 * `extra` is HTML placed after the list of notebooks. The page gets a contents list of its headings.
 */
export function renderIndexPage(entries: readonly IndexEntry[], dataNote: string, extra = "", summary = ""): string {
  const items = entries
    .map(
      (e) =>
        `<li><a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a> <small>(${escapeHtml(e.file)}, ${e.codeCells} code cells)</small></li>`,
    )
    .join("\n");
  const body =
    `<h1>Reproduction report</h1>\n` +
    `<p>Li J, Zheng Y, Lv X, et al. (2026) <em>Surgical management of spinal metastases from primary lung carcinoma: ` +
    `demographics, clinical characteristics, and outcomes — a retrospective analysis.</em> Front. Surg. 13:1743422. ` +
    `<a href="https://doi.org/10.3389/fsurg.2026.1743422">doi:10.3389/fsurg.2026.1743422</a> (CC BY 4.0).</p>\n` +
    `<p class="synthetic">${dataNote}</p>\n` +
    (summary ? `<h2>Reviewer's summary</h2>\n${summary}\n` : "") +
    `<h2>Notebooks</h2>\n<ol>\n${items}\n</ol>\n${extra}`;
  return page("Reproduction report — Li et al. 2026", withContents(body), null);
}

const BANNER_START = "<!--repro-banner-->";
const BANNER_END = "<!--/repro-banner-->";

/**
 * Puts a banner at the top of a report page (after `<body>`), replacing one placed before. Used to
 * mark the last good report after a failed run, so nothing shown looks like the latest run's result.
 */
export function withBanner(html: string, banner: string): string {
  const clean = html.replace(new RegExp(`${BANNER_START}[\\s\\S]*?${BANNER_END}\\n?`), "");
  return clean.replace(/<body>\n?/, (body) => `${body}${BANNER_START}${banner}${BANNER_END}\n`);
}

/** What the banner of a stale report says: when the shown run succeeded and where the latest one failed. */
export interface StaleReport {
  /** ISO time the shown report was written, or null when unknown. */
  readonly lastSuccess: string | null;
  /** ISO time of the failed run. */
  readonly failedAt: string;
  /** "notebook 04-survival.ipynb, cell 7 (code cell 3)" or a sentence for failures outside a notebook. */
  readonly where: string;
  /** Folder (relative to the page) holding the failed run's executed notebooks, if kept. */
  readonly failedRunHref: string | null;
}

const when = (iso: string): string =>
  iso
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC")
    .replace(/Z$/, " UTC");

/** The banner HTML for a report left from an earlier, successful run (inline style: no CSS needed). */
export function staleBanner(s: StaleReport): string {
  const shown = s.lastSuccess
    ? `This report is from the last successful run, at ${escapeHtml(when(s.lastSuccess))}.`
    : "This report is from an earlier successful run.";
  const link = s.failedRunHref
    ? ` The failed run's executed notebooks are in <a href="${escapeHtml(s.failedRunHref)}">${escapeHtml(s.failedRunHref)}</a>.`
    : "";
  return (
    `<div class="repro-stale" role="alert" style="background:#fde7e9;border:2px solid #b3261e;color:#5f1410;` +
    `padding:.6rem .9rem;border-radius:6px;margin:0 0 1rem"><strong>Not the latest run.</strong> ${shown} ` +
    `The latest run, at ${escapeHtml(when(s.failedAt))}, failed at ${escapeHtml(s.where)}; nothing from it is shown ` +
    `here.${link}</div>`
  );
}
