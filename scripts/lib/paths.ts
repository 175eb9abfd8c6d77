import { resolve } from "node:path";

/** Repository root (scripts/lib/ → ../..). */
export const REPO_ROOT = resolve(__dirname, "..", "..");
export const NOTEBOOKS_DIR = resolve(REPO_ROOT, "notebooks");
/** Literate sources of the notebooks: Markdown with ```ts cells (see scripts/lib/notebook-source.ts). */
export const NOTEBOOK_SOURCES_DIR = resolve(NOTEBOOKS_DIR, "src");
export const REPORTS_DIR = resolve(REPO_ROOT, "reports");
/** Project-local Jupyter data dir (on JUPYTER_PATH) holding the tslab kernelspec: no global install. */
export const JUPYTER_LOCAL_DIR = resolve(REPO_ROOT, ".jupyter-local");
export const TSLAB_BIN = resolve(REPO_ROOT, "node_modules", ".bin", "tslab");
