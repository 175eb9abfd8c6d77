/**
 * `npm run exercise-key [-- --out DIR]`: writes the instructor's key to the exercises — every question, the answer
 * the library computes, its explanation and each typical wrong answer with the feedback students get — as
 * DIR/exercise-key.md and DIR/exercise-key.html (default DIR: reports/instructor/, git-ignored, never linked from the
 * report students read). Generated from src/paper/teaching, never typed: regenerate after changing data or library.
 * The answers to exercise 10 follow the cohort the notebooks run on (COHORT_CSV, else the synthetic cohort).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { exerciseKeyMarkdown } from "../src/paper/teaching";
import { REPORTS_DIR } from "./lib/paths";
import { renderMarkdown } from "./lib/report";

const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = at >= 0 && args[at + 1] ? resolve(args[at + 1]) : join(REPORTS_DIR, "instructor");
mkdirSync(out, { recursive: true });
const markdown = exerciseKeyMarkdown();
writeFileSync(join(out, "exercise-key.md"), markdown);
writeFileSync(
  join(out, "exercise-key.html"),
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Instructor's key to the exercises</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:0 auto;padding:1.5rem;line-height:1.5}` +
    `code{background:#f6f8fa;padding:0 .2rem}</style></head>\n<body>\n${renderMarkdown(markdown)}\n</body></html>\n`,
);
console.log(`wrote ${join(out, "exercise-key.md")} and exercise-key.html`);
