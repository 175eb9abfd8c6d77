import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "./paths";

const DIST = join(REPO_ROOT, "dist");
/** Written after a successful build: the fingerprint of what it was built from. */
export const BUILD_STAMP = join(DIST, ".build-fingerprint");
/** Files every build writes; a stamp without them (dist/ partly deleted) does not count. */
const OUTPUTS = ["lib/index.js", "lib/index.d.ts", "paper/index.js", "paper/index.d.ts"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/**
 * What dist/ depends on, as one SHA-256: every file under src/ (path and bytes), both tsconfig files and
 * the TypeScript version that compiles them. Content, not modification times: a checkout, a copy or a
 * `touch` does not fool it. Cost: reading src/ (a few MB), tens of milliseconds.
 */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const typescript = JSON.parse(
    readFileSync(join(REPO_ROOT, "node_modules", "typescript", "package.json"), "utf8"),
  ) as {
    version: string;
  };
  hash.update(`typescript ${typescript.version}\n`);
  for (const file of [
    ...filesUnder(join(REPO_ROOT, "src")),
    join(REPO_ROOT, "tsconfig.json"),
    join(REPO_ROOT, "tsconfig.build.json"),
  ]) {
    const bytes = readFileSync(file);
    hash.update(`${relative(REPO_ROOT, file)} ${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/** True when dist/ was built, successfully, from exactly the current sources. */
export function distIsCurrent(fingerprint: string = sourceFingerprint()): boolean {
  if (!existsSync(BUILD_STAMP) || OUTPUTS.some((f) => !existsSync(join(DIST, f)))) return false;
  return readFileSync(BUILD_STAMP, "utf8").trim() === fingerprint;
}

/**
 * `npm run build`: compiles src/ to dist/ (tsc -p tsconfig.build.json: CommonJS, .d.ts, source maps) unless
 * dist/ was already built from the same sources, which the stamp dist/.build-fingerprint records. The stamp
 * is removed before compiling and written only when tsc succeeds, so an interrupted or failed build is
 * never taken for a current one. Returns whether it compiled.
 */
export function buildLibrary(options: { force?: boolean; log?: (line: string) => void } = {}): boolean {
  const log = options.log ?? console.log;
  const fingerprint = sourceFingerprint();
  if (!options.force && distIsCurrent(fingerprint)) {
    log("Library: dist/ is current (built from these sources; npm run build -- --force rebuilds).");
    return false;
  }
  log("Building the library (tsc -p tsconfig.build.json)…");
  rmSync(BUILD_STAMP, { force: true });
  execFileSync(join(REPO_ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  writeFileSync(BUILD_STAMP, `${fingerprint}\n`);
  return true;
}
