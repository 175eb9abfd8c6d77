import { escapeHtml } from "../../src/lib/core/html";
import { headingAnchor } from "../../src/paper/audit/heading-anchor";

/**
 * Headings, anchors and the contents list of a report page. Anchors follow Jupyter Notebook (the heading's
 * text with spaces as "-"), so a link such as `03-neurological-function.ipynb#Paired-data-need-paired-tests`
 * works in Jupyter and, rewritten to `.html`, in the report.
 */

const HEADING = /<h([1-4])>([\s\S]*?)<\/h\1>/g;

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The plain text of rendered heading HTML: tags dropped, the entities markdown-it writes decoded. */
function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]);
}

/**
 * Gives every h1–h4 without an id the Jupyter-style anchor of its text (a repeated heading gets "-2", "-3").
 *
 * @example addHeadingIds("<h2>Every number</h2>") // '<h2 id="Every-number">Every number</h2>'
 */
export function addHeadingIds(html: string): string {
  const seen = new Map<string, number>();
  return html.replace(HEADING, (_, level: string, inner: string) => {
    const base = headingAnchor(plainText(inner));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    return `<h${level} id="${escapeHtml(id)}">${inner}</h${level}>`;
  });
}

/**
 * A contents list of a page's h2 and h3 headings (which must carry ids, see {@link addHeadingIds}), h3s
 * nested under their h2; empty when the page has fewer than two headings.
 *
 * @example contentsList('<h2 id="A">A</h2><h2 id="B">B</h2>') // '<nav class="toc">…<a href="#A">A</a>…'
 */
export function contentsList(html: string): string {
  const items: { level: number; id: string; text: string }[] = [];
  for (const m of html.matchAll(/<h([23]) id="([^"]*)">([\s\S]*?)<\/h\1>/g))
    items.push({ level: Number(m[1]), id: m[2], text: plainText(m[3]) });
  if (items.length < 2) return "";
  let out = "";
  let openSub = false;
  for (const [i, it] of items.entries()) {
    const link = `<a href="#${it.id}">${escapeHtml(it.text)}</a>`;
    if (it.level === 2) {
      if (openSub) {
        out += "</ol></li>";
        openSub = false;
      } else if (i > 0) out += "</li>";
      out += `<li>${link}`;
    } else {
      if (!openSub) {
        out += i === 0 ? "<li><ol>" : "<ol>";
        openSub = true;
      }
      out += `<li>${link}</li>`;
    }
  }
  out += openSub ? "</ol></li>" : "</li>";
  return `<nav class="toc" aria-label="Contents"><strong>On this page</strong><ol>${out}</ol></nav>`;
}

/**
 * Puts the contents list after the page's first h1 (or first, without one).
 *
 * @example withContents("<h1 id='x'>T</h1><h2 id='a'>a</h2><h2 id='b'>b</h2>") // "<h1 …>T</h1><nav class=\"toc\">…"
 */
export function withContents(html: string): string {
  const withIds = addHeadingIds(html);
  const toc = contentsList(withIds);
  if (toc === "") return withIds;
  const end = withIds.indexOf("</h1>");
  return end < 0 ? toc + withIds : `${withIds.slice(0, end + 5)}\n${toc}${withIds.slice(end + 5)}`;
}

/**
 * Links to notebooks in HTML a notebook displayed (e.g. the reviewer's summary) point to `.ipynb`; on the
 * report's pages they must point to the `.html` page, keeping the #anchor.
 *
 * @example notebookLinksToHtml('<a href="03-x.ipynb#A">') // '<a href="03-x.html#A">'
 */
export function notebookLinksToHtml(html: string): string {
  return html.replace(
    /href="([^"/:]+?)\.ipynb(#[^"]*)?"/g,
    (_, base: string, hash = "") => `href="${base}.html${hash}"`,
  );
}
