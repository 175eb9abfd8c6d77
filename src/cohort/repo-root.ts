import { join } from "path";

/** Repository root: src/cohort/ and dist/cohort/ both sit two levels below it. */
export const REPO_ROOT = join(__dirname, "..", "..");
