/**
 * Notebooks are written as literate Markdown (notebooks/src/NN-name.md): prose is Markdown, and every
 * fenced block tagged ```ts (or ```typescript) becomes a code cell. `npm run notebooks` turns each
 * source into notebooks/NN-name.ipynb (no outputs, stable cell ids) and a test keeps the two in sync,
 * so reviewers read and diff plain Markdown while Jupyter users open the .ipynb.
 */

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

/** Builds an unexecuted notebook (nbformat 4.5) from literate Markdown. Deterministic. */
export function notebookFromSource(text: string, sourceName = "notebook"): Notebook {
  const cells = parseNotebookSource(text, sourceName).map((c, i): NotebookCell => {
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
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Serializes a notebook the way Jupyter does (1-space indent, trailing newline). */
export function serializeNotebook(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
