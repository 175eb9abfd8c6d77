/**
 * npm run audit — runs every consistency check on data/published.json, writes reports/audit.json
 * (deterministic) and prints a table with counts by verdict.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { auditToJson, formatAuditTable, loadRegistry, runAudit } from "../src/paper/audit";

const root = join(__dirname, "..");
const findings = runAudit(loadRegistry());
mkdirSync(join(root, "reports"), { recursive: true });
const out = join(root, "reports", "audit.json");
writeFileSync(out, auditToJson(findings));
console.log(
  formatAuditTable(findings, process.stdout.columns && process.stdout.columns > 100 ? process.stdout.columns : 200),
);
console.log(`\nwrote ${out}`);
