/**
 * Benchmark: curves and predictions from a Cox fit on n = 1,000,000 rows × 5 covariates (the tied-times data of
 * bench/cox-tied.bench.ts, Efron ties): survfitCox for two covariate patterns with SEs and CIs, predictCox
 * type "expected" with SEs for every row (the heaviest prediction), and adjustedSurvival for two groups over a
 * 20,000-row population — ours vs R's survfit(fit, newdata), predict(fit, type = "expected", se.fit = TRUE) and
 * rowMeans(survfit(fit, newdata = population)$surv) on the same data in the same run. The model fit itself is
 * not timed (bench/cox-tied.bench.ts times it). Target ratio ≤ 0.5. Run: npx tsx bench/cox-curves.bench.ts [n]
 */
import { adjustedSurvival } from "../src/lib/survival/cox-adjusted-survival";
import { coxPH } from "../src/lib/survival/cox-ph";
import { predictCox } from "../src/lib/survival/cox-predict";
import { survfitCox } from "../src/lib/survival/cox-survfit";
import { surv } from "../src/lib/survival/surv";
import { coxBenchData } from "./cox-data";
import { report, runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const population = Math.min(20_000, n);
const { p, time, status, columns, names } = coxBenchData(n, "tied");
const data = writeColumns([time, status, ...columns], n);
const fit = coxPH(surv(time, status), { names, columns });
const newdata = Object.fromEntries(names.map((name, j) => [name, j < 2 ? [0, 1] : [-0.5, 0.5]]));
const pop = Object.fromEntries(names.map((name, j) => [name, columns[j].subarray(0, population)]));
const steps = {
  survfit: timed(() => survfitCox(fit, { newdata })),
  predict: timed(() => predictCox(fit, { type: "expected", seFit: true })),
  adjusted: timed(() =>
    adjustedSurvival(fit, {
      population: pop,
      groups: [
        { label: "x1 = 0", set: { x1: 0 } },
        { label: "x1 = 1", set: { x1: 1 } },
      ],
    }),
  ),
};
const sf = steps.survfit.value.curves[1];
const last = sf.time.length - 1;
const pr = steps.predict.value;
const adj = steps.adjusted.value.curves[1];
console.log(
  `ours: survfit ${steps.survfit.seconds.toFixed(3)} s (S(last) ${sf.surv[last].toFixed(8)}, se ${sf.stdErr![last].toFixed(8)}), ` +
    `predict ${steps.predict.seconds.toFixed(3)} s (expected[0] ${pr.fit[0].toFixed(8)}, se ${pr.seFit![0].toFixed(8)}), ` +
    `adjusted ${steps.adjusted.seconds.toFixed(3)} s (S(last) ${adj.surv[adj.surv.length - 1].toFixed(8)})`,
);
const r = runR<{
  rSeconds: number;
  survfit: number;
  predict: number;
  adjusted: number;
  lastSurv: number;
  lastSe: number;
  expected0: number;
  se0: number;
  adjLast: number;
}>("cox-curves.R", [data.file, String(n), String(p), String(population)]);
if (r)
  console.log(
    `R:    survfit ${r.survfit.toFixed(3)} s (S(last) ${r.lastSurv.toFixed(8)}, se ${r.lastSe.toFixed(8)}), ` +
      `predict ${r.predict.toFixed(3)} s (expected[0] ${r.expected0.toFixed(8)}, se ${r.se0.toFixed(8)}), ` +
      `adjusted ${r.adjusted.toFixed(3)} s (S(last) ${r.adjLast.toFixed(8)})`,
  );
data.cleanup();
const ours = steps.survfit.seconds + steps.predict.seconds + steps.adjusted.seconds;
report("cox-curves", n, ours, r?.rSeconds ?? null, 0.5);
