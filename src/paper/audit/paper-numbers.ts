import { NUMBER_WORDS, type PaperSection } from "./registry";

/** One number in the paper: its section, the printed text and its offset in the section text. */
export interface PaperNumberToken {
  readonly section: PaperSection;
  readonly text: string;
  readonly offset: number;
  /** ~40 characters either side, for messages. */
  readonly context: string;
}

/** The text of one section of the paper (whitespace runs normalised to one space). */
export interface PaperSectionText {
  readonly section: PaperSection;
  readonly text: string;
}

const HEADING_SECTIONS: ReadonlyArray<readonly [RegExp, PaperSection]> = [
  [/^### 2\.1 /, "2.1"],
  [/^### 2\.2 /, "2.2"],
  [/^### 2\.3 /, "2.3"],
  [/^### 3 /, "3"],
  [/^### 4\.1 /, "4.1"],
  [/^### 4\.2 /, "4.2"],
  [/^### 4\.3 /, "4.3"],
  [/^### 4\.4 /, "4.4"],
  [/^### 4\.5 /, "4.5"],
  [/^## 5 /, "5"],
];
const END_OF_SCOPE = /^## Data availability statement/;

/**
 * Whitespace-normalised text (runs of spaces, tabs, newlines → one space), so quotes need not
 * reproduce the markdown's line breaks and tabs.
 *
 * @example
 * normaliseText("B\t7\n 0") // "B 7 0"
 */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isTableLine(line: string): boolean {
  const t = line.trim();
  return t === "" || line.includes("\t") || t.startsWith("<sup>") || t.startsWith("\\*") || /^TABLE \d/.test(t);
}

/**
 * Splits the markdown copy of the paper into the audited sections: the structured abstract, §2.1–§5
 * (up to the data availability statement) and each table (caption, cells and footnotes) as its own
 * section. Heading lines and markdown list markers are dropped (they are layout, not numbers).
 *
 * Cost: O(length of the text).
 *
 * @example
 * const md = "**Objective:** 55 patients.\n### 2.1 Patients\nWe included 55.\n## Data availability statement\nnone";
 * paperSections(md).map((s) => s.section) // ["abstract", "2.1"]
 */
export function paperSections(markdown: string): readonly PaperSectionText[] {
  const lines = markdown.split("\n");
  const buckets = new Map<PaperSection, string[]>();
  const push = (s: PaperSection, l: string): void => {
    if (!buckets.has(s)) buckets.set(s, []);
    buckets.get(s)!.push(l);
  };
  const abstractLine = lines.find((l) => l.includes("**Objective:**"));
  if (abstractLine !== undefined) push("abstract", abstractLine.slice(abstractLine.indexOf("**Objective:**")));
  let current: PaperSection | null = null;
  let table: PaperSection | null = null;
  for (const line of lines) {
    if (END_OF_SCOPE.test(line)) break;
    const heading = HEADING_SECTIONS.find(([re]) => re.test(line));
    if (heading) {
      current = heading[1];
      table = null;
      continue;
    }
    if (current === null) continue;
    const caption = /^TABLE (\d) /.exec(line);
    if (caption) table = `Table ${caption[1]}` as PaperSection;
    else if (table !== null && !isTableLine(line)) table = null;
    if (/^#+ /.test(line)) continue; // sub-headings ("Inclusion criteria:", "Abbreviations")
    const body = line.replace(/^\s*\d+\.\s+/, ""); // ordered-list markers
    push(table ?? current, body);
  }
  return [...buckets.entries()].map(([section, ls]) => ({ section, text: normaliseText(ls.join("\n")) }));
}

const WORDS = Object.keys(NUMBER_WORDS).join("|");
/** Digits (with an optional leading minus sign not glued to a word) or a number word. */
const TOKEN = new RegExp(`(?<![\\w.\\-])-?\\d+(?:\\.\\d+)?(?![\\w]|\\.\\d)|\\b(?:${WORDS})\\b`, "gi");

/**
 * Every number in the audited sections of the paper, digits or number words ("one-year"), in order.
 * A number glued to a word (ROS1, COVID-19's 19 after a hyphen) is not a token.
 *
 * Cost: O(length of the text).
 *
 * @example
 * const tokens = paperNumberTokens("### 4.4 Survival\nThe median was 16.83 months.");
 * tokens.map((t) => [t.section, t.text]) // [["4.4", "16.83"]]
 */
export function paperNumberTokens(markdown: string): readonly PaperNumberToken[] {
  const out: PaperNumberToken[] = [];
  for (const { section, text } of paperSections(markdown)) {
    for (const m of text.matchAll(TOKEN)) {
      const offset = m.index ?? 0;
      out.push({
        section,
        text: m[0],
        offset,
        context: text.slice(Math.max(0, offset - 40), offset + m[0].length + 40),
      });
    }
  }
  return out;
}
