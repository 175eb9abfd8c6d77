import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/paper/repo-root";

/**
 * `npm run build` once per test run, however many test files (each in its own worker process) need
 * dist/: the first caller builds, the others wait for it, so no two builds write dist/ at once.
 */
export function buildOnce(): void {
  const lock = join(tmpdir(), `repro-build-${process.ppid}`);
  const done = `${lock}.done`;
  try {
    mkdirSync(lock);
  } catch {
    const started = Date.now();
    while (!existsSync(done)) {
      if (Date.now() - started > 600_000) throw new Error(`waited 10 min for another test file's build (${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    return;
  }
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  writeFileSync(done, "");
}
