/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates, times on a 0.01 grid over a 30-unit
 * follow-up (about 3,000 distinct values; the original benchmark's data), ours vs R survival::coxph on the same
 * seeded data in the same run. Our time covers surv() (validation, near-tie merging) and coxPH (sort, Newton
 * iterations, concordance); R's covers coxph() (system.time inside Rscript, reading the binary file excluded).
 * Other regimes: bench/cox-tied.bench.ts (300 distinct times), bench/cox-continuous.bench.ts (all distinct).
 * Last stdout line: {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB"}.
 * Target: ratio ≤ 0.2, peak RSS ≤ 2 GB. Run: npx tsx bench/cox.bench.ts [n]
 */
import { runCoxBench } from "./cox-common";

runCoxBench("grid", Number(process.argv[2] ?? 1_000_000));
