/**
 * `npm run reproduce` — the main job. Checks the cohort file, builds the library, executes every
 * notebook with the tslab kernel (headless, Debian's Jupyter) and writes the executed notebooks and a
 * self-contained HTML report to reports/ (reports/index.html links one page per notebook).
 *
 * Options:
 *   --only 00,04     run only notebooks whose names start with these prefixes (a partial report that says so)
 *   --out DIR        write the report to DIR instead of reports/
 *   --notebooks DIR  take notebooks (.ipynb) from DIR instead of generating them from notebooks/src/
 *   --no-build       skip `npm run build` (which itself compiles only when src/ changed since the last build)
 *   --jobs N         notebooks run at the same time (default: 2, or 1 on a single core)
 *   --fresh-kernels  a new kernel per notebook (as `jupyter nbconvert --execute`) instead of reusing one per job
 *
 * Order of work, so that a problem is reported before anything long starts:
 *   1. the cohort (COHORT_CSV, else data/cohort.csv) is checked against the codebook and the rules for
 *      analysis — a bad file stops here with line, column, value and a hint (exit 2), no notebook runs;
 *   2. the .ipynb files must hold the same cells as their sources (saving in Jupyter is fine; an edit
 *      is not run silently): exit 2 with what to do;
 *   3. the notebooks run, generated from notebooks/src/ into a staging folder beside the report;
 *   4. only when every notebook succeeded does the staging folder replace the report folder.
 *
 * A failed run (exit 1) names the notebook and cell (an error, output on stderr, an error thrown in a
 * timer, an unhandled promise rejection, a timer left running); the previous report stays, with a
 * banner on every page saying it is from the last successful run and where the latest one failed.
 * Environment: COHORT_CSV=path runs every notebook on your own CSV.
 */
import { availableParallelism } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { startNotebookRunner, type ExecutionResult } from "./lib/execute";
import { writeGlossaryPage } from "./lib/glossary";
import { writeKernelSpec } from "./lib/kernel";
import { notebookFromSource, serializeNotebook } from "./lib/notebook-source";
import { notebookSources, notebookStates } from "./lib/notebook-sync";
import { NOTEBOOK_SOURCES_DIR, NOTEBOOKS_DIR, REPO_ROOT, REPORTS_DIR } from "./lib/paths";
import {
  notebookTitle,
  renderIndexPage,
  renderNotebookPage,
  staleBanner,
  withBanner,
  type ExecutedNotebook,
  type IndexEntry,
} from "./lib/report";
import { buildLibrary } from "./lib/build";
import { ensureDebian, JUPYTER } from "./lib/system-deps";
import { escapeHtml } from "../src/lib/core/html";
import { checkCohortFile } from "../src/paper/cohort/check-cohort-file";
import { resolveCohortPath } from "../src/paper/cohort/resolve-cohort-path";
import { studyFromCohort } from "../src/paper/study/study-from-cohort";
import { plotlySource } from "../src/paper/notebook/show";
import { reviewSummary } from "./lib/review-summary";

interface Options {
  only: string[] | null;
  out: string;
  notebooks: string | null;
  build: boolean;
  jobs: number;
  fresh: boolean;
}

/** Exit status for input the run refuses (bad cohort file, notebooks edited but not pulled, bad options). */
const EXIT_INPUT = 2;

class InputProblem extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    only: null,
    out: REPORTS_DIR,
    notebooks: null,
    build: true,
    jobs: Math.max(1, Math.min(2, availableParallelism())),
    fresh: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new InputProblem(`${arg} needs a value`);
      return v;
    };
    if (arg === "--only") options.only = value().split(",").filter(Boolean);
    else if (arg === "--out") options.out = resolve(value());
    else if (arg === "--notebooks") options.notebooks = resolve(value());
    else if (arg === "--no-build") options.build = false;
    else if (arg === "--fresh-kernels") options.fresh = true;
    else if (arg === "--jobs") {
      options.jobs = Number(value());
      if (!Number.isInteger(options.jobs) || options.jobs < 1)
        throw new InputProblem(`--jobs must be a whole number ≥ 1, got ${argv[i]}`);
    } else throw new InputProblem(`unknown option ${arg} (see the header of scripts/reproduce.ts)`);
  }
  return options;
}

