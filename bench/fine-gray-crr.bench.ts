/**
 * Benchmark: Fine–Gray as cmprsk::crr, n = 1,000,000 × 5 (times on a 0.1 grid). R runs crr(variance =
 * FALSE): its variance loops are O(n²), hours at 10⁶ rows; ours computes the sandwich variance as well.
 * Run: npx tsx bench/fine-gray-crr.bench.ts [n]
 */
import { fineGrayBench } from "./fine-gray-bench";

fineGrayBench("fine-gray-crr", Number(process.argv[2] ?? 1_000_000), 0.1, "crr", "crr-novar");
