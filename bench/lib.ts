/**
 * Shared by the benchmarks: write columns of doubles to a binary file R reads with readBin, run an R
 * timing script on it, and print the final JSON line bench/run.ts collects.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Writes columns (each of length n) as little-endian doubles, column after column; returns the file. */
export function writeColumns(columns: readonly ArrayLike<number>[], n: number): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const file = join(dir, "data.bin");
  const buf = Buffer.alloc(n * columns.length * 8);
  columns.forEach((c, j) => {
    for (let i = 0; i < n; i++) buf.writeDoubleLE(c[i], (j * n + i) * 8);
  });
  writeFileSync(file, buf);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `Rscript bench/<script> args…`; returns the parsed last stdout line, or null when R is absent. */
export function runR<T>(script: string, args: readonly string[]): T | null {
  const r = spawnSync("Rscript", [resolve(__dirname, script), ...args], { encoding: "utf8", maxBuffer: 16 << 20 });
  if (r.status !== 0) {
    console.log(`R not run (${r.error?.message ?? r.stderr.trim().split("\n").pop()})`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

/** Seconds taken by fn (wall clock). */
export function time<T>(fn: () => T): { value: T; seconds: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/**
 * The fastest of `reps` runs of fn (wall clock) and the last run's value. On a shared, noisy machine the
 * minimum is the steadiest estimate of what the code costs; the R side takes the minimum of as many runs.
 */
export function bestOf<T>(reps: number, fn: () => T): { value: T; seconds: number; reps: number } {
  let best = time(fn);
  for (let k = 1; k < reps; k++) {
    const next = time(fn);
    if (next.seconds < best.seconds) best = next;
  }
  return { ...best, reps };
}

/** Prints the ratio and the JSON line bench/run.ts reads. */
export function report(bench: string, n: number, oursSeconds: number, rSeconds: number | null, target: number): void {
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const ratio = rSeconds === null ? null : oursSeconds / rSeconds;
  console.log(
    `ours ${oursSeconds.toFixed(3)} s, R ${rSeconds?.toFixed(3) ?? "—"} s, ratio ${ratio?.toFixed(3) ?? "—"} (target ≤ ${target}), peak RSS ${peakRssMB.toFixed(0)} MB`,
  );
  console.log(JSON.stringify({ bench, n, oursSeconds, rSeconds, ratio, peakRssMB, target }));
}
