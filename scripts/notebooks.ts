/**
 * `npm run notebooks`: regenerates notebooks/NN-name.ipynb from notebooks/src/NN-name.md — but never
 * over an edit made in Jupyter: a notebook whose code differs from what it was generated from is left
 * alone and listed (exit 1).
 * `npm run notebooks -- --pull`: writes such Jupyter edits back into notebooks/src/NN-name.md (then
 * regenerates the .ipynb from it); refused where the .md changed too, unless --force.
 * `npm run notebooks -- --force`: regenerates every .ipynb from its source, discarding Jupyter edits.
 * `npm run notebooks -- --check`: exits 1 naming each notebook that is not exactly what its source
 * generates (used by tests/CI to keep the committed files clean).
 * `--dir DIR`: work on DIR/*.ipynb and DIR/src/*.md instead of notebooks/ (for tests).
 */
import { join, resolve } from "node:path";
import { pullNotebooks, syncNotebooks, type NotebookState } from "./lib/notebook-sync";

const args = process.argv.slice(2);
const check = args.includes("--check");
const pull = args.includes("--pull");
const force = args.includes("--force");
const dirAt = args.indexOf("--dir");
const dirs =
  dirAt >= 0 && args[dirAt + 1]
    ? { notebooksDir: resolve(args[dirAt + 1]), sourcesDir: join(resolve(args[dirAt + 1]), "src") }
    : {};
for (const [i, a] of args.entries())
  if (!["--check", "--pull", "--force", "--dir"].includes(a) && !(i === dirAt + 1 && dirAt >= 0)) {
    console.error(`notebooks: unknown option ${a} (see the header of scripts/notebooks.ts)`);
    process.exit(2);
  }

const where = (s: NotebookState): string =>
  s.firstDifference
    ? ` (first difference: cell ${s.firstDifference.cell}, ${JSON.stringify(s.firstDifference.line.slice(0, 60))})`
    : "";

let failed = false;
if (pull) {
  const r = pullNotebooks({ force, ...dirs });
  for (const name of r.pulled)
    console.log(`pulled: notebooks/${name} → notebooks/src/${name.replace(/\.ipynb$/, ".md")}`);
  for (const s of r.refused) {
    failed = true;
    console.error(
      `not pulled: notebooks/${s.name} was edited in Jupyter and notebooks/src/${s.source} changed too${where(s)}. ` +
        "Merge by hand, or `npm run notebooks -- --pull --force` to keep the Jupyter version.",
    );
  }
  if (r.pulled.length === 0 && r.refused.length === 0)
    console.log("no notebook was edited in Jupyter: nothing to pull");
} else {
  const r = syncNotebooks({ write: !check, force, ...dirs });
  for (const name of r.changed) console.log(`${check ? "out of date" : "wrote"}: notebooks/${name}`);
  for (const s of r.refused) {
    failed = true;
    console.error(
      `not overwritten: notebooks/${s.name} — its code differs from notebooks/src/${s.source}, and not because the ` +
        `source changed: it was edited in Jupyter${where(s)}. \`npm run notebooks -- --pull\` copies the edit into ` +
        "the source; `npm run notebooks -- --force` discards it.",
    );
  }
  if (r.changed.length === 0 && r.refused.length === 0) console.log(`${r.total} notebooks up to date`);
  if (check && r.changed.length > 0) {
    failed = true;
    console.error("Run `npm run notebooks` to regenerate them from notebooks/src/.");
  }
}
if (failed) process.exit(1);
