/**
 * Benchmark: Aalen–Johansen cumulative incidence with standard errors and CIs, 3 groups, 2 causes,
 * n = 1,000,000 (times on a 0.1 grid: ~400 distinct), ours (aalenJohansen) vs R survfit(Surv(time,
 * factor(status)) ~ group) on the same seeded data in the same run (R's file reading excluded). R
 * updates every subject's influence at every event time (O(n × times)); ours is closed-form O(n).
 * Target ratio ≤ 0.5. Run: npx tsx bench/aalen-johansen.bench.ts [n]
 */
import { aalenJohansen } from "../src/lib/competing-risks/aalen-johansen";
import { competingRisksData } from "./competing-risks-data";
import { report, runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const { time, status, group } = competingRisksData(n, 0, 0.1, 20261205);
const file = writeColumns([time, status, group], n);
const ours = timed(() => aalenJohansen(time, status, { group, causes: [1, 2] }));
const last = ours.value.curves[2];
const k = last.time.length - 1;
console.log(
  `ours: ${ours.seconds.toFixed(3)} s, last curve ${k + 1} times, pstate ${last.pstate[k].map((v) => v.toFixed(8))}, se ${last.stdErr[k].map((v) => v.toFixed(8))}`,
);
const r = runR<{ rSeconds: number; nTimes: number; last: number[]; lastSe: number[] }>("aalen-johansen.R", [
  file.file,
  String(n),
]);
if (r)
  console.log(
    `R:    ${r.rSeconds.toFixed(3)} s, pstate ${r.last.map((v) => v.toFixed(8))}, se ${r.lastSe.map((v) => v.toFixed(8))}`,
  );
file.cleanup();
report("aalen-johansen", n, ours.seconds, r?.rSeconds ?? null, 0.5);
