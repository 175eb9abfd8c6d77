/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates with continuous (all distinct) times, ours
 * vs R survival::coxph on the same seeded data in the same run (see bench/cox.bench.ts for what is timed).
 * Target: ratio ≤ 0.2. Run: npx tsx bench/cox-continuous.bench.ts [n]
 */
import { runCoxBench } from "./cox-common";

runCoxBench("continuous", Number(process.argv[2] ?? 1_000_000));
