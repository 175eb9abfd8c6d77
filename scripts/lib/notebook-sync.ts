import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { notebookFromSource, serializeNotebook } from "./notebook-source";
import { NOTEBOOKS_DIR, NOTEBOOK_SOURCES_DIR } from "./paths";

/** Lists the literate sources, in notebook order (their NN- prefix). */
export function notebookSources(dir = NOTEBOOK_SOURCES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d\d-[\w-]+\.md$/.test(f))
    .sort();
}

/** Regenerates (or, with write: false, only compares) every .ipynb from its source. */
export function syncNotebooks(options: { write: boolean; sourcesDir?: string; notebooksDir?: string }): {
  total: number;
  changed: string[];
} {
  const sourcesDir = options.sourcesDir ?? NOTEBOOK_SOURCES_DIR;
  const notebooksDir = options.notebooksDir ?? NOTEBOOKS_DIR;
  const changed: string[] = [];
  const sources = notebookSources(sourcesDir);
  for (const file of sources) {
    const name = file.replace(/\.md$/, ".ipynb");
    const expected = serializeNotebook(notebookFromSource(readFileSync(join(sourcesDir, file), "utf8"), file));
    const target = join(notebooksDir, name);
    const actual = existsSync(target) ? readFileSync(target, "utf8") : null;
    if (actual !== expected) {
      changed.push(name);
      if (options.write) writeFileSync(target, expected);
    }
  }
  return { total: sources.length, changed };
}
