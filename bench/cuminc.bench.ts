/**
 * Benchmark: cumulative incidence with cmprsk's variances and Gray's test, 3 groups, 2 causes,
 * n = 1,000,000 (times on a 0.1 grid), ours (cuminc) vs R cmprsk::cuminc on the same seeded data in the
 * same run (R's file reading excluded). Target ratio ≤ 0.5. Run: npx tsx bench/cuminc.bench.ts [n]
 */
import { cuminc } from "../src/lib/competing-risks/cuminc";
import { competingRisksData } from "./competing-risks-data";
import { report, runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const { time, status, group } = competingRisksData(n, 0, 0.1, 20261206);
const file = writeColumns([time, status, group], n);
const ours = timed(() => cuminc(time, status, { group }));
console.log(
  `ours: ${ours.seconds.toFixed(3)} s, Gray stat ${ours.value.tests?.map((t) => t.stat?.toFixed(6)).join(", ")}`,
);
const r = runR<{ rSeconds: number; stat: number[] }>("cuminc.R", [file.file, String(n)]);
if (r) console.log(`R:    ${r.rSeconds.toFixed(3)} s, Gray stat ${r.stat.map((v) => v.toFixed(6)).join(", ")}`);
file.cleanup();
report("cuminc", n, ours.seconds, r?.rSeconds ?? null, 0.5);
