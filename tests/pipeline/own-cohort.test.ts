/**
 * `npm run reproduce` on your own cohort, end to end through the real tslab kernel: a bad file stops
 * before any notebook; faults after a cell returned (timer errors, unhandled rejections, timers left
 * running) fail the run naming the cell; a failed run leaves the last good report marked stale; --only
 * writes a partial report without a scorecard it did not compute; reused kernels give the bytes
 * nbconvert gives; and two valid but different cohorts run every notebook, truthfully labelled.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jupyterEnv, writeKernelSpec } from "../../scripts/lib/kernel";
import { notebookFromSource, serializeNotebook } from "../../scripts/lib/notebook-source";
import { notebookSources } from "../../scripts/lib/notebook-sync";
import { NOTEBOOK_SOURCES_DIR, REPO_ROOT } from "../../scripts/lib/paths";
import { ensureDebian, JUPYTER } from "../../scripts/lib/system-deps";
import { badCohortFiles } from "../helpers/bad-cohort-files";
import { buildOnce } from "../helpers/build-once";
import { variantCohort } from "../helpers/variant-cohorts";

const tsx = resolve(REPO_ROOT, "node_modules", ".bin", "tsx");
const fixtures = resolve(REPO_ROOT, "tests", "fixtures", "notebooks");
// Under the repository root, so that "../dist" from a notebook resolves to the compiled library.
const dirs: string[] = [];
/** A folder directly under the repository root, so that "../dist" from a notebook in it resolves. */
function rootDir(name: string): string {
  const dir = resolve(REPO_ROOT, `.test-notebooks-${process.pid}-${name}`);
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  return dir;
}
const work = rootDir("own");
const LONG = 1_200_000;

function reproduce(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, ["scripts/reproduce.ts", "--no-build", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, COHORT_CSV: "", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fixtureNotebooks(dir: string, sources: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of Object.entries(sources))
    writeFileSync(
      join(dir, name),
      serializeNotebook(notebookFromSource(readFileSync(join(fixtures, file), "utf8"), file)),
    );
  return dir;
}

/** Text of every output of an executed notebook (HTML, Markdown, streams), without plotly.js itself. */
function outputText(path: string): string {
  const nb = JSON.parse(readFileSync(path, "utf8")) as {
    cells: { outputs?: { text?: string | string[]; data?: Record<string, string | string[]> }[] }[];
  };
  const join = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join("") : (t ?? ""));
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => join(o.text) + join(o.data?.["text/html"]) + join(o.data?.["text/markdown"]))
    .join("\n")
    .replace(/<script data-role="repro-plotly-library">[\s\S]*?<\/script>/g, "");
}

