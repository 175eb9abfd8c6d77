/**
 * No hand-typed numbers in the notebooks' prose. Every number written in a Markdown cell must either
 * appear among the notebook's executed outputs (so a cell computed it), or be marked as quoted from
 * the paper with `<q>…</q>`. Not counted as numbers: code spans, math (`$…$`), link targets, and
 * structural references — notebook and section numbers in headings and links ("04 ·"), "Table 4",
 * "Figures 1–2", "§4.4", citations ("Am J Epidemiol 167:492", "(2008)", "Suissa 2008"), dates ("1
 * April 2024"), DOIs and licence versions ("CC BY 4.0").
 *
 * A prose number matches an output number when the output, rounded to the prose's decimals, prints
 * the same: 0.27 in the text matches a computed 0.266; 58.18 matches 58.18%.
 */

/** A number in prose that no output holds and no `<q>` marks. */
export interface UnmatchedNumber {
  readonly notebook: string;
  /** 1-based index among all cells. */
  readonly cell: number;
  readonly number: string;
  /** The text around it. */
  readonly context: string;
}

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: { output_type: string; text?: string | string[]; data?: Record<string, unknown> }[];
}

const joinText = (t: unknown): string => (Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "");

/** Numbers: digits with an optional decimal part, an optional leading minus (ASCII or U+2212). */
const NUMBER = /(?<![\w.\-−])[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?![\w]|\.\d)/g;

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

/** Text removed before numbers are read (replaced by a space). */
const REMOVED: readonly RegExp[] = [
  /```[\s\S]*?```/g, // fenced code
  /`[^`\n]*`/g, // code spans
  /\$\$[\s\S]+?\$\$/g, // display math
  /\$[^$\n]+\$/g, // inline math
  /<q>[\s\S]*?<\/q>/g, // quoted from the paper
  /\]\([^)]*\)/g, // link targets
  /https?:\/\/\S+/g,
  /\bdoi:\S+/gi,
  /<[^>]+>/g, // HTML tags
  /^#+\s*\d+(?:\.\d+)*\s*·/gm, // "# 04 ·", "## 1 ·" in headings
  /\[\d{2}\b/g, // "[05 · …](…)", "[00 Index](…)": links to notebooks
  /\b(?:Tables?|Figures?|Figs?\.|Eq\.|[Ss]ections?|[Nn]otebooks?|[Cc]ells?|[Ss]teps?|part)\s*\d+(?:\.\d+)*(?:\s*(?:[–-]|and|,|&)\s*\d+(?:\.\d+)*)*/g,
  /§\s*\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?/g, // "§4.4", "§4.4–4.5"
  /\b\d+\s*:\s*[a-z]?\d+(?:[–-]\d+)?/g, // journal volume:pages, "13:1743422", "340:b5087"
  /\b\d+(?:\.\d+)+-\d+\b/g, // software versions, "survival 3.5-3"
  new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}\\b`, "g"), // dates
  new RegExp(`\\b(?:${MONTHS})\\s+\\d{4}\\b`, "g"),
  /\((?:[^()]*?\s)?(?:19|20)\d\d[a-z]?\)/g, // "(2026)", "(Simon & Makuch 1984)"
  /(?:\bet al\.?|&\s*[A-Z][\w-]+|\b[A-Z][a-z]+(?:\s+[A-Z]{1,2})?),?\s+(?:19|20)\d\d\b/g, // "Suissa 2008", "et al. 2010"
  /\bCC BY(?:-[A-Z]+)* \d+(?:\.\d+)*/g,
];

/**
 * Every number a reader sees in the outputs: stream text, and of each rich output the representation
 * shown (HTML as text, without scripts, styles or tags — so a figure's JSON does not count — else
 * Markdown, else plain text).
 */
function outputNumbers(cells: readonly NotebookCell[]): string[] {
  const texts: string[] = [];
  for (const cell of cells) {
    for (const out of cell.outputs ?? []) {
      texts.push(joinText(out.text));
      const data = out.data ?? {};
      if (data["text/html"] !== undefined)
        texts.push(
          joinText(data["text/html"])
            .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
            .replace(/<[^>]+>/g, " ")
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&amp;/g, "&"),
        );
      else if (data["text/markdown"] !== undefined) texts.push(joinText(data["text/markdown"]));
      else texts.push(joinText(data["text/plain"]));
    }
  }
  return [...texts.join("\n").matchAll(NUMBER)].map((m) => normalise(m[0]));
}

function normalise(token: string): string {
  return token.replace("−", "-").replace(/,(?=\d{3})/g, "");
}

function decimalsOf(token: string): number {
  const dot = token.indexOf(".");
  return dot < 0 ? 0 : token.length - dot - 1;
}

/** True when some output number, rounded to the prose number's decimals, prints the prose number. */
function matches(prose: string, outputs: ReadonlySet<string>, values: readonly number[]): boolean {
  if (outputs.has(prose)) return true;
  const d = decimalsOf(prose);
  const target = Number(prose);
  const tolerance = 0.5 * 10 ** -d + 1e-12;
  return values.some((x) => Math.abs(x - target) <= tolerance && Number(x.toFixed(d)) === target);
}

/** The prose of a Markdown cell with code, math, quotes and references taken out. */
export function proseForNumbers(markdown: string): string {
  return REMOVED.reduce((text, pattern) => text.replace(pattern, " "), markdown);
}

/**
 * Numbers in the Markdown cells of an executed notebook that no output holds and no `<q>` marks.
 *
 * @example unmatchedProseNumbers("x.ipynb", { cells: [{ cell_type: "markdown", source: "HR 0.27" }] })
 * // [{ notebook: "x.ipynb", cell: 1, number: "0.27", context: "HR 0.27" }]
 */
export function unmatchedProseNumbers(notebook: string, nb: { cells: readonly NotebookCell[] }): UnmatchedNumber[] {
  const outputs = outputNumbers(nb.cells);
  const outputSet = new Set(outputs);
  const values = [...new Set(outputs)].map(Number).filter(Number.isFinite);
  const found: UnmatchedNumber[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "markdown") return;
    const prose = proseForNumbers(joinText(cell.source));
    for (const m of prose.matchAll(NUMBER)) {
      const number = normalise(m[0]);
      if (matches(number, outputSet, values)) continue;
      const at = m.index ?? 0;
      const context = prose
        .slice(Math.max(0, at - 50), at + m[0].length + 30)
        .replace(/\s+/g, " ")
        .trim();
      found.push({ notebook, cell: i + 1, number, context });
    }
  });
  return found;
}
