/**
 * Notebooks and their literate sources: saving in Jupyter never blocks a run (only cell sources are
 * compared), `npm run notebooks` never overwrites a Jupyter edit, and `--pull` writes it back into
 * the source (round trip). End to end through scripts/notebooks.ts on a scratch folder (--dir).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookCells, notebookToSource, parseNotebookSource } from "../../scripts/lib/notebook-source";
import { notebookSources, notebookStates } from "../../scripts/lib/notebook-sync";
import { NOTEBOOK_SOURCES_DIR, REPO_ROOT } from "../../scripts/lib/paths";

const tsx = resolve(REPO_ROOT, "node_modules", ".bin", "tsx");
const SOURCE = [
  "# A notebook",
  "",
  "Some prose.",
  "",
  "```ts",
  "const x = 1;",
  "x + 1;",
  "```",
  "",
  "More prose.",
  "",
].join("\n");

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "nb-sync-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "01-a.md"), SOURCE);
  return dir;
}

function notebooksCli(dir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(tsx, ["scripts/notebooks.ts", "--dir", dir, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

type Nb = {
  cells: { cell_type: string; source: string[]; outputs?: unknown[]; execution_count?: number | null }[];
  metadata: Record<string, unknown>;
};
const readNb = (path: string): Nb => JSON.parse(readFileSync(path, "utf8")) as Nb;

/** What Jupyter Notebook 6.4 does on Run All + Save: outputs, counts, kernel metadata; sources as line lists. */
function saveAsJupyterWould(path: string, edit?: (nb: Nb) => void): void {
  const nb = readNb(path);
  let count = 0;
  for (const c of nb.cells)
    if (c.cell_type === "code") {
      c.execution_count = ++count;
      c.outputs = [
        { output_type: "execute_result", execution_count: count, data: { "text/plain": "2" }, metadata: {} },
      ];
    }
  nb.metadata.language_info = { name: "typescript", version: "3.7.2", codemirror_mode: { mode: "typescript" } };
  nb.metadata.toc = { collapsed: false };
  edit?.(nb);
  writeFileSync(path, JSON.stringify(nb, null, 1));
}

describe("npm run notebooks and the sync check compare cell sources", () => {
  it("generates, then treats a Jupyter save with the same code as in sync (never blocks a run)", () => {
    const dir = scratch();
    expect(notebooksCli(dir).out).toContain("wrote:");
    saveAsJupyterWould(join(dir, "01-a.ipynb"));
    const [state] = notebookStates({ sourcesDir: join(dir, "src"), notebooksDir: dir });
    expect(state.state).toBe("in sync");
    expect(state.bytes).toBe(false);
    // --check (repository hygiene) still notices the file is not the generated one.
    expect(notebooksCli(dir, "--check").status).toBe(1);
  });

  it("refuses to overwrite a notebook whose code was edited in Jupyter, and --pull writes the edit back", () => {
    const dir = scratch();
    notebooksCli(dir);
    const path = join(dir, "01-a.ipynb");
    saveAsJupyterWould(path, (nb) => {
      nb.cells[1].source = ["const x = 41;\n", "x + 1;\n"];
    });
    const before = readFileSync(path, "utf8");
    expect(notebookStates({ sourcesDir: join(dir, "src"), notebooksDir: dir })[0]).toMatchObject({
      state: "edited",
      conflict: false,
      firstDifference: { cell: 2, line: "const x = 41;" },
    });
    const refused = notebooksCli(dir);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("not overwritten");
    expect(refused.out).toContain("--pull");
    expect(readFileSync(path, "utf8")).toBe(before);

    const pulled = notebooksCli(dir, "--pull");
    expect(pulled.status, pulled.out).toBe(0);
    expect(pulled.out).toContain("pulled: notebooks/01-a.ipynb");
    expect(readFileSync(join(dir, "src", "01-a.md"), "utf8")).toBe(SOURCE.replace("const x = 1;", "const x = 41;"));
    expect(notebookStates({ sourcesDir: join(dir, "src"), notebooksDir: dir })[0]).toMatchObject({
      state: "in sync",
      bytes: true,
    });
  });

  it("regenerates a notebook whose source changed (the .ipynb untouched since generation)", () => {
    const dir = scratch();
    notebooksCli(dir);
    writeFileSync(join(dir, "src", "01-a.md"), SOURCE.replace("x + 1;", "x + 2;"));
    expect(notebookStates({ sourcesDir: join(dir, "src"), notebooksDir: dir })[0].state).toBe("source changed");
    const r = notebooksCli(dir);
    expect(r.status, r.out).toBe(0);
    expect(notebookCells(readNb(join(dir, "01-a.ipynb"))).at(1)?.text).toBe("const x = 1;\nx + 2;");
  });

  it("a notebook edited in Jupyter whose source changed too is a conflict: --pull refuses unless --force", () => {
    const dir = scratch();
    notebooksCli(dir);
    saveAsJupyterWould(join(dir, "01-a.ipynb"), (nb) => {
      nb.cells[0].source = ["# A notebook, retitled in Jupyter"];
    });
    writeFileSync(join(dir, "src", "01-a.md"), SOURCE.replace("More prose.", "More prose, edited in the source."));
    const r = notebooksCli(dir, "--pull");
    expect(r.status).toBe(1);
    expect(r.out).toContain("changed too");
    expect(readFileSync(join(dir, "src", "01-a.md"), "utf8")).toContain("edited in the source");
    expect(notebooksCli(dir, "--pull", "--force").status).toBe(0);
    expect(readFileSync(join(dir, "src", "01-a.md"), "utf8")).toContain("retitled in Jupyter");
  });

  it("every notebook source round-trips: source → cells → source is the same text", () => {
    for (const f of notebookSources()) {
      const md = readFileSync(join(NOTEBOOK_SOURCES_DIR, f), "utf8");
      expect(notebookToSource(parseNotebookSource(md, f), f), f).toBe(md);
    }
  });

  it("refuses to pull a cell that literate Markdown cannot hold", () => {
    expect(() => notebookToSource([{ type: "markdown", text: "Example:\n```ts\nlet a = 1;\n```" }], "x.ipynb")).toThrow(
      "x.ipynb: cell 1 (markdown) cannot be written as literate Markdown",
    );
  });
});
