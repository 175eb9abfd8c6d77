/**
 * `npm run notebook` — opens the notebooks interactively in Jupyter with the project's tslab kernel.
 * Registers the kernel in the project-local .jupyter-local/ (no global side effects), builds the
 * library the notebooks import (dist/), then starts Jupyter Lab if installed, else Jupyter Notebook.
 * Extra arguments go to Jupyter (e.g. `npm run notebook -- --no-browser --port 8899`).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { jupyterEnv, writeKernelSpec } from "./lib/kernel";
import { NOTEBOOKS_DIR, REPO_ROOT } from "./lib/paths";

const has = (sub: string): boolean => spawnSync("jupyter", [sub, "--version"], { stdio: "ignore" }).status === 0;

const app = has("lab") ? "lab" : has("notebook") ? "notebook" : null;
if (app === null) {
  console.error(
    "Neither Jupyter Lab nor Jupyter Notebook is installed. On Debian/Ubuntu:\n  sudo apt-get install -y jupyter-notebook",
  );
  process.exit(1);
}
execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
const spec = writeKernelSpec();
console.log(`tslab kernel registered in ${spec} (JUPYTER_PATH); choose the kernel "TypeScript (tslab)".`);
const child = spawn("jupyter", [app, ...process.argv.slice(2)], {
  cwd: NOTEBOOKS_DIR,
  env: jupyterEnv(),
  stdio: "inherit",
});
child.on("exit", (code) => process.exit(code ?? 0));
