/**
 * Shared by the three Fine–Gray benchmarks: ours (fineGray) against R (cmprsk::crr with or without its
 * variance, or survival::finegray + coxph) on the same seeded competing-risks data in the same run
 * (R's file reading excluded); prints the JSON line bench/run.ts collects. Target ratio ≤ 0.5.
 */
import { fineGray } from "../src/lib/competing-risks/fine-gray";
import { competingRisksData } from "./competing-risks-data";
import { report, runR, time as timed, writeColumns } from "./lib";

export function fineGrayBench(
  bench: string,
  n: number,
  grid: number,
  method: "crr" | "finegray",
  rMode: "crr" | "crr-novar" | "finegray",
): void {
  const p = 5;
  const { time, status, columns } = competingRisksData(n, p, grid, 20261208);
  const file = writeColumns([time, status, ...columns], n);
  const names = ["x1", "x2", "x3", "x4", "x5"];
  const ours = timed(() => fineGray(time, status, { names, columns }, { failcode: 1, method }));
  const fit = ours.value;
  const fmt = (v: readonly number[]) => v.map((c) => c.toFixed(6)).join(" ");
  console.log(
    `ours: ${ours.seconds.toFixed(3)} s, coef ${fmt(fit.terms.map((t) => t.coef))}, se ${fmt(fit.terms.map((t) => t.se))}`,
  );
  const r = runR<{ rSeconds: number; coef: number[]; se?: number[]; rows?: number }>("fine-gray.R", [
    file.file,
    String(n),
    String(p),
    rMode,
  ]);
  if (r) {
    const extra = `${r.se ? `, se ${fmt(r.se)}` : ""}${r.rows ? `, ${r.rows} expanded rows` : ""}`;
    console.log(`R:    ${r.rSeconds.toFixed(3)} s, coef ${fmt(r.coef)}${extra}`);
  }
  file.cleanup();
  report(bench, n, ours.seconds, r?.rSeconds ?? null, 0.5);
}
