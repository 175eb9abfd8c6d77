/**
 * Benchmark: Fine–Gray as survival::finegray + coxph(weights = fgwt, cluster = id), n = 200,000 × 5 with
 * times on a 1.0 grid: the expanded data set has 1.7 million rows already (about 10⁷ at 10⁶ input
 * rows), so 10⁶ input rows exceed what the shared machine can give R and us together.
 * Run: npx tsx bench/fine-gray-finegray.bench.ts [n]
 */
import { fineGrayBench } from "./fine-gray-bench";

fineGrayBench("fine-gray-finegray", Number(process.argv[2] ?? 200_000), 1, "finegray", "finegray");
