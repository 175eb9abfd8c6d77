import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PLOTLY_NBEXTENSION_PATH } from "../../src/paper/notebook/figure-html";
import { plotlyBundlePath } from "../../src/paper/notebook/show";
import { JUPYTER_LOCAL_DIR, REPO_ROOT, TSLAB_BIN } from "./paths";

/** Name of the kernelspec `npm run reproduce` uses: tslab plus fault capture and reuse (tslab-kernel.cjs). */
export const REPRODUCE_KERNEL = "tslab-reproduce";

function writeSpec(name: string, spec: Record<string, unknown>): string {
  const dir = join(JUPYTER_LOCAL_DIR, "kernels", name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "kernel.json");
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  return file;
}

/**
 * Registers the tslab kernels without global side effects: kernelspecs in the project-local
 * .jupyter-local/kernels/ (git-ignored). "tslab" (what the notebooks name, for Jupyter) runs
 * node_modules/.bin/tslab by absolute path; "tslab-reproduce" runs the same tslab through
 * scripts/lib/tslab-kernel.cjs (fault capture, reuse across notebooks) with this Node binary.
 * Jupyter finds them through JUPYTER_PATH (see {@link jupyterEnv}). Also installs the pinned plotly.js where
 * Jupyter serves it to the figures (see {@link installPlotlyForJupyter}). Returns the "tslab" spec's path.
 */
export function writeKernelSpec(): string {
  installPlotlyForJupyter();
  writeSpec(REPRODUCE_KERNEL, {
    argv: [
      process.execPath,
      join(REPO_ROOT, "scripts", "lib", "tslab-kernel.cjs"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ],
    display_name: "TypeScript (tslab, reproduce)",
    language: "typescript",
  });
  return writeSpec("tslab", {
    argv: [TSLAB_BIN, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (tslab)",
    language: "typescript",
  });
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

/** The environment under which Jupyter sees the project-local kernelspecs and plotly.js. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const existing = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return { ...base, JUPYTER_PATH: `${JUPYTER_LOCAL_DIR}${existing}` };
}
