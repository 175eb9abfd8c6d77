import { readFileSync } from "node:fs";
import { join } from "node:path";

/** R reference values written by tests/fixtures/hypothesis/make-fixtures.R (R and package versions in `meta`). */
/** One case of R's reference JSON: loosely typed, each test reads the fields it checks. */
// biome-ignore lint/suspicious/noExplicitAny: R's JSON fixture; each test reads and checks the fields it needs
export type RCase = any;
export const ref: RCase = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/hypothesis/r-reference.json"), "utf8"),
);
