import { readFileSync } from "fs";
import { join } from "path";

export const REPO = join(__dirname, "..", "..");

/** Minimal CSV reader for the shipped cohort (no quoted cells in it); the codebook loader replaces it. */
export function readCohortCsv(path = join(REPO, "data", "cohort.csv")): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  const cols = header.split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}