const clock = (start: number): string => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** What the notebooks will run on, from the rows (synthetic or not by content). */
interface DataSummary {
  readonly path: string;
  readonly fromEnvironment: boolean;
  readonly synthetic: boolean;
  readonly patients: number;
  readonly deaths: number;
}

/**
 * Step 1: the cohort file, checked as the notebooks will load it. On a problem: one message with
 * line, column and value (the first ten problems, then the count) and a hint, and exit 2.
 */
function checkData(): DataSummary {
  let where: { path: string; fromEnvironment: boolean };
  try {
    where = resolveCohortPath(process.env);
  } catch (e) {
    throw new InputProblem(`${(e as Error).message}. Nothing was run.`);
  }
  const check = checkCohortFile(where.path);
  if (!check.ok) {
    const shown = check.errors.slice(0, 10).map((e) => `  ${e.message}`);
    const more = check.errors.length > 10 ? [`  … and ${check.errors.length - 10} more problems`] : [];
    throw new InputProblem(
      [
        `the cohort file cannot be analysed, so no notebook was run.`,
        `  file: ${where.path}${where.fromEnvironment ? " (COHORT_CSV)" : ""}`,
        ...shown,
        ...more,
        ...(check.hint ? [`Hint: ${check.hint}`] : []),
        "The codebook (variables, allowed values, rules): data/codebook.md.",
      ].join("\n"),
    );
  }
  const study = studyFromCohort(check.cohort!);
  return {
    path: where.path,
    fromEnvironment: where.fromEnvironment,
    synthetic: study.synthetic,
    patients: study.patients.length,
    deaths: study.patients.filter((p) => p.died === 1).length,
  };
}

/** Step 2: the .ipynb files against their sources, by cell sources only. */
function checkNotebookSync(): void {
  const problems = notebookStates().filter((s) => s.state !== "in sync");
  if (problems.length === 0) return;
  const lines = problems.map((s) => {
    const at = s.firstDifference
      ? ` (cell ${s.firstDifference.cell}: ${JSON.stringify(s.firstDifference.line.slice(0, 50))})`
      : "";
    if (s.state === "missing") return `  notebooks/${s.name} is missing: run \`npm run notebooks\``;
    if (s.state === "source changed")
      return `  notebooks/${s.name} is older than notebooks/src/${s.source}${at}: run \`npm run notebooks\``;
    return (
      `  notebooks/${s.name} was edited in Jupyter${at}${s.conflict ? ", and its source changed too" : ""}: ` +
      "`npm run notebooks -- --pull` copies the edit into the source (which is what runs); " +
      "`npm run notebooks -- --force` discards it"
    );
  });
  throw new InputProblem(`notebooks and their sources differ, so nothing was run:\n${lines.join("\n")}`);
}

/** The data note on the index page, from the rows. */
function dataNote(d: DataSummary): string {
  const file = escapeHtml(relative(REPO_ROOT, d.path).startsWith("..") ? d.path : relative(REPO_ROOT, d.path));
  const size = `${d.patients} patients, ${d.deaths} deaths`;
  return d.synthetic
    ? `Results are computed on the <strong>synthetic cohort</strong> <code>${file}</code> (${size}), reconstructed ` +
        `from the paper's published aggregates: it is not patient data, and numbers that equal the paper's do so by construction.`
    : `Results are computed on <strong>your cohort</strong> <code>${file}</code>${d.fromEnvironment ? " (COHORT_CSV)" : ""} ` +
        `(${size}), validated by the codebook. Where a number is set beside the paper's, the report says whether it equals ` +
        `it or by how much it differs.`;
}

/** Analyses the notebooks skipped as not computable on this cohort (the marker P.computable writes). */
function skippedAnalyses(
  notebooks: readonly { file: string; nb: ExecutedNotebook }[],
): { file: string; what: string }[] {
  const found: { file: string; what: string }[] = [];
  for (const { file, nb } of notebooks)
    for (const cell of nb.cells)
      for (const out of (cell as { outputs?: { data?: Record<string, string | string[]> }[] }).outputs ?? []) {
        const html = out.data?.["text/html"];
        const text = Array.isArray(html) ? html.join("") : (html ?? "");
        for (const m of text.matchAll(/data-repro-skipped="([^"]*)"/g))
          found.push({
            file,
            what: m[1]
              .replace(/&quot;/g, '"')
              .replace(/&lt;/g, "<")
              .replace(/&gt;/g, ">")
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, "&"),
          });
      }
  return found;
}

