/**
 * `npm run reproduce` — the main job. Builds the library, executes every notebook in notebooks/ in
 * order with the tslab kernel (headless, Debian's nbconvert), and writes the executed notebooks and a
 * self-contained HTML report to reports/ (reports/index.html links one page per notebook).
 *
 * Options:
 *   --only 00,04     run only notebooks whose names start with these prefixes
 *   --out DIR        write the report to DIR instead of reports/
 *   --notebooks DIR  take notebooks from DIR instead of notebooks/
 *   --no-build       skip `npm run build` (dist/ must be current)
 *
 * Fails (exit 1) naming the notebook and cell when a cell errors or writes to stderr.
 * Environment: COHORT_CSV=path runs every notebook on your own CSV (validated by the codebook).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { executeNotebook } from "./lib/execute";
import { writeGlossaryPage } from "./lib/glossary";
import { writeKernelSpec } from "./lib/kernel";
import { NOTEBOOKS_DIR, REPO_ROOT, REPORTS_DIR } from "./lib/paths";
import {
  renderIndexPage,
  renderNotebookPage,
  notebookTitle,
  type ExecutedNotebook,
  type IndexEntry,
} from "./lib/report";
import { syncNotebooks } from "./lib/notebook-sync";
import { ensureDebian, JUPYTER } from "./lib/system-deps";
import { escapeHtml } from "../src/lib/core/html";
import { plotlySource } from "../src/paper/notebook/show";

interface Options {
  only: string[] | null;
  out: string;
  notebooks: string;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: null, out: REPORTS_DIR, notebooks: NOTEBOOKS_DIR, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--only") options.only = value().split(",").filter(Boolean);
    else if (arg === "--out") options.out = resolve(value());
    else if (arg === "--notebooks") options.notebooks = resolve(value());
    else if (arg === "--no-build") options.build = false;
    else throw new Error(`unknown option ${arg} (see the header of scripts/reproduce.ts)`);
  }
  return options;
}

const clock = (start: number): string => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** Which data the notebooks run on, for the report's banner. */
function dataNote(): string {
  const own = process.env.COHORT_CSV;
  return own
    ? `Notebooks ran on the user-supplied cohort <code>${escapeHtml(own)}</code> (COHORT_CSV), validated by the codebook.`
    : `Unless a notebook says otherwise, results are computed on a <strong>synthetic cohort</strong> reconstructed from the paper's published aggregates (data/cohort.csv): it is not patient data.`;
}

/** Scorecard counts, once notebooks write reports/scorecard.json ({counts: {verdict: n}}). */
function scorecardSummary(out: string): { html: string; line: string } {
  const file = join(out, "scorecard.json");
  if (!existsSync(file)) return { html: "", line: "" };
  const counts = (JSON.parse(readFileSync(file, "utf8")) as { counts: Record<string, number> }).counts;
  const parts = Object.entries(counts).map(([k, v]) => `${k}: ${v}`);
  return {
    html: `<h2>Reproduction scorecard</h2><p>${parts.map(escapeHtml).join(" · ")}</p>`,
    line: `scorecard: ${parts.join(", ")}`,
  };
}

function main(): void {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  ensureDebian([JUPYTER]);
  if (options.build) {
    console.log("Building the library (npm run build)…");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  }
  if (options.notebooks === NOTEBOOKS_DIR) {
    const sync = syncNotebooks({ write: false });
    if (sync.changed.length > 0) {
      throw new Error(
        `notebooks out of date with notebooks/src/: ${sync.changed.join(", ")}. Run \`npm run notebooks\` first.`,
      );
    }
  }
  writeKernelSpec();
  const all = readdirSync(options.notebooks)
    .filter((f) => /^\d\d-[\w-]+\.ipynb$/.test(f))
    .sort();
  const selected = options.only ? all.filter((f) => options.only!.some((p) => f.startsWith(p))) : all;
  if (selected.length === 0)
    throw new Error(
      `no notebooks to run in ${options.notebooks}${options.only ? ` matching ${options.only.join(",")}` : ""}`,
    );

  const executedDir = join(options.out, "notebooks");
  mkdirSync(executedDir, { recursive: true });
  const runs: { file: string; seconds: number; codeCells: number; path: string }[] = [];
  for (const [i, file] of selected.entries()) {
    process.stdout.write(`[${i + 1}/${selected.length}] ${file} … `);
    // Notebooks that write report files (the scorecard) find the output folder here.
    const result = executeNotebook(join(options.notebooks, file), executedDir, {
      ...process.env,
      REPRO_REPORTS_DIR: options.out,
    });
    console.log(`${result.codeCells} code cells, ${result.seconds.toFixed(1)} s (elapsed ${clock(started)})`);
    if (result.problems.length > 0) {
      const p = result.problems[0];
      console.error(
        `\nFAILED: ${relative(process.cwd(), join(options.notebooks, file))}, cell ${p.cell} (code cell ${p.codeCell}: ${JSON.stringify(p.firstLine)}) ${p.kind === "error" ? "raised an error" : "wrote to stderr (tslab prints uncaught exceptions there too)"}:\n${p.message}`,
      );
      if (result.problems.length > 1)
        console.error(
          `(${result.problems.length - 1} more problem(s) in this notebook; executed copy: ${result.outputPath})`,
        );
      process.exit(1);
    }
    runs.push({ file, seconds: result.seconds, codeCells: result.codeCells, path: result.outputPath });
  }

  const plotly = plotlySource();
  const notebooks = runs.map((r) => JSON.parse(readFileSync(r.path, "utf8")) as ExecutedNotebook);
  const entries: IndexEntry[] = runs.map((r, i) => ({
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
    writeFileSync(join(options.out, entry.href), html);
  });
  const scorecard = scorecardSummary(options.out);
  const glossary = writeGlossaryPage(options.out, options.notebooks); // glossary.html, from notebooks/glossary.ipynb
  writeFileSync(join(options.out, "index.html"), renderIndexPage(entries, dataNote(), glossary + scorecard.html));
  const cells = runs.reduce((s, r) => s + r.codeCells, 0);
  writeFileSync(
    join(options.out, "run.json"),
    `${JSON.stringify({ notebooks: runs.map((r) => ({ file: r.file, codeCells: r.codeCells, seconds: Number(r.seconds.toFixed(2)) })), totalSeconds: Number(((Date.now() - started) / 1000).toFixed(2)) }, null, 2)}\n`,
  );
  console.log(
    `\nDone: ${runs.length} notebook(s), ${cells} code cells, ${clock(started)}. Report: ${join(options.out, "index.html")}` +
      (scorecard.line ? `\n${scorecard.line}` : ""),
  );
}

try {
  main();
} catch (error) {
  console.error(`reproduce: ${(error as Error).message}`);
  process.exit(1);
}
