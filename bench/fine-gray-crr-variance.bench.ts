/**
 * Benchmark: Fine–Gray as cmprsk::crr with its (Fine–Gray sandwich) variance on both sides, n = 10,000 × 5
 * (times on a 0.1 grid): crr's variance is O(n²), so R cannot run it at 10⁶ rows.
 * Run: npx tsx bench/fine-gray-crr-variance.bench.ts [n]
 */
import { fineGrayBench } from "./fine-gray-bench";

fineGrayBench("fine-gray-crr-variance", Number(process.argv[2] ?? 10_000), 0.1, "crr", "crr");
