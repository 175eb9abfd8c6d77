/**
 * `npm run glossary`: writes notebooks/glossary.ipynb from data/glossary.json.
 * `npm run glossary -- --link 04,08`: also links each glossary term's first use in those notebook sources (all with
 *   `--link all`), then regenerate the .ipynb files with `npm run notebooks`. Review the diff: a first use in an odd
 *   place may read better rephrased.
 * `npm run glossary -- --check`: exits 1 if the glossary notebook is stale or a first use is not linked.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstUses, GLOSSARY_NOTEBOOK, glossaryNotebook, linkFirstUses, loadGlossary } from "./lib/glossary";
import { NOTEBOOK_SOURCES_DIR, NOTEBOOKS_DIR } from "./lib/paths";

const args = process.argv.slice(2);
const check = args.includes("--check");
const linkAt = args.indexOf("--link");
const link = linkAt >= 0 ? (args[linkAt + 1] ?? "all") : null;
const terms = loadGlossary();
const sources = readdirSync(NOTEBOOK_SOURCES_DIR)
  .filter((f) => /^\d\d-[\w-]+\.md$/.test(f))
  .sort();
let problems = 0;

const target = join(NOTEBOOKS_DIR, GLOSSARY_NOTEBOOK);
const expected = glossaryNotebook(terms);
if (check) {
  if (!existsSync(target) || readFileSync(target, "utf8") !== expected) {
    console.error(`out of date: notebooks/${GLOSSARY_NOTEBOOK} (run npm run glossary)`);
    problems++;
  }
} else if (!existsSync(target) || readFileSync(target, "utf8") !== expected) {
  writeFileSync(target, expected);
  console.log(`wrote notebooks/${GLOSSARY_NOTEBOOK} (${terms.length} terms)`);
}

for (const file of sources) {
  const path = join(NOTEBOOK_SOURCES_DIR, file);
  const source = readFileSync(path, "utf8");
  if (link !== null && !check && (link === "all" || link.split(",").some((p) => file.startsWith(p)))) {
    const result = linkFirstUses(source, terms);
    if (result.linked.length > 0) {
      writeFileSync(path, result.text);
      console.log(`linked in ${file}: ${result.linked.join(", ")}`);
    }
    continue;
  }
  const unlinked = firstUses(source, terms).filter((u) => !u.linked);
  if (unlinked.length > 0 && check) {
    problems++;
    console.error(`${file}: first use not linked: ${unlinked.map((u) => `${u.id} ("${u.text}")`).join(", ")}`);
  }
}
if (problems > 0) process.exit(1);
