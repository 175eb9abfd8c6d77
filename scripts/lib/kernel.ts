import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
 * Jupyter finds them through JUPYTER_PATH (see {@link jupyterEnv}). Returns the "tslab" spec's path.
 */
export function writeKernelSpec(): string {
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

/** The environment under which Jupyter sees the project-local kernelspecs. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const existing = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return { ...base, JUPYTER_PATH: `${JUPYTER_LOCAL_DIR}${existing}` };
}
