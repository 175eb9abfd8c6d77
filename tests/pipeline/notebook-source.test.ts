import { describe, expect, it } from "vitest";
import { notebookFromSource, parseNotebookSource, serializeNotebook } from "../../scripts/lib/notebook-source";
import { syncNotebooks } from "../../scripts/lib/notebook-sync";

describe("literate notebook sources", () => {
  const source = [
    "# Title",
    "",
    "Some prose with `inline code`.",
    "",
    "```ts",
    "const x = 1;",
    "console.log(x);",
    "```",
    "",
    "```text",
    "COHORT_CSV=file npm run reproduce",
    "```",
    "More prose.",
    "```typescript",
    "x + 1",
    "```",
  ].join("\n");

  it("turns ```ts blocks into code cells and keeps other fences in Markdown", () => {
    expect(parseNotebookSource(source)).toEqual([
      { type: "markdown", text: "# Title\n\nSome prose with `inline code`." },
      { type: "code", text: "const x = 1;\nconsole.log(x);" },
      { type: "markdown", text: "```text\nCOHORT_CSV=file npm run reproduce\n```\nMore prose." },
      { type: "code", text: "x + 1" },
    ]);
  });

  it("builds an nbformat 4.5 notebook for the tslab kernel with stable ids and Jupyter's line split", () => {
    const nb = notebookFromSource(source);
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect((nb.metadata.kernelspec as { name: string }).name).toBe("tslab");
    expect(nb.cells.map((c) => c.id)).toEqual(["cell-001", "cell-002", "cell-003", "cell-004"]);
    expect(nb.cells[1]).toEqual({
      cell_type: "code",
      id: "cell-002",
      metadata: {},
      source: ["const x = 1;\n", "console.log(x);"],
      execution_count: null,
      outputs: [],
    });
    expect(serializeNotebook(nb)).toBe(serializeNotebook(notebookFromSource(source)));
  });

  it("reports an unclosed code fence with its line", () => {
    expect(() => parseNotebookSource("intro\n```ts\nlet a = 1;", "x.md")).toThrow(
      "x.md: code fence opened at line 2 is never closed",
    );
  });

  it("committed notebooks/*.ipynb are in sync with notebooks/src/*.md (run `npm run notebooks`)", () => {
    const result = syncNotebooks({ write: false });
    expect(result.total).toBeGreaterThan(0);
    expect(result.changed).toEqual([]);
  });
});
