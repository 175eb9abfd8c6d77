/**
 * The glossary (data/glossary.json): loading and validating it, the glossary notebook generated from it
 * (notebooks/glossary.ipynb, which the report renders as glossary.html), and the first-use links in the notebook
 * sources. A term's *use* is any of its aliases in a notebook's prose (not in code, math, headings, quotations or
 * other links), matched case-insensitively as a whole word, the longest alias winning where several overlap; its first
 * use in each notebook must be a link `[text](glossary.ipynb#id)`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { notebookFromSource, serializeNotebook } from "./notebook-source";
import { NOTEBOOK_SOURCES_DIR, REPO_ROOT } from "./paths";
import { type ExecutedNotebook, renderNotebookPage } from "./report";

export interface GlossaryTerm {
  readonly id: string;
  readonly term: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  readonly seeAlso: readonly string[];
}

export const GLOSSARY_FILE = join(REPO_ROOT, "data", "glossary.json");
/** The glossary notebook's file name, in notebooks/ (and glossary.html in the report). */
export const GLOSSARY_NOTEBOOK = "glossary.ipynb";

/** Reads and validates data/glossary.json: unique ids (lower-case-dashed), non-empty aliases, no alias shared. */
export function loadGlossary(file = GLOSSARY_FILE): GlossaryTerm[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as { terms?: unknown };
  if (!Array.isArray(data.terms)) throw new Error(`${file}: expected { terms: [...] }`);
  const terms = data.terms as GlossaryTerm[];
  const ids = new Set<string>();
  const aliases = new Map<string, string>();
  terms.forEach((t, i) => {
    const where = `${file}: terms[${i}]`;
    if (typeof t.id !== "string" || !/^[a-z][a-z0-9-]*$/.test(t.id))
      throw new Error(`${where}.id = ${JSON.stringify(t.id)}: lower-case letters, digits and dashes`);
    if (ids.has(t.id)) throw new Error(`${where}.id = "${t.id}" is used twice`);
    ids.add(t.id);
    for (const key of ["term", "definition"] as const)
      if (typeof t[key] !== "string" || t[key].trim() === "")
        throw new Error(`${where}.${key} must be a non-empty string`);
    if (!Array.isArray(t.aliases) || t.aliases.length === 0)
      throw new Error(`${where}.aliases must list at least one spelling`);
    for (const a of t.aliases) {
      const key = a.toLowerCase();
      if (aliases.has(key)) throw new Error(`${where}: alias "${a}" is also an alias of "${aliases.get(key)}"`);
      aliases.set(key, t.id);
    }
    if (!Array.isArray(t.seeAlso)) throw new Error(`${where}.seeAlso must be an array of notebook file names`);
  });
  return terms;
}

/** The first Markdown heading of each notebook source, by .ipynb name (for the glossary's links). */
function notebookTitles(dir = NOTEBOOK_SOURCES_DIR): Map<string, string> {
  const titles = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => /^\d\d-[\w-]+\.md$/.test(n))) {
    const m = /^#\s+(.+)$/m.exec(readFileSync(join(dir, f), "utf8"));
    titles.set(f.replace(/\.md$/, ".ipynb"), m ? m[1].trim() : f);
  }
  return titles;
}

/** The glossary notebook's Markdown: an index of terms, then one anchored section per term, alphabetically. */
export function glossaryMarkdown(terms: readonly GlossaryTerm[], titles = notebookTitles()): string {
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, "en"));
  const index = sorted.map((t) => `[${t.term}](#${t.id})`).join(" · ");
  const sections = sorted.map((t) => {
    const where = t.seeAlso
      .map((nb) => {
        const title = titles.get(nb);
        if (!title)
          throw new Error(`glossary term "${t.id}": seeAlso names ${nb}, which is not a notebook in notebooks/src`);
        return `[${title}](${nb})`;
      })
      .join(" · ");
    return `<a id="${t.id}"></a>\n\n### ${t.term}\n\n${t.definition}\n\n${where ? `*In the notebooks:* ${where}` : ""}`.trim();
  });
  return (
    "# Glossary\n\n" +
    "The terms of survival analysis the notebooks use, each linked from its first use in every notebook. Start " +
    "with [10 · Survival analysis by hand](10-survival-by-hand.ipynb) if the ideas are new to you.\n\n" +
    `${index}\n\n${sections.join("\n\n")}\n\n` +
    "*Generated from `data/glossary.json` by `npm run glossary`.*\n"
  );
}

