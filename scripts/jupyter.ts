/**
 * `npm run notebook` — opens the notebooks interactively in Jupyter with the project's tslab kernel.
 * Registers the kernel in the project-local .jupyter-local/ (no global side effects) together with the
 * pinned plotly.js that the figures load from the Jupyter server, builds the library the notebooks
 * import (dist/), then starts Jupyter Lab if installed, else Jupyter Notebook (installed from Debian
 * when missing and running as root). Extra arguments go to Jupyter (e.g. `npm run notebook --
 * --no-browser --port 8899`); as root, `--allow-root` is added.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { jupyterEnv, writeKernelSpec } from "./lib/kernel";
import { NOTEBOOKS_DIR, REPO_ROOT } from "./lib/paths";
import { ensureDebian, JUPYTER_NOTEBOOK } from "./lib/system-deps";

const has = (sub: string): boolean => spawnSync("jupyter", [sub, "--version"], { stdio: "ignore" }).status === 0;

if (!has("lab") && !has("notebook")) ensureDebian([JUPYTER_NOTEBOOK]);
const app = has("lab") ? "lab" : "notebook";
execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
const spec = writeKernelSpec();
console.log(`tslab kernel registered in ${spec} (JUPYTER_PATH); choose the kernel "TypeScript (tslab)".`);
const args = process.argv.slice(2);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && !args.includes("--allow-root")) args.push("--allow-root");
const child = spawn("jupyter", [app, ...args], { cwd: NOTEBOOKS_DIR, env: jupyterEnv(), stdio: "inherit" });
// Ctrl-C or a kill reaches Jupyter, which shuts its kernels down.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
