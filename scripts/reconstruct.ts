/**
 * `npm run reconstruct` — builds the synthetic 55-patient cohort from the published aggregates
 * (data/published.json) and writes data/cohort.csv and its fidelity report data/cohort-fidelity.json.
 *
 * Options: --seed N (default 1), --effort X (search budget multiplier, default 1),
 *          --out DIR (default data/), --check (recompute and compare with the committed files),
 *          --ensemble K (also write K more feasible cohorts, seeds N+1..N+K, to DIR/ensemble/ with
 *          fidelity-summary.json; with --check, verify them too).
 * Deterministic: the same seed gives byte-identical files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { reconstructCohort } from "../src/paper/reconstruct/reconstruct-cohort";
import { fidelityReport } from "../src/paper/reconstruct/fidelity";
import { syntheticRows } from "../src/paper/reconstruct/synthetic-rows";
import { formatCohortCsv } from "../src/paper/cohort/format-cohort-csv";

interface Args {
  seed: number;
  effort: number;
  out: string;
  check: boolean;
  ensemble: number;
}

function parseArgs(argv: string[]): Args {
  const o: Args = { seed: 1, effort: 1, out: resolve(__dirname, "..", "data"), check: false, ensemble: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--effort") o.effort = Number(argv[++i]);
    else if (a === "--out") o.out = resolve(argv[++i]);
    else if (a === "--check") o.check = true;
    else if (a === "--ensemble") o.ensemble = Number(argv[++i]);
    else throw new Error(`unknown option ${a} (see the header of scripts/reconstruct.ts)`);
  }
  if (!Number.isInteger(o.seed)) throw new Error(`--seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.ensemble) || o.ensemble < 0)
    throw new Error(`--ensemble must be an integer ≥ 0, got ${o.ensemble}`);
  return o;
}

/** One reconstruction as the files it writes: the CSV text and its fidelity report. */
function build(
  seed: number,
  effort: number,
): { csv: string; report: ReturnType<typeof fidelityReport>; patients: number } {
  const reconstruction = reconstructCohort({ seed, effort });
  // The codebook's writer validates every row (the loader's rules) and fixes the column order.
  const csv = formatCohortCsv(syntheticRows(reconstruction.patients), { source: "reconstruction" });
  return { csv, report: fidelityReport(reconstruction), patients: reconstruction.patients.length };
}

/**
 * The ensemble: K more cohorts consistent with the paper (seeds seed+1..seed+K) and a summary of each
 * one's fidelity, for the limitations notebook's robustness table.
 */
function ensembleFiles(o: Args): Map<string, string> {
  const files = new Map<string, string>();
  const summary: Record<string, unknown>[] = [];
  for (let k = 1; k <= o.ensemble; k++) {
    const seed = o.seed + k;
    const started = Date.now();
    const b = build(seed, o.effort);
    files.set(`cohort-seed-${seed}.csv`, b.csv);
    summary.push({
      seed,
      file: `cohort-seed-${seed}.csv`,
      counts: b.report.counts,
      constraintsMet: b.report.constraintsMet,
      solverResidual: b.report.solverResidual.total,
    });
    console.log(
      `ensemble cohort seed ${seed}: ${b.report.counts.hit} hit, ${b.report.counts.miss} miss (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  const note =
    "SYNTHETIC cohorts reconstructed from the published aggregates (not patient data): other feasible solutions than data/cohort.csv.";
  files.set(
    "fidelity-summary.json",
    `${JSON.stringify({ note, mainSeed: o.seed, effort: o.effort, cohorts: summary }, null, 2)}\n`,
  );
  return files;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const main = build(o.seed, o.effort);
  const json = `${JSON.stringify(main.report, null, 2)}\n`;
  const csvPath = join(o.out, "cohort.csv");
  const jsonPath = join(o.out, "cohort-fidelity.json");
  const ensembleDir = join(o.out, "ensemble");
  const ensemble = o.ensemble > 0 ? ensembleFiles(o) : new Map<string, string>();
  if (o.check) {
    const differing = [
      ...(readFileSync(csvPath, "utf8") === main.csv && readFileSync(jsonPath, "utf8") === json ? [] : [csvPath]),
      ...[...ensemble]
        .filter(
          ([name, text]) =>
            !existsSync(join(ensembleDir, name)) || readFileSync(join(ensembleDir, name), "utf8") !== text,
        )
        .map(([name]) => join(ensembleDir, name)),
    ];
    console.log(
      differing.length === 0
        ? "reconstruct --check: files are current"
        : `reconstruct --check: files differ from a fresh run: ${differing.join(", ")}`,
    );
    process.exit(differing.length === 0 ? 0 : 1);
  }
  mkdirSync(o.out, { recursive: true });
  writeFileSync(csvPath, main.csv);
  writeFileSync(jsonPath, json);
  if (ensemble.size > 0) {
    mkdirSync(ensembleDir, { recursive: true });
    for (const [name, text] of ensemble) writeFileSync(join(ensembleDir, name), text);
  }
  const c = main.report.counts;
  console.log(
    `Synthetic cohort (seed ${o.seed}): ${main.patients} patients in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `targets: ${c.hit} hit, ${c.miss} miss, ${c["conflict (documented)"]} documented conflicts, ${c["not a target"]} not determined by rows; ` +
      `constraints met ${main.report.constraintsMet}; solver residual ${main.report.solverResidual.total}\n` +
      `wrote ${csvPath} and ${jsonPath}${ensemble.size > 0 ? ` and ${ensemble.size} files in ${ensembleDir}` : ""}`,
  );
}

try {
  main();
} catch (error) {
  console.error(`reconstruct: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
