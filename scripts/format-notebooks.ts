/**
 * Formats the code cells of the notebook sources (notebooks/src/*.md) with the project's formatter
 * (Biome, biome.jsonc) at 100 columns, so that no code line is cut off in the report or in Jupyter.
 *
 *   npx tsx scripts/format-notebooks.ts           rewrite the ```ts blocks in place
 *   npx tsx scripts/format-notebooks.ts --check   list unformatted cells and lines over 100; exit 1 if any
 *
 * `npm run format` runs it after formatting the TypeScript sources, then regenerates the .ipynb files.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NOTEBOOK_SOURCES_DIR, REPO_ROOT } from "./lib/paths";

/** Longest code line a notebook cell may have. */
export const NOTEBOOK_CODE_WIDTH = 100;

interface CodeBlock {
  /** Index of the first code line (after the opening fence) in the file's lines. */
  readonly start: number;
  /** Index of the closing fence. */
  readonly end: number;
  readonly code: string;
}

function codeBlocks(lines: readonly string[]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open = -1;
  let otherFence = false;
  lines.forEach((line, i) => {
    if (open < 0 && !otherFence && /^```(ts|typescript)\s*$/.test(line)) open = i + 1;
    else if (open < 0 && /^```/.test(line)) otherFence = !otherFence;
    else if (open >= 0 && /^```\s*$/.test(line)) {
      blocks.push({ start: open, end: i, code: lines.slice(open, i).join("\n") });
      open = -1;
    }
  });
  return blocks;
}

/** Biome's formatting of one cell at the notebook width; throws with Biome's message on a syntax error. */
export function formatCell(code: string, where: string): string {
  const r = spawnSync(
    join(REPO_ROOT, "node_modules", ".bin", "biome"),
    ["format", `--stdin-file-path=${join("notebooks", "cell.ts")}`, `--line-width=${NOTEBOOK_CODE_WIDTH}`],
    { cwd: REPO_ROOT, input: `${code}\n`, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`${where}: Biome could not format this cell:\n${r.stderr || r.stdout}`);
  return r.stdout.replace(/\n+$/, "");
}

export interface CellProblem {
  readonly file: string;
  /** 1-based line of the cell's first code line in the .md file. */
  readonly line: number;
  readonly problem: string;
}

/** Formats (or, with check, only inspects) every notebook source; returns the problems left. */
export function formatNotebookSources(check: boolean, dir = NOTEBOOK_SOURCES_DIR): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()) {
    const path = join(dir, name);
    const lines = readFileSync(path, "utf8").split("\n");
    const blocks = codeBlocks(lines);
    const formatted = blocks.map((b) => formatCell(b.code, `${name}:${b.start + 1}`));
    blocks.forEach((b, k) => {
      const out = check ? b.code : formatted[k];
      if (check && out !== formatted[k]) problems.push({ file: name, line: b.start + 1, problem: "not formatted" });
      out.split("\n").forEach((l, j) => {
        if (l.length > NOTEBOOK_CODE_WIDTH) {
          problems.push({
            file: name,
            line: b.start + j + 1,
            problem: `${l.length} columns (> ${NOTEBOOK_CODE_WIDTH})`,
          });
        }
      });
    });
    if (!check) {
      for (let k = blocks.length - 1; k >= 0; k--) {
        lines.splice(blocks[k].start, blocks[k].end - blocks[k].start, ...formatted[k].split("\n"));
      }
      writeFileSync(path, lines.join("\n"));
    }
  }
  return problems;
}

if (require.main === module) {
  const check = process.argv.includes("--check");
  // After rewriting, a second (checking) pass reports what is left with the new line numbers.
  if (!check) formatNotebookSources(false);
  const problems = formatNotebookSources(true);
  for (const p of problems) console.error(`notebooks/src/${p.file}:${p.line}: ${p.problem}`);
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s)${check ? "; run `npm run format`" : " left to fix by hand"}`);
    process.exit(1);
  }
}
