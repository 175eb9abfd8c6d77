import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

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

/** Debian's Jupyter: nbconvert executes notebooks through nbclient; ipykernel brings jupyter_client's tools. */
export const JUPYTER: DebianRequirement = {
  what: "Jupyter (nbconvert, nbclient)",
  present: () =>
    commandSucceeds("jupyter", ["nbconvert", "--version"]) && commandSucceeds("jupyter", ["kernelspec", "--version"]),
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
