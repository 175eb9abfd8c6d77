/**
 * npm run readme-status — writes the README's status lines (between its status markers) from the
 * reviewer's summary JSON of the shipped synthetic cohort: the same JSON notebook 07 writes to
 * reports/review.json and the report's index page opens with. `-- --check` only compares, and exits 1 when
 * the README is stale (tests/paper/reproduction/readme-status.test.ts does the same).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readmeWithStatus, shippedReview } from "../src/paper/reproduction";
import { REPO_ROOT } from "./lib/paths";

const check = process.argv.includes("--check");
const file = join(REPO_ROOT, "README.md");
const readme = readFileSync(file, "utf8");
const updated = readmeWithStatus(readme, shippedReview());
if (updated === readme) console.log("README status lines are current.");
else if (check) {
  console.error("README status lines are stale: run `npm run readme-status`.");
  process.exit(1);
} else {
  writeFileSync(file, updated);
  console.log("README status lines updated.");
}
