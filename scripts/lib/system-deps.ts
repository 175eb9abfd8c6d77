import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Something the project needs from Debian, how to tell it is there, and the packages that bring it. */
export interface DebianRequirement {
  readonly what: string;
  readonly present: () => boolean;
  readonly packages: readonly string[];
}

function commandSucceeds(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
}

/** True when `name` is an executable file in a folder of $PATH (what a shell would run), without running it. */
function onPath(name: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    if (dir === "") return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** True when Debian's python3 finds every module, without importing them (importing nbconvert takes a second). */
function pythonModulesFound(modules: readonly string[]): boolean {
  return commandSucceeds("/usr/bin/python3", [
    "-c",
    `import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ${JSON.stringify(modules)}) else 1)`,
  ]);
}

/**
 * Debian's Jupyter: the modules scripts/lib/run-notebooks.py imports (nbclient executes, nbconvert writes the
 * notebook), and the `jupyter nbconvert` / `jupyter kernelspec` commands the tests and users run. Checked by
 * looking, not by starting them: `jupyter nbconvert --version` cost reproduce 1.5 s.
 */
export const JUPYTER: DebianRequirement = {
  what: "Jupyter (nbconvert, nbclient)",
  present: () =>
    onPath("jupyter-nbconvert") &&
    onPath("jupyter-kernelspec") &&
    pythonModulesFound(["nbclient", "nbconvert", "jupyter_client", "nbformat"]),
  packages: ["jupyter-nbconvert", "python3-nbclient", "jupyter-client", "python3-ipykernel"],
};

/** Debian's Jupyter Notebook 6 (the classic interface): `npm run notebook` and the Jupyter browser test. */
export const JUPYTER_NOTEBOOK: DebianRequirement = {
  what: "Jupyter Notebook",
  present: () => commandSucceeds("jupyter", ["notebook", "--version"]),
  packages: ["jupyter-notebook"],
};

/** Debian's Chromium, driven by playwright-core in the browser test (never a downloaded browser). */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM: DebianRequirement = {
  what: "Chromium",
  present: () => existsSync(CHROMIUM_PATH),
  packages: ["chromium"],
};

/**
 * Makes sure each requirement is met. Missing packages are installed with apt-get when running as
 * root (as CI and a fresh container do); otherwise this throws with the exact command to run.
 * Nothing is fetched from anywhere but Debian's registry.
 */
export function ensureDebian(requirements: readonly DebianRequirement[], log: (s: string) => void = console.log): void {
  const missing = requirements.filter((r) => !r.present());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  const command = `apt-get update && apt-get install -y ${packages.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = commandSucceeds("sh", ["-c", "command -v apt-get"]);
  if (!isRoot || !hasApt) {
    throw new Error(
      `${missing.map((m) => m.what).join(" and ")} not found. Install ${missing.length > 1 ? "them" : "it"} with:\n  sudo ${command.replace("&& apt-get", "&& sudo apt-get")}`,
    );
  }
  log(`Installing ${missing.map((m) => m.what).join(", ")} from Debian: ${packages.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
  const still = missing.filter((r) => !r.present());
  if (still.length > 0) throw new Error(`${still.map((m) => m.what).join(", ")} still missing after: ${command}`);
}
