import { readFileSync } from "node:fs";
import { join } from "node:path";

/** R reference values written by tests/fixtures/hypothesis/make-fixtures.R (R and package versions in `meta`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ref: any = JSON.parse(readFileSync(join(__dirname, "../fixtures/hypothesis/r-reference.json"), "utf8"));
