/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates with times rounded to 0.01 on a 3-unit
 * follow-up — 300 distinct values, so thousands of tied deaths per time, as registry days or months give — ours
 * vs R survival::coxph on the same seeded data in the same run (see bench/cox.bench.ts for what is timed).
 * Target: ratio ≤ 0.2. Run: npx tsx bench/cox-tied.bench.ts [n]
 */
import { runCoxBench } from "./cox-common";

runCoxBench("tied", Number(process.argv[2] ?? 1_000_000));
