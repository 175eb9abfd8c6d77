/**
 * The teaching notebook in the generated report, opened from disk in Debian's Chromium with no kernel: every slider is
 * moved to every position by clicking its tick, and the figure must change with it (slider state, drawn curves,
 * caption); the page makes no network request and logs no error; the glossary page exists and every glossary link
 * of the page lands on an anchor there. Runs notebook 10 through the real tslab kernel (npm run reproduce --only 10).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, launchChromium } from "../../scripts/lib/browser-check";
import { REPO_ROOT } from "../../scripts/lib/paths";
import { CHROMIUM, ensureDebian, JUPYTER } from "../../scripts/lib/system-deps";

const out = mkdtempSync(resolve(REPO_ROOT, ".test-notebooks-teaching-"));
const page10 = join(out, "10-survival-by-hand.html");
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ensureDebian([JUPYTER, CHROMIUM]);
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  const tsx = resolve(REPO_ROOT, "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, ["scripts/reproduce.ts", "--no-build", "--only", "10", "--out", out], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`reproduce --only 10 failed:\n${r.stdout}\n${r.stderr}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (req) => {
    if (!/^(file|data|blob):/.test(req.url())) problems.push(`network request: ${req.url()}`);
  });
  await page.goto(pathToFileURL(page10).href, { waitUntil: "load" });
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll("div.repro-plotly")).every((d) => d.querySelector("svg.main-svg")),
    undefined,
    { timeout: 30_000 },
  );
  // Figures carry no id (one loader per figure finds its own div); name them fig-1, fig-2, … in page order.
  await page.evaluate(() =>
    document.querySelectorAll("div.repro-plotly").forEach((d, i) => {
      d.id = `fig-${i + 1}`;
    }),
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

interface FigureState {
  active: number;
  steps: number;
  caption: string;
  curves: string;
}
const state = (id: string): Promise<FigureState> =>
  page.evaluate((figureId) => {
    const gd = document.getElementById(figureId) as unknown as {
      layout: { sliders: { active: number; steps: unknown[] }[]; annotations: { text: string }[] };
      querySelectorAll(s: string): NodeListOf<Element>;
    };
    return {
      active: gd.layout.sliders[0].active,
      steps: gd.layout.sliders[0].steps.length,
      caption: gd.layout.annotations[0].text,
      // What is drawn: the path of every line and the position of every marker.
      curves: Array.from(gd.querySelectorAll("g.trace path.js-line, g.trace path.point"))
        .map((e) => `${e.getAttribute("d")}@${e.getAttribute("transform") ?? ""}`)
        .join("|"),
    };
  }, id);

/**
 * Waits until a click on slider position `step` has been drawn. plotly marks the slider active at once but
 * runs the step's "update" on the next animation frame, so reading the figure as soon as `active` changes
 * can see the previous position: wait until the caption is the step's own, then for two more frames.
 */