/** The glossary notebook's JSON (Markdown cells only: it needs no kernel). */
export function glossaryNotebook(terms: readonly GlossaryTerm[], titles = notebookTitles()): string {
  return serializeNotebook(notebookFromSource(glossaryMarkdown(terms, titles), "glossary"));
}

export interface TermUse {
  readonly id: string;
  /** Offset in the source and the text matched (or the link's text). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** True for a glossary link; `linkedTo` is the id it points at. */
  readonly linked: boolean;
  readonly linkedTo: string | null;
}

/** Where a match starts (matchAll always sets it). */
const at = (m: RegExpMatchArray): number => m.index ?? 0;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Regions of a notebook source that are not prose a reader would look a term up in. */
const MASKS: readonly RegExp[] = [
  /^```[\s\S]*?^```[^\n]*$/gm, // fenced code: code cells and ```text blocks
  /`[^`\n]*`/g, // inline code
  /\$\$[\s\S]+?\$\$/g, // display math
  /\$[^$\n]+?\$/g, // inline math
  /^#{1,6}\s.*$/gm, // headings
  /^>.*$/gm, // quotations of the paper
  /<[^>\n]+>/g, // HTML tags
  /https?:\/\/[^\s)]+/g, // bare URLs
];
const LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)/g;
const GLOSSARY_TARGET = new RegExp(`^${escapeRegExp(GLOSSARY_NOTEBOOK)}#([a-z0-9-]+)$`);

/**
 * Every use of a glossary term in a notebook source, in order: glossary links (linked: true) and unlinked matches of
 * an alias in prose. Text inside other links counts as no use.
 */
export function termUses(source: string, terms: readonly GlossaryTerm[]): TermUse[] {
  const masked = new Uint8Array(source.length);
  const mask = (from: number, to: number) => masked.fill(1, from, to);
  for (const re of MASKS) for (const m of source.matchAll(re)) mask(at(m), at(m) + m[0].length);
  const uses: TermUse[] = [];
  for (const m of source.matchAll(LINK)) {
    if (masked[at(m)]) continue;
    const target = GLOSSARY_TARGET.exec(m[2]);
    if (target)
      uses.push({
        id: target[1],
        start: at(m),
        end: at(m) + m[0].length,
        text: m[1],
        linked: true,
        linkedTo: target[1],
      });
    mask(at(m), at(m) + m[0].length);
  }
  const byAlias = new Map<string, string>();
  for (const t of terms) for (const a of t.aliases) byAlias.set(a.toLowerCase(), t.id);
  const alternatives = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_]|-\\p{L})`, "giu");
  for (const m of source.matchAll(pattern)) {
    const end = at(m) + m[0].length;
    if (masked.subarray(at(m), end).some((v) => v === 1)) continue;
    const id = byAlias.get(m[0].toLowerCase());
    if (id) uses.push({ id, start: at(m), end, text: m[0], linked: false, linkedTo: null });
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** Each term's first use in a source (terms never used are absent). */
export function firstUses(source: string, terms: readonly GlossaryTerm[]): TermUse[] {
  const seen = new Set<string>();
  return termUses(source, terms).filter((u) => {
    if (seen.has(u.id)) return false;
    seen.add(u.id);
    return true;
  });
}

/** Links the first use of every term that is not yet linked; returns the new source and the terms linked. */
export function linkFirstUses(source: string, terms: readonly GlossaryTerm[]): { text: string; linked: string[] } {
  const todo = firstUses(source, terms).filter((u) => !u.linked);
  let text = source;
  for (const u of [...todo].reverse())
    text = `${text.slice(0, u.start)}[${u.text}](${GLOSSARY_NOTEBOOK}#${u.id})${text.slice(u.end)}`;
  return { text, linked: todo.map((u) => u.id) };
}

/**
 * Writes the glossary page of the report (DIR/glossary.html) from notebooks/glossary.ipynb, which holds Markdown only
 * and needs no kernel; notebooks link their terms to glossary.ipynb#id, which the report turns into glossary.html#id.
 * Returns the HTML the index page shows for it, or "" when the notebooks folder has no glossary.
 */
export function writeGlossaryPage(out: string, notebooksDir: string): string {
  const file = join(notebooksDir, GLOSSARY_NOTEBOOK);
  if (!existsSync(file)) return "";
  const nb = JSON.parse(readFileSync(file, "utf8")) as ExecutedNotebook;
  writeFileSync(join(out, "glossary.html"), renderNotebookPage(nb, "Glossary", { index: "index.html" }, ""));
  return (
    `<h2>Glossary</h2>\n<p><a href="glossary.html">Glossary</a>: the terms of survival analysis the notebooks ` +
    "use, each linked from its first use in every notebook.</p>\n"
  );
}
