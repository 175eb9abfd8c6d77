/**
 * `npm run notebooks`: regenerates notebooks/NN-name.ipynb from notebooks/src/NN-name.md.
 * `npm run notebooks -- --check`: exits 1 naming each notebook that is out of date (used by tests/CI).
 */
import { syncNotebooks } from "./lib/notebook-sync";

const check = process.argv.includes("--check");
const result = syncNotebooks({ write: !check });
for (const name of result.changed) console.log(`${check ? "out of date" : "wrote"}: notebooks/${name}`);
if (result.changed.length === 0) console.log(`${result.total} notebooks up to date`);
if (check && result.changed.length > 0) {
  console.error("Run `npm run notebooks` to regenerate them from notebooks/src/.");
  process.exit(1);
}
