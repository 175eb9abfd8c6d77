/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates with continuous (untied) times, ours vs R
 * survival::coxph on the same seeded data in the same run. Our time covers surv() (validation, near-tie
 * merging) and coxPH (sort, Newton iterations, concordance); R's covers coxph() (system.time inside Rscript,
 * reading the binary file excluded). The tied-times regime is bench/cox-tied.bench.ts.
 * Last stdout line: {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB"}.
 * Target: ratio ≤ 0.2, peak RSS ≤ 2 GB. Run: npx tsx bench/cox.bench.ts [n]
 */
import { runCoxBench } from "./cox-common";

runCoxBench("continuous", Number(process.argv[2] ?? 1_000_000));
