/**
 * `npm run reconstruct` — builds the synthetic 55-patient cohort from the published aggregates
 * (data/published.json) and writes data/cohort.csv and its fidelity report data/cohort-fidelity.json.
 *
 * Options: --seed N (default 1), --effort X (search budget multiplier, default 1),
 *          --out DIR (default data/), --check (recompute and compare with the committed files).
 * Deterministic: the same seed gives byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { reconstructCohort } from "../src/cohort/reconstruct/reconstruct-cohort";
import { fidelityReport } from "../src/cohort/reconstruct/fidelity";
import { syntheticRows } from "../src/cohort/reconstruct/synthetic-rows";
import { formatCohortCsv } from "../src/cohort/format-cohort-csv";

function parseArgs(argv: string[]): { seed: number; effort: number; out: string; check: boolean } {
  const o = { seed: 1, effort: 1, out: resolve(__dirname, "..", "data"), check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--effort") o.effort = Number(argv[++i]);
    else if (a === "--out") o.out = resolve(argv[++i]);
    else if (a === "--check") o.check = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/reconstruct.ts)`);
  }
  if (!Number.isInteger(o.seed)) throw new Error(`--seed must be an integer, got ${o.seed}`);
  return o;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const reconstruction = reconstructCohort({ seed: o.seed, effort: o.effort });
  // The codebook's writer validates every row (the loader's rules) and fixes the column order.
  const csv = formatCohortCsv(syntheticRows(reconstruction.patients), { source: "reconstruction" });
  const report = fidelityReport(reconstruction);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const csvPath = join(o.out, "cohort.csv");
  const jsonPath = join(o.out, "cohort-fidelity.json");
  if (o.check) {
    const same = readFileSync(csvPath, "utf8") === csv && readFileSync(jsonPath, "utf8") === json;
    console.log(same ? "reconstruct --check: files are current" : "reconstruct --check: files differ from a fresh run");
    process.exit(same ? 0 : 1);
  }
  mkdirSync(o.out, { recursive: true });
  writeFileSync(csvPath, csv);
  writeFileSync(jsonPath, json);
  const c = report.counts;
  console.log(
    `Synthetic cohort (seed ${o.seed}): ${reconstruction.patients.length} patients in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `targets: ${c.hit} hit, ${c.miss} miss, ${c["conflict (documented)"]} documented conflicts, ${c["not a target"]} not determined by rows; ` +
      `constraints met ${report.constraintsMet}; solver residual ${report.solverResidual.total}\n` +
      `wrote ${csvPath} and ${jsonPath}`,
  );
}

try {
  main();
} catch (error) {
  console.error(`reconstruct: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
