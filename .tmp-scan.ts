import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { unmatchedProseNumbers } from "./scripts/lib/prose-numbers";
const dir = process.argv[2];
let total = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort()) {
  const u = unmatchedProseNumbers(f, JSON.parse(readFileSync(join(dir, f), "utf8")));
  total += u.length;
  console.log(`${f}: ${u.length}`);
  for (const x of u) console.log(`   cell ${x.cell}: ${x.number} | ${x.context}`);
}
console.log("total", total);