beforeAll(() => {
  ensureDebian([JUPYTER]);
  buildOnce();
}, LONG);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("a cohort file that cannot be analysed stops reproduce before any notebook", () => {
  const picks = [
    "xlsx renamed to .csv",
    "UTF-16 LE with BOM (Excel 'Unicode Text')",
    "Windows-1252 value",
    "European SPSS export (; and decimal commas)",
    "one patient",
    "last contact on the day of surgery",
  ];
  for (const name of picks) {
    it(name, () => {
      const bad = badCohortFiles().find((f) => f.name === name)!;
      const file = join(work, `bad-${picks.indexOf(name)}.csv`);
      writeFileSync(file, bad.bytes);
      const out = join(work, `bad-report-${picks.indexOf(name)}`);
      const r = reproduce(["--out", out], { COHORT_CSV: file });
      expect(r.status, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain("the cohort file cannot be analysed, so no notebook was run");
      expect(r.stderr).toContain(`file: ${file} (COHORT_CSV)`);
      expect(
        r.stderr
          .split("\n")
          .find((l) => l.startsWith("  ") && !l.startsWith("  file:"))
          ?.trim(),
      ).toMatch(bad.error);
      if (bad.hint) expect(r.stderr.split("\n").find((l) => l.startsWith("Hint: "))).toMatch(bad.hint);
      expect(r.stdout).not.toContain("Running");
      expect(existsSync(out)).toBe(false);
    });
  }

  it("a COHORT_CSV that does not exist", () => {
    const r = reproduce(["--out", join(work, "none")], { COHORT_CSV: join(work, "no-such.csv") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("COHORT_CSV names a file that does not exist");
  });
});

describe("faults after a cell returned fail the run, naming the notebook and the cell that caused them", () => {
  it(
    "an error thrown in a timer, an unhandled rejection, a late timer and a timer left running",
    () => {
      const dir = fixtureNotebooks(rootDir("faults"), {
        "01-timer.ipynb": "broken-timer.md",
        "02-rejection.ipynb": "broken-rejection.md",
        "03-late.ipynb": "broken-late-timer.md",
        "04-interval.ipynb": "broken-interval.md",
      });
      const r = reproduce(["--notebooks", dir, "--out", join(dir, "report"), "--jobs", "2"]);
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toContain(
        '01-timer.ipynb, cell 3 (code cell 2: "setTimeout(() => {") caused an uncaught exception (after the cell\'s own code had returned):\nError: thrown in a timer',
      );
      expect(r.stderr).toContain(
        '02-rejection.ipynb, cell 3 (code cell 2: "Promise.reject(new Error(\\"nobody handles this rejection\\"));") caused an unhandled promise rejection',
      );
      expect(r.stderr).toContain(
        '03-late.ipynb, cell 3 (code cell 2: "setTimeout(() => {") caused an uncaught exception',
      );
      expect(r.stderr).toContain("Error: thrown after the last cell");
      expect(r.stderr).toContain(
        '04-interval.ipynb, cell 2 (code cell 1: "setInterval(() => undefined, 60_000);") left a timer running when the notebook ended',
      );
      expect(r.stderr).toContain(
        "The run failed at notebook 01-timer.ipynb, cell 3 (code cell 2) (and 3 more notebook(s))",
      );
    },
    LONG,
  );
});

describe("outputs are atomic: a failed run never looks like the current report", () => {
  it(
    "keeps the last good report with a banner on every page, then a good run replaces it",
    () => {
      const good = fixtureNotebooks(rootDir("good"), { "01-figure-and-table.ipynb": "01-figure-and-table.md" });
      const bad = fixtureNotebooks(rootDir("bad"), { "01-broken.ipynb": "broken-error.md" });
      const out = join(work, "stale-report");
      const first = reproduce(["--notebooks", good, "--out", out]);
      expect(first.status, first.stdout + first.stderr).toBe(0);
      const run = readFileSync(join(out, "run.json"), "utf8");
      const finishedAt = (JSON.parse(run) as { finishedAt: string }).finishedAt;

      const failed = reproduce(["--notebooks", bad, "--out", out]);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain("still holds the last successful report");
      expect(readFileSync(join(out, "run.json"), "utf8")).toBe(run);
      for (const page of ["index.html", "01-figure-and-table.html"]) {
        const html = readFileSync(join(out, page), "utf8");
        expect(html, page).toContain("<strong>Not the latest run.</strong>");
        expect(html, page).toContain(
          `from the last successful run, at ${finishedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")}`,
        );
        expect(html, page).toContain("failed at notebook 01-broken.ipynb, cell 3 (code cell 2)");
      }
      expect(existsSync(join(out, "failed-run", "01-broken.ipynb"))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, "last-failure.json"), "utf8")).where).toBe(
        "notebook 01-broken.ipynb, cell 3 (code cell 2)",
      );
      // No staging folder is left beside the report.
      expect(readdirSync(work).filter((f) => f.includes("staging") || f.includes(".old-"))).toEqual([]);

      expect(reproduce(["--notebooks", good, "--out", out]).status).toBe(0);
      expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("Not the latest run");
      expect(existsSync(join(out, "failed-run"))).toBe(false);
    },
    LONG,
  );

  it(
    "a first run that fails writes no report, only a page saying so",
    () => {
      const bad = fixtureNotebooks(rootDir("bad-again"), { "01-broken.ipynb": "broken-error.md" });
      const out = join(work, "never-good");
      expect(reproduce(["--notebooks", bad, "--out", out]).status).toBe(1);
      const index = readFileSync(join(out, "index.html"), "utf8");
      expect(index).toContain("No run has succeeded in this folder");
      expect(readdirSync(out).filter((f) => f.endsWith(".html"))).toEqual(["index.html"]);
    },
    LONG,
  );
});

