import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatNotebookSources, NOTEBOOK_CODE_WIDTH } from "../../scripts/format-notebooks";

const ROOT = join(__dirname, "..", "..");
const SOURCE_WIDTH = 120;
/** Suppression comments of linters this project does not run. */
const OTHER_LINTERS = /eslint-disable|@ts-ignore|prettier-ignore/;

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

describe("one lint and format tool (Biome, biome.jsonc)", () => {
  it("biome ci passes on src, tests, scripts and bench (formatting and lint rules)", () => {
    const r = spawnSync(join(ROOT, "node_modules", ".bin", "biome"), ["ci", "--colors=off", "."], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  });

  it(`no line of src/ is longer than ${SOURCE_WIDTH} characters`, () => {
    const long = files(join(ROOT, "src"), (f) => f.endsWith(".ts")).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => ([...line].length > SOURCE_WIDTH ? [`${relative(ROOT, f)}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });

  it(`notebook code cells are formatted, no line over ${NOTEBOOK_CODE_WIDTH} columns (npm run format)`, () => {
    const problems = formatNotebookSources(true).map((p) => `${p.file}:${p.line}: ${p.problem}`);
    expect(problems).toEqual([]);
  });

  it("every disabled lint rule says why on its line, and no other linter's comments remain", () => {
    const all = ["src", "tests", "scripts", "bench"]
      .flatMap((d) => files(join(ROOT, d), (f) => f.endsWith(".ts")))
      .filter((f) => f !== __filename); // this file spells the patterns out
    const bad = all.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => {
          const where = `${relative(ROOT, f)}:${i + 1}`;
          if (OTHER_LINTERS.test(line)) return [`${where}: ${line.trim()}`];
          const m = /biome-ignore(?:-all|-start)?\s+[^\s:]+(.*)$/.exec(line);
          return m && !/^:\s*\S.{10,}/.test(m[1]) ? [`${where}: no reason given`] : [];
        }),
    );
    expect(bad).toEqual([]);
  });
});
