/**
 * Digest of everything the project computes, for "behaviour did not change" checks across a refactor:
 * the outputs of every executed notebook (not their code or timing metadata), the scorecard, the audit
 * and the committed data and R fixtures. Run it before and after a change and compare the two lines per
 * file (`diff <(git stash; …) <(…)`, or keep the first output in a file).
 *
 *   npx tsx scripts/output-digest.ts [--reports DIR]
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "./lib/paths";

const args = process.argv.slice(2);
const reports = args[0] === "--reports" && args[1] ? args[1] : join(REPO_ROOT, "reports");
const sha = (s: string | Buffer) => createHash("sha256").update(s).digest("hex").slice(0, 16);

function walk(dir: string, keep: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
    });
}

const lines: string[] = [];
for (const nb of walk(join(reports, "notebooks"), (f) => f.endsWith(".ipynb"))) {
  const cells = (JSON.parse(readFileSync(nb, "utf8")) as { cells: { cell_type: string; outputs?: unknown[] }[] }).cells;
  const outputs = cells.filter((c) => c.cell_type === "code").map((c) => c.outputs ?? []);
  lines.push(`${sha(JSON.stringify(outputs))}  notebook outputs ${relative(reports, nb)}`);
}
for (const f of ["scorecard.json", "review.json", "audit.json"]) {
  const p = join(reports, f);
  if (existsSync(p)) lines.push(`${sha(readFileSync(p))}  ${f}`);
}
const data = walk(join(REPO_ROOT, "data"), (f) => /\.(json|csv)$/.test(f));
const fixtures = walk(join(REPO_ROOT, "tests"), (f) => /fixtures\/.*\.json$/.test(f));
for (const p of [...data, ...fixtures]) lines.push(`${sha(readFileSync(p))}  ${relative(REPO_ROOT, p)}`);
process.stdout.write(`${lines.join("\n")}\n`);
