/**
 * The Cox benchmark body shared by bench/cox.bench.ts, cox-tied.bench.ts and cox-continuous.bench.ts (regimes:
 * bench/cox-data.ts): times surv() + coxPH (Efron, 5 covariates) and R's coxph on the same data in the same run,
 * each side the fastest of three runs, checks that the coefficients agree, prints the JSON line bench/run.ts
 * collects.
 */
import { coxPH } from "../src/lib/survival/cox-ph";
import { surv } from "../src/lib/survival/surv";
import { coxBenchData, type CoxRegime } from "./cox-data";
import { bestOf, report, runR, writeColumns } from "./lib";

/** Runs per side; the fastest counts (bench/lib.ts bestOf, and the same loop in bench/cox.R). */
const REPS = 3;

export function runCoxBench(regime: CoxRegime, n: number): void {
  const { p, time, status, columns, names } = coxBenchData(n, regime);
  console.log(`${regime} times: ${new Set(time).size} distinct values in ${n} rows`);
  const data = writeColumns([time, status, ...columns], n);
  const ours = bestOf(REPS, () => coxPH(surv(time, status), { names, columns }));
  const fit = ours.value;
  console.log(
    `ours: ${ours.seconds.toFixed(3)} s (fastest of ${REPS}), ${fit.iterations} iterations, coef ${fit.terms.map((t) => t.coef!.toFixed(6)).join(" ")}`,
  );
  console.log(`ours: loglik ${fit.loglik.toFixed(6)}, concordance ${fit.concordance.concordance.toFixed(6)}`);
  const r = runR<{ rSeconds: number; coef: number[]; loglik: number; concordance: number }>("cox.R", [
    data.file,
    String(n),
    String(p),
    String(REPS),
  ]);
  if (r) {
    console.log(
      `R:    ${r.rSeconds.toFixed(3)} s (fastest of ${REPS}), coef ${r.coef.map((c) => c.toFixed(6)).join(" ")}`,
    );
    console.log(`R:    loglik ${r.loglik.toFixed(6)}, concordance ${r.concordance.toFixed(6)}`);
    const maxRel = Math.max(...r.coef.map((c, j) => Math.abs(fit.terms[j].coef! - c) / Math.max(Math.abs(c), 1e-12)));
    console.log(`max relative coefficient difference ours vs R: ${maxRel.toExponential(2)}`);
  }
  data.cleanup();
  report(regime === "grid" ? "cox-efron" : `cox-efron-${regime}`, n, ours.seconds, r?.rSeconds ?? null, 0.2);
}
