/**
 * npm run audit — audits a paper's printed numbers. Runs every generic check the registry's relations
 * switch on (and a paper's plug-in when one applies: data/published.json gets Li et al.'s), writes
 * DIR/audit.json (deterministic) and DIR/audit.html (a self-contained page: the reviewer's summary, then
 * every check), and prints a table with the counts.
 *
 *   npm run audit                                              # data/published.json → reports/
 *   npm run audit -- --registry path/to/numbers.json --out dir # any paper (format: data/registry.schema.json)
 *
 * Exit status 1 with the entry and field named when the registry is invalid.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../src/lib/core/errors";
import { auditPage, auditToJson, formatAuditTable, loadRegistry, runAudit } from "../src/paper/audit";
import { DEFAULT_REGISTRY_PATH } from "../src/paper/audit/registry";
import { REPORTS_DIR } from "./lib/paths";

interface Options {
  registry: string;
  out: string;
}

const USAGE = "usage: npm run audit -- [--registry path/to/numbers.json] [--out dir]";

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { registry: DEFAULT_REGISTRY_PATH, out: REPORTS_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${arg} needs a value (${USAGE})`);
      return v;
    };
    if (arg === "--registry") options.registry = resolve(value());
    else if (arg === "--out") options.out = resolve(value());
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (${USAGE})`);
  }
  return options;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const registry = loadRegistry(options.registry);
  const findings = runAudit(registry);
  mkdirSync(options.out, { recursive: true });
  const json = join(options.out, "audit.json");
  const html = join(options.out, "audit.html");
  writeFileSync(json, auditToJson(findings));
  // Findings link to the notebook pages only where the report's pages sit beside the audit page.
  writeFileSync(html, auditPage(findings, registry, { notebookLinks: resolve(options.out) === resolve(REPORTS_DIR) }));
  const width = process.stdout.columns && process.stdout.columns > 100 ? process.stdout.columns : 200;
  console.log(formatAuditTable(findings, width));
  console.log(`\nwrote ${json}\nwrote ${html}`);
}

try {
  main();
} catch (error) {
  const e = error as Error;
  console.error(`audit: ${e instanceof InputError ? `invalid registry: ${e.message}` : e.message}`);
  process.exit(1);
}
