/**
 * Integration: the real tslab kernel executes notebooks through Debian's nbconvert, the HTML report is
 * written, and headless Chromium (Debian's, via playwright-core) renders every figure with no console
 * errors and no network request. Needs Jupyter and Chromium: installed here when running as root
 * (as .ci/run does), else the test fails with the apt-get command to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, launchChromium } from "../../scripts/lib/browser-check";
import { notebookFromSource, serializeNotebook } from "../../scripts/lib/notebook-source";
import { REPO_ROOT } from "../../scripts/lib/paths";
import { CHROMIUM, ensureDebian, JUPYTER } from "../../scripts/lib/system-deps";
import { buildOnce } from "../helpers/build-once";

// Folders directly under the repo root, so that "../dist" from a notebook resolves to the compiled library.
const workDirs: string[] = [];
function workDir(name: string): string {
  const dir = resolve(REPO_ROOT, `.test-notebooks-${process.pid}-${name}`);
  workDirs.push(dir);
  return dir;
}
const fixtures = resolve(REPO_ROOT, "tests", "fixtures", "notebooks");
const tsx = resolve(REPO_ROOT, "node_modules", ".bin", "tsx");

function writeNotebooks(dir: string, sources: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of Object.entries(sources)) {
    const nb = notebookFromSource(readFileSync(join(fixtures, file), "utf8"), file);
    writeFileSync(join(dir, name), serializeNotebook(nb));
  }
}

function reproduce(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, ["scripts/reproduce.ts", "--no-build", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let browser: Browser;

beforeAll(async () => {
  ensureDebian([JUPYTER, CHROMIUM]);
  buildOnce();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

// Each test runs `npm run reproduce` (Jupyter kernels, a browser): seconds idle, minutes on a loaded CI machine.
describe("npm run reproduce through the real tslab kernel", { timeout: 600_000 }, () => {
  it("executes the project's 00-index notebook and writes the report", () => {
    const out = join(workDir("real"), "report");
    const r = reproduce(["--only", "00", "--out", out]);
    expect(r.stderr, r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[1\/1\] 00-index\.ipynb … \d+ code cells/);
    expect(r.stdout).toMatch(/Done: 1 notebook\(s\), \d+ code cells/);
    const executed = readFileSync(join(out, "notebooks", "00-index.ipynb"), "utf8");
    const version = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version as string;
    expect(executed).toContain(`library ${version}; tslab 1.0.22`);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "00-index.html"))).toBe(true);
  });

  it("renders figures, tables and results; the report opens offline in Chromium without console errors", async () => {
    const dir = workDir("smoke");
    writeNotebooks(dir, {
      "01-figure-and-table.ipynb": "01-figure-and-table.md",
      "02-second-figure.ipynb": "02-second-figure.md",
    });
    const out = join(dir, "report");
    const r = reproduce(["--notebooks", dir, "--out", out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // One progress line per notebook as it finishes (in whichever order the two workers finish them).
    const progress = r.stdout.split("\n").filter((l) => /^\[\d\/2\] /.test(l));
    expect(progress.map((l) => l.slice(0, 5)).sort()).toEqual(["[1/2]", "[2/2]"]);
    expect(progress.map((l) => l.split(" ")[1]).sort()).toEqual([
      "01-figure-and-table.ipynb",
      "02-second-figure.ipynb",
    ]);

    const executed = readFileSync(join(out, "notebooks", "01-figure-and-table.ipynb"), "utf8");
    expect(executed).toContain("p 0.012");
    expect(executed).toContain("Z = 2.500");

    const index = await checkPage(browser, join(out, "index.html"));
    expect(index.consoleErrors).toEqual([]);
    expect(index.links).toContain("01-figure-and-table.html");
    expect(index.links).toContain("02-second-figure.html");

    for (const page of ["01-figure-and-table.html", "02-second-figure.html"]) {
      const check = await checkPage(browser, join(out, page));
      expect(check.consoleErrors, page).toEqual([]);
      expect(check.figures, page).toBe(1);
      expect(check.renderedFigures, page).toBe(1);
    }
    const html = readFileSync(join(out, "01-figure-and-table.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/); // everything inlined: no external script
    expect(html).toContain("<td>0.80</td>");
  });

  it("fails with a non-zero exit naming the notebook, the cell that threw and the error", () => {
    const dir = workDir("broken-error");
    writeNotebooks(dir, { "01-broken.ipynb": "broken-error.md" });
    const r = reproduce(["--notebooks", dir, "--out", join(dir, "report")]);
    expect(r.status).toBe(1);
    // tslab reports an uncaught exception on the cell's stderr stream (not as an error output).
    expect(r.stderr).toContain(
      '01-broken.ipynb, cell 3 (code cell 2: "import { surv } from \\"../dist/lib\\";") wrote to stderr',
    );
    expect(r.stderr).toContain("time[1] = -2: times must be finite numbers ≥ 0");
  });

  it("fails when a cell writes to stderr", () => {
    const dir = workDir("broken-stderr");
    writeNotebooks(dir, { "01-noisy.ipynb": "broken-stderr.md" });
    const r = reproduce(["--notebooks", dir, "--out", join(dir, "report")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      '01-noisy.ipynb, cell 2 (code cell 1: "console.error(\\"something went wrong\\");") wrote to stderr',
    );
  });
});
