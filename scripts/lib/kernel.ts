import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PLOTLY_NBEXTENSION_PATH } from "../../src/paper/notebook/figure-html";
import { plotlyBundlePath } from "../../src/paper/notebook/show";
import { JUPYTER_LOCAL_DIR, TSLAB_BIN } from "./paths";

/**
 * Registers the tslab kernel without global side effects: a kernelspec in the project-local
 * .jupyter-local/kernels/tslab/ (git-ignored) whose argv names node_modules/.bin/tslab by absolute
 * path. Jupyter finds it through JUPYTER_PATH (see {@link jupyterEnv}). Also installs the pinned
 * plotly.js where Jupyter serves it to the figures (see {@link installPlotlyForJupyter}).
 */
export function writeKernelSpec(): string {
  const dir = join(JUPYTER_LOCAL_DIR, "kernels", "tslab");
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [TSLAB_BIN, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (tslab)",
    language: "typescript",
  };
  const file = join(dir, "kernel.json");
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  installPlotlyForJupyter();
  return file;
}

/**
 * Copies node_modules/plotly.js-dist-min/plotly.min.js to .jupyter-local/nbextensions/repro-plotly/
 * (only when it differs). Jupyter Notebook serves the `nbextensions/` folder of every JUPYTER_PATH
 * entry at `<base url>/nbextensions/`, which is where each figure's loader fetches plotly.js once per
 * page — so figures draw after a reload, a reconnect or a restart, and notebooks never store it.
 */
export function installPlotlyForJupyter(): string {
  const source = plotlyBundlePath();
  const target = join(JUPYTER_LOCAL_DIR, PLOTLY_NBEXTENSION_PATH);
  const current =
    existsSync(target) &&
    statSync(target).size === statSync(source).size &&
    readFileSync(target).equals(readFileSync(source));
  if (!current) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
  return target;
}

/** The environment under which Jupyter sees the project-local kernelspec and plotly.js. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const existing = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return { ...base, JUPYTER_PATH: `${JUPYTER_LOCAL_DIR}${existing}` };
}