describe("the project's notebooks on your data, through the real kernel", () => {
  it(
    "--only writes a partial report that names its notebooks and shows no scorecard it did not compute",
    () => {
      const out = join(work, "partial");
      // What an earlier full run left: a report with a scorecard.
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "scorecard.json"), '{"counts":{"reproduced (synthetic by construction)":182}}');
      writeFileSync(join(out, "index.html"), "<h2>Reproduction scorecard</h2>");
      const csv = join(work, "larger.csv");
      writeFileSync(csv, variantCohort("larger-cohort").csv);
      const r = reproduce(["--only", "00,02", "--out", out], { COHORT_CSV: csv });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain("Cohort: ");
      expect(r.stdout).toContain("your data, 200 patients");
      const total = notebookSources().length;
      expect(r.stdout).toContain(`(partial: 2 of ${total} notebooks)`);
      const index = readFileSync(join(out, "index.html"), "utf8");
      expect(index).toContain("<strong>Partial report</strong>");
      expect(index).toContain(`it holds 2 of ${total} notebooks — 00-index.ipynb, 02-pain-and-function.ipynb`);
      expect(index).toContain("no scorecard was computed");
      expect(index).not.toContain("Reproduction scorecard");
      expect(index).toContain("<strong>your cohort</strong>");
      expect(existsSync(join(out, "scorecard.json"))).toBe(false);
      const text = outputText(join(out, "notebooks", "00-index.ipynb"));
      expect(text).toContain("All patients (n = 200)");
      expect(text).toContain("**Data:** your cohort");
      expect(outputText(join(out, "notebooks", "02-pain-and-function.ipynb"))).toContain(
        "Table 1, VAS (your data, n = 200)",
      );
    },
    LONG,
  );

  it(
    "a kernel reused across notebooks gives byte-for-byte what `jupyter nbconvert --execute` gives",
    () => {
      const out = join(work, "reuse");
      const r = reproduce(["--only", "00,03", "--jobs", "1", "--out", out]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      writeKernelSpec();
      // nbconvert runs a notebook in its own folder: one directly under the root, so that ../dist resolves.
      const inputs = rootDir("nbconvert");
      const outputs = join(inputs, "out");
      for (const name of ["00-index", "03-neurological-function"]) {
        writeFileSync(
          join(inputs, `${name}.ipynb`),
          serializeNotebook(
            notebookFromSource(readFileSync(join(NOTEBOOK_SOURCES_DIR, `${name}.md`), "utf8"), `${name}.md`),
          ),
        );
        const nb = spawnSync(
          "jupyter",
          [
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--allow-errors",
            "--ExecutePreprocessor.kernel_name=tslab",
            "--ExecutePreprocessor.timeout=900",
            "--ExecutePreprocessor.record_timing=False",
            "--output-dir",
            outputs,
            "--output",
            name,
            join(inputs, `${name}.ipynb`),
          ],
          { cwd: inputs, env: jupyterEnv({ ...process.env, COHORT_CSV: "" }), encoding: "utf8" },
        );
        expect(nb.status, nb.stderr).toBe(0);
        expect(readFileSync(join(out, "notebooks", `${name}.ipynb`), "utf8"), name).toBe(
          readFileSync(join(outputs, `${name}.ipynb`), "utf8"),
        );
      }
    },
    LONG,
  );

  it(
    "one kernel reused across notebooks (the library kept loaded) gives byte-for-byte what a fresh kernel each gives",
    () => {
      const reused = join(work, "reused-kernel");
      const fresh = join(work, "fresh-kernels");
      // One worker, so 04, 05 and 08 share a kernel: the library's code and caches carry over between them.
      const a = reproduce(["--only", "04,05,08", "--jobs", "1", "--no-build", "--out", reused]);
      expect(a.status, a.stdout + a.stderr).toBe(0);
      const b = reproduce(["--only", "04,05,08", "--fresh-kernels", "--no-build", "--out", fresh]);
      expect(b.status, b.stdout + b.stderr).toBe(0);
      for (const name of ["04-survival", "05-cox", "08-public-data-validation"])
        expect(readFileSync(join(reused, "notebooks", `${name}.ipynb`), "utf8"), name).toBe(
          readFileSync(join(fresh, "notebooks", `${name}.ipynb`), "utf8"),
        );
    },
    LONG,
  );

  it(
    "a cohort in which nobody received postoperative BMA runs every notebook, labelled as yours, skipping what it cannot support",
    () => {
      const csv = join(work, "no-bma.csv");
      writeFileSync(csv, variantCohort("post-bma-all-zero").csv);
      const out = join(work, "no-bma");
      const r = reproduce(["--out", out], { COHORT_CSV: csv });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as {
        notComputable: { file: string; what: string }[];
        cohort: { synthetic: boolean; patients: number };
      };
      expect(run.cohort).toMatchObject({ synthetic: false, patients: 55 });
      expect(run.notComputable.map((s) => `${s.file.slice(0, 2)} ${s.what.split(" — ")[0]}`)).toEqual([
        "04 Survival by postoperative BMA and its log-rank test",
        "05 Table 6 under three readings",
        "05 The one-year Cox model of Table 6",
        "05 Proportional-hazards test of the one-year model",
        "06 Time-dependent analyses of postoperative BMA",
        "06 Landmark analyses of postoperative BMA",
        "06 Simon–Makuch curves by postoperative BMA",
        "06 Table 6 model: Firth and bootstrap",
        "06 Bootstrap optimism and shrinkage of the Table 6 model",
        "06 Main results across reconstructions",
      ]);
      for (const s of run.notComputable)
        expect(s.what).toMatch(/(post_bma|postoperative BMA) is no for all 55 patients: a comparison needs patients/);
      const index = readFileSync(join(out, "index.html"), "utf8");
      expect(index).toMatch(/<h2[^>]*>Not computable on this cohort<\/h2>/);
      for (const file of readdirSync(join(out, "notebooks")).filter((f) => f.endsWith(".ipynb"))) {
        const text = outputText(join(out, "notebooks", file));
        expect(text, file).not.toMatch(
          /by construction|SYNTHETIC|Synthetic cohort reconstructed|\*\*synthetic\*\* cohort/,
        );
        // 08 runs on public data and 10 on a toy cohort, both named in their own words.
        if (!file.startsWith("08") && !file.startsWith("10")) expect(text, file).toContain("**Data:** your cohort");
      }
      expect(outputText(join(out, "notebooks", "04-survival.ipynb"))).toContain(
        "First rows of the Kaplan–Meier table (your data, n = 55)",
      );
      expect(outputText(join(out, "notebooks", "05-cox.ipynb"))).toContain(
        "Published vs your data: Table 6 (your data, n = 55;",
      );
      const card = JSON.parse(readFileSync(join(out, "scorecard.json"), "utf8")) as {
        synthetic: boolean;
        rows: { reproduction: string; byConstruction: boolean; reason: string | null }[];
      };
      expect(card.synthetic).toBe(false);
      expect(card.rows.filter((row) => row.byConstruction)).toEqual([]);
      expect(card.rows.some((row) => row.reason?.startsWith("not computable on this cohort"))).toBe(true);
    },
    LONG,
  );
});
