/**
 * Notebooks are written as literate Markdown (notebooks/src/NN-name.md): prose is Markdown, and every
 * fenced block tagged ```ts (or ```typescript) becomes a code cell. `npm run notebooks` turns each
 * source into notebooks/NN-name.ipynb (no outputs, stable cell ids) and a test keeps the two in sync,
 * so reviewers read and diff plain Markdown while Jupyter users open the .ipynb. Each generated
 * notebook records a hash of its cells (metadata.repro.cells), so a later edit in Jupyter can be told
 * from a change of the source; `npm run notebooks -- --pull` turns the notebook back into Markdown
 * ({@link notebookToSource}).
 */
import { createHash } from "node:crypto";

export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: 4;
  nbformat_minor: 5;
}

export const TSLAB_KERNELSPEC = { name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" } as const;

const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const FENCE_ANY = /^```/;

/** Splits literate Markdown into cells: Markdown runs and ```ts blocks, in order; blank runs dropped. */
export function parseNotebookSource(
  text: string,
  sourceName = "notebook",
): { type: "markdown" | "code"; text: string }[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const cells: { type: "markdown" | "code"; text: string }[] = [];
  let buffer: string[] = [];
  let mode: "markdown" | "code" | "other-fence" = "markdown";
  let codeStart = 0;
  const flush = (type: "markdown" | "code") => {
    const body = buffer.join("\n").replace(/^\n+|\n+$/g, "");
    if (body.trim() !== "") cells.push({ type, text: body });
    buffer = [];
  };
  for (const [i, line] of lines.entries()) {
    if (mode === "markdown") {
      if (FENCE_OPEN.test(line)) {
        flush("markdown");
        mode = "code";
        codeStart = i + 1;
        continue;
      }
      if (FENCE_ANY.test(line)) mode = "other-fence"; // a non-ts fence stays Markdown
      buffer.push(line);
    } else if (mode === "other-fence") {
      buffer.push(line);
      if (FENCE_ANY.test(line)) mode = "markdown";
    } else if (/^```\s*$/.test(line)) {
      flush("code");
      mode = "markdown";
    } else {
      buffer.push(line);
    }
  }
  if (mode === "code") throw new Error(`${sourceName}: code fence opened at line ${codeStart} is never closed`);
  flush("markdown");
  return cells;
}

/** Jupyter stores a cell's text as lines that keep their trailing "\n" except the last. */
function toSourceLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

/** A cell as the sync check compares it: type and text, CRLF → LF, blank lines at either end dropped. */
export interface CellText {
  readonly type: "markdown" | "code";
  readonly text: string;
}

/**
 * The cells of a notebook as the sync check compares them: markdown and code only (raw cells are
 * kept as markdown), their text normalised the way the literate source parser produces it, blank
 * cells dropped. Outputs, execution counts, ids and metadata play no part. Pure.
 */
export function notebookCells(nb: { cells: { cell_type: string; source: string | string[] }[] }): CellText[] {
  return nb.cells
    .map((c) => ({
      type: c.cell_type === "code" ? ("code" as const) : ("markdown" as const),
      text: (Array.isArray(c.source) ? c.source.join("") : c.source).replace(/\r\n/g, "\n").replace(/^\n+|\n+$/g, ""),
    }))
    .filter((c) => c.text.trim() !== "");
}

/** SHA-256 of cells (type and text), the fingerprint recorded in metadata.repro.cells. */
export function cellsHash(cells: readonly CellText[]): string {
  return createHash("sha256")
    .update(JSON.stringify(cells.map((c) => [c.type, c.text])))
    .digest("hex");
}

/**
 * Literate Markdown from notebook cells (the inverse of {@link parseNotebookSource}): Markdown cells
 * as they are, code cells in ```ts fences, one blank line between cells, a final newline. Throws when
 * the result would not parse back into the same cells (a Markdown cell holding a ```ts fence, or code
 * holding a ``` line), naming the cell.
 */
export function notebookToSource(cells: readonly CellText[], sourceName = "notebook"): string {
  const text = `${cells.map((c) => (c.type === "code" ? `\`\`\`ts\n${c.text}\n\`\`\`` : c.text)).join("\n\n")}\n`;
  const back = parseNotebookSource(text, sourceName);
  const k = cells.findIndex((c, i) => back[i]?.type !== c.type || back[i]?.text !== c.text);
  if (k >= 0 || back.length !== cells.length) {
    const at = k >= 0 ? k : Math.min(back.length, cells.length);
    throw new Error(
      `${sourceName}: cell ${at + 1} (${cells[at]?.type ?? "end"}) cannot be written as literate Markdown: a Markdown ` +
        "cell may not contain a ```ts fence line and a code cell may not contain a ``` line",
    );
  }
  return text;
}

/** Builds an unexecuted notebook (nbformat 4.5) from literate Markdown. Deterministic. */
export function notebookFromSource(text: string, sourceName = "notebook"): Notebook {
  const parsed = parseNotebookSource(text, sourceName);
  const cells = parsed.map((c, i): NotebookCell => {
    const id = `cell-${String(i + 1).padStart(3, "0")}`;
    return c.type === "code"
      ? { cell_type: "code", id, metadata: {}, source: toSourceLines(c.text), execution_count: null, outputs: [] }
      : { cell_type: "markdown", id, metadata: {}, source: toSourceLines(c.text) };
  });
  return {
    cells,
    metadata: {
      kernelspec: { ...TSLAB_KERNELSPEC },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
      // What the notebook was generated from: `npm run notebooks` tells an edit in Jupyter from a source change.
      repro: { source: sourceName, cells: cellsHash(parsed) },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Serializes a notebook the way Jupyter does (1-space indent, trailing newline). */
export function serializeNotebook(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
