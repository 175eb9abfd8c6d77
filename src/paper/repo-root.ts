import { join } from "node:path";

/** Repository root: src/paper/ and dist/paper/ both sit two levels below it. */
export const REPO_ROOT = join(__dirname, "..", "..");
