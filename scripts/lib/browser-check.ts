import { chromium, type Browser } from "playwright-core";
import { pathToFileURL } from "node:url";
import { CHROMIUM_PATH } from "./system-deps";

/** Flags for Debian's Chromium in this sandbox: headless, no sandbox (root), no background network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface PageCheck {
  readonly file: string;
  readonly consoleErrors: readonly string[];
  readonly figures: number;
  readonly renderedFigures: number;
  readonly title: string;
  readonly links: readonly string[];
}

/** Launches Debian's Chromium through playwright-core (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens an HTML file from disk and reports console errors, page errors, failed requests (anything
 * not file: or data: means the page reached for the network) and how many plotly figures drew an
 * `svg.main-svg`. Optionally saves a screenshot.
 */
export async function checkPage(browser: Browser, file: string, screenshot?: string): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("blob:"))
      consoleErrors.push(`network request: ${url}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const figures = await page.locator("div.repro-plotly").count();
  if (figures > 0) {
    await page
      .waitForFunction((n) => document.querySelectorAll("div.repro-plotly svg.main-svg").length >= n, figures, {
        timeout: 20_000,
      })
      .catch(() => undefined);
  }
  const renderedFigures = await page
    .locator("div.repro-plotly")
    .evaluateAll((els) => els.filter((e) => e.querySelector("svg.main-svg")).length);
  const links = await page.locator("a[href]").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
  const title = await page.title();
  await page.close();
  return { file, consoleErrors, figures, renderedFigures, title, links };
}
