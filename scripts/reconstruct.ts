/**
 * `npm run reconstruct` — builds the synthetic 55-patient cohort from the published aggregates
 * (data/published.json) and writes data/cohort.csv and its fidelity report data/cohort-fidelity.json.
 *
 * Options: --seed N (default 1), --effort X (search budget multiplier, default 1),
 *          --out DIR (default data/), --check (recompute and compare with the committed files),
 *          --ensemble K (also write K more feasible cohorts, seeds N+1..N+K, to DIR/ensemble/ with
 *          fidelity-summary.json; with --check, verify them too),
 *          --force (replace files that `npm run reconstruct` did not write, keeping a backup of each).
 * Deterministic: the same seed gives byte-identical files.
 *
 * Never overwrites your data: each CSV's content fingerprint (SHA-256 of the canonical CSV) is recorded
 * in data/cohort-fidelity.json (and data/ensemble/fidelity-summary.json). A data/cohort.csv whose
 * content is not the one recorded there — your own data copied over it, an edit — is left alone and
 * the command stops (exit 2) unless --force, which first copies it to cohort.csv.backup-<time>.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { reconstructCohort } from "../src/paper/reconstruct/reconstruct-cohort";
import { fidelityReport } from "../src/paper/reconstruct/fidelity";
import { syntheticRows } from "../src/paper/reconstruct/synthetic-rows";
import { formatCohortCsv } from "../src/paper/cohort/format-cohort-csv";
import { cohortFingerprint } from "../src/paper/cohort/cohort-fingerprint";
import { parseCohortCsv } from "../src/paper/cohort/parse-cohort-csv";

interface Args {
  seed: number;
  effort: number;
  out: string;
  check: boolean;
  ensemble: number;
  force: boolean;
}

function parseArgs(argv: string[]): Args {
  const o: Args = {
    seed: 1,
    effort: 1,
    out: resolve(__dirname, "..", "data"),
    check: false,
    ensemble: 0,
    force: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--effort") o.effort = Number(argv[++i]);
    else if (a === "--out") o.out = resolve(argv[++i]);
    else if (a === "--check") o.check = true;
    else if (a === "--ensemble") o.ensemble = Number(argv[++i]);
    else if (a === "--force") o.force = true;
    else throw new Error(`unknown option ${a} (see the header of scripts/reconstruct.ts)`);
  }
  if (!Number.isInteger(o.seed)) throw new Error(`--seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.ensemble) || o.ensemble < 0)
    throw new Error(`--ensemble must be an integer ≥ 0, got ${o.ensemble}`);
  return o;
}

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** One reconstruction as the files it writes: the CSV text, its fidelity report and its fingerprint. */
function build(
  seed: number,
  effort: number,
): { csv: string; report: ReturnType<typeof fidelityReport>; patients: number; sha256: string } {
  const reconstruction = reconstructCohort({ seed, effort });
  // The codebook's writer validates every row (the loader's rules) and fixes the column order; its
  // text is canonical, so its hash is the cohort's content fingerprint (cohortFingerprint).
  const csv = formatCohortCsv(syntheticRows(reconstruction.patients), { source: "reconstruction" });
  const fingerprint = sha256(csv);
  if (cohortFingerprint(parseCohortCsv(csv)) !== fingerprint)
    throw new Error("the written CSV is not canonical: its fingerprint differs from its content's");
  return { csv, report: fidelityReport(reconstruction), patients: reconstruction.patients.length, sha256: fingerprint };
}

/** The fidelity report as written: the cohort's fingerprint right after the seed. */
function fidelityJson(b: ReturnType<typeof build>): string {
  const { banner, seed, ...rest } = b.report;
  const cohort = { file: "cohort.csv", patients: b.patients, sha256: b.sha256 };
  return `${JSON.stringify({ banner, seed, cohort, ...rest }, null, 2)}\n`;
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
      patients: b.patients,
      sha256: b.sha256,
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
  // Before the (long) search: refuse early rather than after minutes of work.
  if (!o.check) {
    const unknown = filesNotWrittenByUs(o);
    if (unknown.length > 0 && !o.force) {
      console.error(
        `reconstruct: not overwriting ${unknown.length === 1 ? "a file" : "files"} that \`npm run reconstruct\` did not write:\n` +
          unknown.map((u) => `  ${relative(process.cwd(), u.path)}: ${u.why}`).join("\n") +
          `\nNothing was written. To analyse your own cohort, leave it where it is and run\n` +
          `  COHORT_CSV=<your file> npm run reproduce\n` +
          `To replace ${unknown.length === 1 ? "it" : "them"} with the reconstruction anyway: npm run reconstruct -- --force ` +
          `(each is first copied to <name>.backup-<time>).`,
      );
      process.exit(2);
    }
    for (const u of unknown) {
      const backup = backupPath(u.path);
      copyFileSync(u.path, backup);
      console.log(`--force: kept a copy of ${relative(process.cwd(), u.path)} as ${relative(process.cwd(), backup)}`);
    }
  }
  const main = build(o.seed, o.effort);
  const json = fidelityJson(main);
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

/** What the last reconstruction recorded: file name → fingerprint of the CSV it wrote. */
function recordedFingerprints(out: string): Map<string, string> {
  const recorded = new Map<string, string>();
  const read = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(path, "utf8"));
    } catch {
      return null;
    }
  };
  const main = read(join(out, "cohort-fidelity.json")) as { cohort?: { sha256?: string } } | null;
  if (main?.cohort?.sha256) recorded.set(join(out, "cohort.csv"), main.cohort.sha256);
  const summary = read(join(out, "ensemble", "fidelity-summary.json")) as {
    cohorts?: { file?: string; sha256?: string }[];
  } | null;
  for (const c of summary?.cohorts ?? []) if (c.file && c.sha256) recorded.set(join(out, "ensemble", c.file), c.sha256);
  return recorded;
}

/**
 * CSV files this run would replace whose content is not what a reconstruction recorded writing:
 * someone else's data (or an edit). A missing file is fine.
 */
function filesNotWrittenByUs(o: Args): { path: string; why: string }[] {
  const recorded = recordedFingerprints(o.out);
  const targets = [
    join(o.out, "cohort.csv"),
    ...Array.from({ length: o.ensemble }, (_, k) => join(o.out, "ensemble", `cohort-seed-${o.seed + k + 1}.csv`)),
  ];
  const unknown: { path: string; why: string }[] = [];
  for (const path of targets) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    const expected = recorded.get(path);
    if (expected !== undefined && sha256(text) === expected) continue;
    const rows = Math.max(0, text.split(/\r\n|\n|\r/).filter((l) => l !== "").length - 1);
    unknown.push({
      path,
      why:
        expected === undefined
          ? `no fingerprint of it is recorded (${rows} data rows)`
          : `its content (${rows} data rows) is not the cohort the reconstruction wrote, e.g. your own data or an edit`,
    });
  }
  return unknown;
}

/** name.backup-YYYYMMDD-HHMMSS (with -2, -3 … if taken). */
function backupPath(path: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  let candidate = `${path}.backup-${stamp}`;
  for (let k = 2; existsSync(candidate); k++) candidate = `${path}.backup-${stamp}-${k}`;
  return candidate;
}

try {
  main();
} catch (error) {
  console.error(`reconstruct: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
