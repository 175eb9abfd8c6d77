/**
 * `npm run check-report` — opens reports/index.html and every notebook page of the last
 * `npm run reproduce` in headless Chromium (Debian's, via playwright-core) and fails unless each page
 * loads with no console error and no network request, and every plotly figure drew its svg.main-svg.
 * Usage: npm run check-report [-- DIR] [--screenshots DIR]
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkPage, launchChromium } from "./lib/browser-check";
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
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`check-report: ${error.message}`);
    process.exit(1);
  },
);