const sliderSettled = async (id: string, step: number): Promise<void> => {
  await page.waitForFunction(
    ([figureId, k]) => {
      const gd = document.getElementById(figureId as string) as unknown as {
        layout: {
          sliders: { active: number; steps: { args: [unknown, Record<string, unknown>] }[] }[];
          annotations: { text: string }[];
        };
      };
      const slider = gd.layout.sliders[0];
      return (
        slider.active === k &&
        gd.layout.annotations[0].text === slider.steps[k as number].args[1]["annotations[0].text"]
      );
    },
    [id, step] as const,
    { timeout: 5_000 },
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
};

describe("the teaching notebook's sliders in the report opened from disk", () => {
  it("has the three slider figures, all drawn", async () => {
    const ids = await page.evaluate(() =>
      Array.from(document.querySelectorAll("div.repro-plotly"))
        .filter((d) => (d as unknown as { layout?: { sliders?: unknown[] } }).layout?.sliders?.length)
        .map((d) => d.id),
    );
    expect(ids.length).toBe(3);
    const titles = await page.evaluate(
      (list) => list.map((id) => document.querySelector(`#${id} .gtitle`)?.textContent),
      ids,
    );
    expect(titles).toEqual([
      "Kaplan–Meier curve as patient 4's censoring time moves",
      "The median's confidence interval as the sample grows",
      "Immortal time: what a naive analysis reports as the delay to treatment grows",
    ]);
  });

  it("moves every slider to every position by clicking it; the figure follows each time", async () => {
    const ids = await page.evaluate(() =>
      Array.from(document.querySelectorAll("div.repro-plotly"))
        .filter((d) => (d as unknown as { layout?: { sliders?: unknown[] } }).layout?.sliders?.length)
        .map((d) => d.id),
    );
    for (const id of ids) {
      const start = await state(id);
      expect(start.active, id).toBe(0);
      const seen = new Set([start.curves]);
      const captions = new Set([start.caption]);
      // One tick per position (plotly may hide some labels when they crowd, never a tick).
      const ticks = page.locator(`#${id} rect.slider-tick-rect`);
      const count = await ticks.count();
      expect(count).toBe(start.steps);
      // Visit the positions last to first, so every click moves the slider.
      for (let k = count - 1; k >= 0; k--) {
        await ticks.nth(k).scrollIntoViewIfNeeded();
        const tick = await ticks.nth(k).boundingBox();
        const railNow = await page.locator(`#${id} rect.slider-rail-touch-rect`).first().boundingBox();
        if (!tick || !railNow) throw new Error(`${id}: slider position ${k} not on screen`);
        await page.mouse.click(tick.x + tick.width / 2, railNow.y + railNow.height / 2);
        await sliderSettled(id, k);
        const now = await state(id);
        seen.add(now.curves);
        captions.add(now.caption);
      }
      expect(seen.size, `${id}: every position draws something different`).toBe(start.steps);
      expect(captions.size, `${id}: every position has its own caption`).toBe(start.steps);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("a slider position shows the numbers the library computes (patient 4 censored at month 5: S(6) = 0.6563)", async () => {
    const id = "fig-3";
    const steps = await page.evaluate(
      (figureId) =>
        (
          document.getElementById(figureId) as unknown as { layout: { sliders: { steps: { label: string }[] }[] } }
        ).layout.sliders[0].steps.map((s) => s.label),
      id,
    );
    const k = steps.indexOf("5");
    await page.locator(`#${id} rect.slider-tick-rect`).nth(k).scrollIntoViewIfNeeded();
    const tick = await page.locator(`#${id} rect.slider-tick-rect`).nth(k).boundingBox();
    const rail = await page.locator(`#${id} rect.slider-rail-touch-rect`).first().boundingBox();
    await page.mouse.click(tick!.x + tick!.width / 2, rail!.y + rail!.height / 2);
    await sliderSettled(id, k);
    expect((await state(id)).caption).toBe("patient 4 censored at 5 months: S(6) = 0.6563 (as observed 0.5625)");
  });
});

describe("the rest of the teaching page in the report", () => {
  it("shows every exercise's question and a no-answer box, never a solution", () => {
    const html = readFileSync(page10, "utf8");
    for (let id = 1; id <= 9; id++) expect(html).toContain(`Exercise ${id} · `);
    expect(html.match(/exercise-no-answer/g)?.length).toBe(9);
    expect(html).not.toContain(": solution</strong>");
  });
  it("every hand calculation agrees with the library (no ✗ in the check tables)", () => {
    const html = readFileSync(page10, "utf8");
    expect(html.match(/<td>✓<\/td>/g)?.length).toBeGreaterThan(40);
    expect(html).not.toContain("<td>✗</td>");
  });
  it("links its terms to the glossary page, whose anchors exist", async () => {
    expect(existsSync(join(out, "glossary.html"))).toBe(true);
    const glossary = readFileSync(join(out, "glossary.html"), "utf8");
    const links = [...readFileSync(page10, "utf8").matchAll(/href="glossary\.html#([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    for (const id of links) expect(glossary).toContain(`<a id="${id}"></a>`);
    const check = await checkPage(browser, join(out, "glossary.html"));
    expect(check.consoleErrors).toEqual([]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('href="glossary.html"');
  });
});
