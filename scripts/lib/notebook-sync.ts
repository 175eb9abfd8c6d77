import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  cellsHash,
  notebookCells,
  notebookFromSource,
  notebookToSource,
  serializeNotebook,
  type CellText,
} from "./notebook-source";
import { NOTEBOOKS_DIR, NOTEBOOK_SOURCES_DIR } from "./paths";

/** Lists the literate sources, in notebook order (their NN- prefix). */
export function notebookSources(dir = NOTEBOOK_SOURCES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d\d-[\w-]+\.md$/.test(f))
    .sort();
}

/**
 * How a notebook stands against its source, by cell sources only (outputs, execution counts, ids and
 * metadata play no part, so running and saving in Jupyter changes nothing here):
 * - "in sync": same cells; `bytes` says whether the file is also byte-for-byte what the source generates;
 * - "missing": no .ipynb yet;
 * - "source changed": the .ipynb is as generated (its cells match the hash it records), the .md changed;
 * - "edited": the .ipynb's cells differ from what it was generated from: an edit in Jupyter
 *   (`conflict` when the .md changed too).
 */
export interface NotebookState {
  readonly name: string;
  readonly source: string;
  readonly state: "in sync" | "missing" | "source changed" | "edited";
  /** The file is exactly what the source generates (no outputs, canonical metadata). */
  readonly bytes: boolean;
  /** Edited in Jupyter and the source changed since generation: neither side can simply win. */
  readonly conflict: boolean;
  /** First differing cell (1-based) and its first line in the .ipynb, for messages. */
  readonly firstDifference: { cell: number; line: string } | null;
}

function firstDifference(a: readonly CellText[], b: readonly CellText[]): { cell: number; line: string } | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (a[i]?.type !== b[i]?.type || a[i]?.text !== b[i]?.text)
      return { cell: i + 1, line: (a[i]?.text ?? "(no cell)").split("\n")[0] };
  return null;
}

/** Compares every .ipynb with its literate source (see {@link NotebookState}). Reads only. */
export function notebookStates(options: { sourcesDir?: string; notebooksDir?: string } = {}): NotebookState[] {
  const sourcesDir = options.sourcesDir ?? NOTEBOOK_SOURCES_DIR;
  const notebooksDir = options.notebooksDir ?? NOTEBOOKS_DIR;
  return notebookSources(sourcesDir).map((source): NotebookState => {
    const name = source.replace(/\.md$/, ".ipynb");
    const generated = notebookFromSource(readFileSync(join(sourcesDir, source), "utf8"), source);
    const expectedText = serializeNotebook(generated);
    const target = join(notebooksDir, name);
    if (!existsSync(target))
      return { name, source, state: "missing", bytes: false, conflict: false, firstDifference: null };
    const text = readFileSync(target, "utf8");
    const nb = JSON.parse(text) as {
      cells: { cell_type: string; source: string | string[] }[];
      metadata?: { repro?: { cells?: string } };
    };
    const actual = notebookCells(nb);
    const expected = notebookCells(generated);
    const difference = firstDifference(actual, expected);
    if (difference === null)
      return { name, source, state: "in sync", bytes: text === expectedText, conflict: false, firstDifference: null };
    const recorded = nb.metadata?.repro?.cells;
    const untouched = recorded !== undefined && recorded === cellsHash(actual);
    const sourceChanged = recorded === undefined || recorded !== cellsHash(expected);
    return {
      name,
      source,
      state: untouched ? "source changed" : "edited",
      bytes: false,
      conflict: !untouched && sourceChanged,
      firstDifference: difference,
    };
  });
}

/**
 * `npm run notebooks`: writes every .ipynb from its source (no outputs), except one whose code was
 * edited in Jupyter — that one is refused (listed in `refused`) unless `force`, since writing it would
 * erase the edit; `--pull` ({@link pullNotebooks}) keeps it instead. With write: false, only reports
 * (`changed`: files that are not byte-for-byte what their source generates).
 */
export function syncNotebooks(options: {
  write: boolean;
  force?: boolean;
  sourcesDir?: string;
  notebooksDir?: string;
}): { total: number; changed: string[]; refused: NotebookState[] } {
  const sourcesDir = options.sourcesDir ?? NOTEBOOK_SOURCES_DIR;
  const notebooksDir = options.notebooksDir ?? NOTEBOOKS_DIR;
  const states = notebookStates({ sourcesDir, notebooksDir });
  const changed: string[] = [];
  const refused: NotebookState[] = [];
  for (const s of states) {
    if (s.bytes) continue;
    if (s.state === "edited" && !options.force) {
      refused.push(s);
      continue;
    }
    changed.push(s.name);
    if (options.write)
      writeFileSync(
        join(notebooksDir, s.name),
        serializeNotebook(notebookFromSource(readFileSync(join(sourcesDir, s.source), "utf8"), s.source)),
      );
  }
  return { total: states.length, changed, refused };
}

/**
 * `npm run notebooks -- --pull`: writes the cells of every notebook edited in Jupyter back into its
 * literate source (notebooks/src/NN-name.md), then regenerates that .ipynb from it. A notebook whose
 * source also changed since generation is refused (listed) unless `force`, since pulling would erase
 * the source's change. Outputs saved in the .ipynb are not kept (the report is built by running).
 */
export function pullNotebooks(options: { force?: boolean; sourcesDir?: string; notebooksDir?: string } = {}): {
  pulled: string[];
  refused: NotebookState[];
} {
  const sourcesDir = options.sourcesDir ?? NOTEBOOK_SOURCES_DIR;
  const notebooksDir = options.notebooksDir ?? NOTEBOOKS_DIR;
  const pulled: string[] = [];
  const refused: NotebookState[] = [];
  for (const s of notebookStates({ sourcesDir, notebooksDir })) {
    if (s.state !== "edited") continue;
    if (s.conflict && !options.force) {
      refused.push(s);
      continue;
    }
    const nb = JSON.parse(readFileSync(join(notebooksDir, s.name), "utf8"));
    const markdown = notebookToSource(notebookCells(nb), s.name);
    writeFileSync(join(sourcesDir, s.source), markdown);
    writeFileSync(join(notebooksDir, s.name), serializeNotebook(notebookFromSource(markdown, s.source)));
    pulled.push(s.name);
  }
  return { pulled, refused };
}
