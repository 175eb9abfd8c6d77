import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JUPYTER_LOCAL_DIR, TSLAB_BIN } from "./paths";

/**
 * Registers the tslab kernel without global side effects: a kernelspec in the project-local
 * .jupyter-local/kernels/tslab/ (git-ignored) whose argv names node_modules/.bin/tslab by absolute
 * path. Jupyter finds it through JUPYTER_PATH (see {@link jupyterEnv}).
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
  return file;
}

/** The environment under which Jupyter sees the project-local kernelspec. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const existing = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return { ...base, JUPYTER_PATH: `${JUPYTER_LOCAL_DIR}${existing}` };
}
