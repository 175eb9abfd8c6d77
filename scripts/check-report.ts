/**
 * `npm run check-report` — opens reports/index.html and every notebook page of the last
 * `npm run reproduce` in headless Chromium (Debian's, via playwright-core) and fails unless each page
 * loads with no console error and no network request, and every plotly figure drew its svg.main-svg.
 * It also reads the executed notebooks (DIR/notebooks/*.ipynb): each must stay under 1 MB, and every
 * number in their Markdown must appear in the outputs or be marked as the paper's with <q>…</q>
 * (scripts/lib/prose-numbers.ts).
 * Usage: npm run check-report [-- DIR] [--screenshots DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkPage, launchChromium } from "./lib/browser-check";
import { unmatchedProseNumbers } from "./lib/prose-numbers";
import { REPORTS_DIR } from "./lib/paths";
import { CHROMIUM, ensureDebian } from "./lib/system-deps";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const shotsAt = args.indexOf("--screenshots");
  const shots = shotsAt >= 0 ? resolve(args.splice(shotsAt, 2)[1]) : null;
  const dir = resolve(args[0] ?? REPORTS_DIR);
  if (!existsSync(join(dir, "index.html")))
    throw new Error(`${join(dir, "index.html")} not found: run \`npm run reproduce\` first`);
  ensureDebian([CHROMIUM]);
  if (shots) mkdirSync(shots, { recursive: true });
  const pages = [
    "index.html",
    ...readdirSync(dir)
      .filter((f) => /^\d\d-.*\.html$/.test(f))
      .sort(),
    ...(existsSync(join(dir, "glossary.html")) ? ["glossary.html"] : []),
  ];
  const browser = await launchChromium();
  let failures = 0;
  try {
    for (const page of pages) {
      const r = await checkPage(
        browser,
        join(dir, page),
        shots ? join(shots, page.replace(/\.html$/, ".png")) : undefined,
      );
      const ok = r.consoleErrors.length === 0 && r.renderedFigures === r.figures;
      if (!ok) failures++;
      console.log(
        `${ok ? "ok  " : "FAIL"} ${page}: ${r.renderedFigures}/${r.figures} figures rendered${r.consoleErrors.length ? `; errors: ${r.consoleErrors.join(" | ")}` : ""}`,
      );
    }
  } finally {
    await browser.close();
  }
  console.log(`${pages.length} page(s) checked, ${failures} failed`);
  return failures + checkExecutedNotebooks(join(dir, "notebooks")) === 0 ? 0 : 1;
}

/** Executed notebooks: under 1 MB each, no hand-typed number in their prose. Returns the failures. */
function checkExecutedNotebooks(dir: string): number {
  if (!existsSync(dir)) {
    console.log(`FAIL ${dir}: no executed notebooks`);
    return 1;
  }
  let failures = 0;
  const files = readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort();
  for (const file of files) {
    const size = statSync(join(dir, file)).size;
    const unmatched = unmatchedProseNumbers(file, JSON.parse(readFileSync(join(dir, file), "utf8")));
    const ok = size < NOTEBOOK_SIZE_LIMIT && unmatched.length === 0;
    if (!ok) failures++;
    console.log(
      `${ok ? "ok  " : "FAIL"} notebooks/${file}: ${(size / 1024).toFixed(0)} KB${size >= NOTEBOOK_SIZE_LIMIT ? " (limit 1 MB)" : ""}, ` +
        `${unmatched.length} number(s) in the prose that no output holds and no <q> marks`,
    );
    for (const u of unmatched) console.log(`       cell ${u.cell}: ${u.number} in "…${u.context}…"`);
  }
  console.log(`${files.length} executed notebook(s) checked, ${failures} failed`);
  return failures;
}

/** Saved notebooks must stay small: figures carry their spec only, never plotly.js. */
const NOTEBOOK_SIZE_LIMIT = 1024 * 1024;

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`check-report: ${error.message}`);
    process.exit(1);
  },
);