/** "notebook 04-survival.ipynb, cell 7 (code cell 3: "…")" for a failed result. */
function failurePlace(r: ExecutionResult): string {
  const p = r.problems[0];
  if (r.failure !== null || !p) return `notebook ${r.file}`;
  return p.cell > 0 ? `notebook ${r.file}, cell ${p.cell} (code cell ${p.codeCell})` : `notebook ${r.file}`;
}

function describeFailure(r: ExecutionResult, notebooksDir: string): string {
  const name = relative(process.cwd(), join(notebooksDir, r.file));
  if (r.failure !== null) return `FAILED: ${name}: ${r.failure}`;
  const p = r.problems[0];
  const what =
    p.kind === "error"
      ? "raised an error"
      : p.kind === "stderr"
        ? "wrote to stderr (tslab prints uncaught exceptions there too)"
        : p.kind === "pending timer"
          ? "left a timer running when the notebook ended"
          : `caused an ${p.kind} (after the cell's own code had returned)`;
  const cell = p.cell > 0 ? `cell ${p.cell} (code cell ${p.codeCell}: ${JSON.stringify(p.firstLine)})` : "a cell";
  const more = r.problems.length > 1 ? `\n(${r.problems.length - 1} more problem(s) in this notebook)` : "";
  return `FAILED: ${name}, ${cell} ${what}:\n${p.message}${more}`;
}

/** Step 4 on failure: keep the last good report, marked stale on every page; keep the failed run's notebooks. */
function markStale(out: string, staging: string, failed: ExecutionResult, startedAt: string): string {
  mkdirSync(out, { recursive: true });
  const failedRun = join(out, "failed-run");
  rmSync(failedRun, { recursive: true, force: true });
  if (existsSync(join(staging, "notebooks"))) renameSync(join(staging, "notebooks"), failedRun);
  rmSync(staging, { recursive: true, force: true });
  let lastSuccess: string | null = null;
  try {
    lastSuccess =
      (JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as { finishedAt?: string }).finishedAt ?? null;
  } catch {
    lastSuccess = existsSync(join(out, "index.html")) ? statSync(join(out, "index.html")).mtime.toISOString() : null;
  }
  const where = failurePlace(failed);
  const hasReport = existsSync(join(out, "index.html")) && lastSuccess !== null;
  writeFileSync(
    join(out, "last-failure.json"),
    `${JSON.stringify({ failedAt: startedAt, notebook: failed.file, where, problems: failed.problems.slice(0, 5), failure: failed.failure }, null, 2)}\n`,
  );
  if (!hasReport) {
    writeFileSync(
      join(out, "index.html"),
      `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Reproduction report — no successful run</title></head>\n<body>\n` +
        `<h1>No report yet</h1><p>No run has succeeded in this folder. The latest run, at ${escapeHtml(startedAt)}, ` +
        `failed at ${escapeHtml(where)}. Its executed notebooks are in <a href="failed-run/">failed-run/</a>.</p>\n</body></html>\n`,
    );
    return where;
  }
  const banner = (depth: number): string =>
    staleBanner({ lastSuccess, failedAt: startedAt, where, failedRunHref: `${"../".repeat(depth)}failed-run/` });
  for (const page of readdirSync(out).filter((f) => f.endsWith(".html")))
    writeFileSync(join(out, page), withBanner(readFileSync(join(out, page), "utf8"), banner(0)));
  return where;
}

/**
 * The order notebooks are handed to the workers: longest first (by the last report's timings, else by
 * number of code cells), so that the longest does not start last. Outputs do not depend on it.
 */
function longestFirst(inputs: readonly string[], out: string): string[] {
  let last = new Map<string, number>();
  try {
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
      notebooks?: { file: string; seconds: number }[];
    };
    last = new Map((run.notebooks ?? []).map((n) => [n.file, n.seconds]));
  } catch {
    // No earlier report: fall back to the cell count.
  }
  const weight = (path: string): number =>
    last.get(basename(path)) ??
    (JSON.parse(readFileSync(path, "utf8")) as { cells: { cell_type: string }[] }).cells.filter(
      (c) => c.cell_type === "code",
    ).length;
  return [...inputs].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
}

/** Step 4 on success: the staging folder replaces the report folder (two renames; the old one is removed). */
function publish(staging: string, out: string): void {
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const options = parseArgs(process.argv.slice(2));
  // The data first: a bad cohort file (the likeliest mistake) is reported before any kernel starts.
  const data = checkData();
  console.log(
    `Cohort: ${relative(process.cwd(), data.path) || data.path} — ${data.synthetic ? "synthetic (the reconstruction's rows)" : "your data"}, ` +
      `${data.patients} patients, ${data.deaths} deaths: checked.`,
  );
  ensureDebian([JUPYTER]);
  writeKernelSpec();
  const all =
    options.notebooks === null
      ? notebookSources().map((f) => f.replace(/\.md$/, ".ipynb"))
      : readdirSync(options.notebooks)
          .filter((f) => /^\d\d-[\w-]+\.ipynb$/.test(f))
          .sort();
  const selected = options.only ? all.filter((f) => options.only!.some((p) => f.startsWith(p))) : all;
  if (selected.length === 0)
    throw new InputProblem(
      `no notebooks to run in ${options.notebooks ?? NOTEBOOKS_DIR}${options.only ? ` matching ${options.only.join(",")}` : ""}`,
    );

  // Everything this run writes goes to a staging folder beside the report; it replaces the report only on success.
  const staging = join(dirname(options.out), `.${basename(options.out)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const executedDir = join(staging, "notebooks");
  mkdirSync(executedDir, { recursive: true });
  const cwd = options.notebooks ?? NOTEBOOKS_DIR;
  // Printed as each notebook finishes (the order varies with the machine; the outputs do not).
  let finished = 0;
  const printDone = (r: ExecutionResult): void => {
    finished++;
    const mark = r.failure !== null || r.problems.length > 0 ? " — FAILED" : "";
    console.log(
      `[${finished}/${selected.length}] ${r.file} … ${r.codeCells} code cells, ${r.seconds.toFixed(1)} s (elapsed ${clock(started)})${mark}`,
    );
  };
  // The kernels boot (seconds of CPU each: node, tslab, the TypeScript libraries) while the notebook sources and
  // the library are checked and the notebooks written; a failed check shuts them down unused.
  const jobs = Math.min(options.jobs, selected.length);
  const runner = startNotebookRunner({
    outputDir: executedDir,
    cwd,
    jobs,
    fresh: options.fresh,
    // Notebooks that write report files (the scorecard) find the output folder here.
    env: { ...process.env, REPRO_REPORTS_DIR: staging },
    onDone: printDone,
  });
  let inputs: string[];
  try {
    if (options.notebooks === null) checkNotebookSync();
    if (options.build) buildLibrary();
    if (options.notebooks === null) {
      // What runs is what the sources say (the .ipynb files hold the same cells; see step 2).
      const inputDir = join(staging, ".inputs");
      mkdirSync(inputDir);
      inputs = selected.map((f) => {
        const source = f.replace(/\.ipynb$/, ".md");
        const path = join(inputDir, f);
        writeFileSync(
          path,
          serializeNotebook(notebookFromSource(readFileSync(join(NOTEBOOK_SOURCES_DIR, source), "utf8"), source)),
        );
        return path;
      });
    } else inputs = selected.map((f) => join(options.notebooks!, f));
  } catch (error) {
    await runner.cancel();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  console.log(
    `Running ${selected.length} notebook(s), ${jobs} at a time${options.fresh ? " (a fresh kernel each)" : ""}…`,
  );
  const results = await runner.run(longestFirst(inputs, options.out));
  results.sort((a, b) => selected.indexOf(a.file) - selected.indexOf(b.file));
  rmSync(join(staging, ".inputs"), { recursive: true, force: true });
  rmSync(join(executedDir, ".kernel-faults.jsonl"), { force: true });

  const failed = results.filter((r) => r.failure !== null || r.problems.length > 0);
  if (failed.length > 0) {
    for (const r of failed) console.error(`\n${describeFailure(r, options.notebooks ?? NOTEBOOKS_DIR)}`);
    const where = markStale(options.out, staging, failed[0], startedAt);
    console.error(
      `\nThe run failed at ${where}${failed.length > 1 ? ` (and ${failed.length - 1} more notebook(s))` : ""}. ` +
        `${relative(process.cwd(), options.out) || options.out}/ still holds the last successful report, marked as such on every ` +
        `page; the failed run's executed notebooks are in ${relative(process.cwd(), join(options.out, "failed-run")) || "failed-run"}/.`,
    );
    process.exit(1);
  }

  const plotly = plotlySource();
  const notebooks = results.map((r) => JSON.parse(readFileSync(r.outputPath, "utf8")) as ExecutedNotebook);
  const entries: IndexEntry[] = results.map((r, i) => ({
    href: r.file.replace(/\.ipynb$/, ".html"),
    title: notebookTitle(notebooks[i], r.file),
    file: r.file,
    codeCells: r.codeCells,
  }));
  entries.forEach((entry, i) => {
    const html = renderNotebookPage(
      notebooks[i],
      entry.title,
      {
        index: "index.html",
        previous: i > 0 ? { href: entries[i - 1].href, title: entries[i - 1].title } : undefined,
        next: i < entries.length - 1 ? { href: entries[i + 1].href, title: entries[i + 1].title } : undefined,
      },
      plotly,
    );
    writeFileSync(join(staging, entry.href), html);
  });
  const review = reviewSummary(staging);
  // glossary.html, from notebooks/glossary.ipynb (Markdown only: no kernel)
  const glossary = writeGlossaryPage(staging, options.notebooks ?? NOTEBOOKS_DIR);
  const skipped = skippedAnalyses(results.map((r, i) => ({ file: r.file, nb: notebooks[i] })));
  const partial = options.only
    ? `<p class="repro-partial"><strong>Partial report</strong> (<code>--only ${escapeHtml(options.only.join(","))}</code>): ` +
      `it holds ${entries.length} of ${all.length} notebooks — ${entries.map((e) => escapeHtml(e.file)).join(", ")}. ` +
      `The others were not run${review.html ? "" : ", and no scorecard was computed"}.</p>\n`
    : "";
  const skippedHtml =
    skipped.length > 0
      ? `<h2>Not computable on this cohort</h2>\n<ul>\n${skipped.map((s) => `<li>${escapeHtml(s.file)}: ${escapeHtml(s.what)}</li>`).join("\n")}\n</ul>\n`
      : "";
  writeFileSync(
    join(staging, "index.html"),
    renderIndexPage(entries, dataNote(data), partial + glossary + skippedHtml, review.html),
  );
  const cells = results.reduce((s, r) => s + r.codeCells, 0);
  const finishedAt = new Date().toISOString();
  writeFileSync(
    join(staging, "run.json"),
    `${JSON.stringify(
      {
        finishedAt,
        partial: options.only ? selected : null,
        cohort: data,
        jobs: options.jobs,
        notebooks: results.map((r) => ({
          file: r.file,
          codeCells: r.codeCells,
          seconds: Number(r.seconds.toFixed(2)),
        })),
        notComputable: skipped,
        totalSeconds: Number(((Date.now() - started) / 1000).toFixed(2)),
      },
      null,
      2,
    )}\n`,
  );
  publish(staging, options.out);
  console.log(
    `\nDone: ${results.length} notebook(s), ${cells} code cells, ${clock(started)}. ` +
      `Report: ${join(options.out, "index.html")}${options.only ? ` (partial: ${results.length} of ${all.length} notebooks)` : ""}` +
      (review.lines.length > 0 ? `\n${review.lines.join("\n")}` : "") +
      (skipped.length > 0
        ? `\nnot computable on this cohort (${skipped.length}): ${skipped.map((s) => `${s.file.slice(0, 2)} ${s.what}`).join("; ")}`
        : ""),
  );
}

main().catch((error: unknown) => {
  console.error(`reproduce: ${(error as Error).message}`);
  process.exit(error instanceof InputProblem ? EXIT_INPUT : 1);
});
