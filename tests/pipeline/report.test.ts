import { describe, expect, it } from "vitest";
import { findCellProblems } from "../../scripts/lib/execute";
import { notebookTitle, renderIndexPage, renderMarkdown, renderNotebookPage } from "../../scripts/lib/report";
import { figureBundle, figureHtml, scriptSafeJson } from "../../src/paper/notebook/figure-html";

describe("findCellProblems", () => {
  it("names error and stderr outputs by cell and code-cell number", () => {
    const nb = {
      cells: [
        { cell_type: "markdown", source: "# t" },
        {
          cell_type: "code",
          source: ["const a = 1;\n", "a"],
          outputs: [{ output_type: "stream", name: "stdout", text: "1\n" }],
        },
        {
          cell_type: "code",
          source: "console.error('bad')",
          outputs: [{ output_type: "stream", name: "stderr", text: ["bad\n"] }],
        },
        {
          cell_type: "code",
          source: "throw new Error('x')",
          outputs: [{ output_type: "error", ename: "Error", evalue: "x", traceback: ["\u001b[31mError: x\u001b[0m"] }],
        },
      ],
    };
    expect(findCellProblems(nb)).toEqual([
      { cell: 3, codeCell: 2, kind: "stderr", firstLine: "console.error('bad')", message: "bad\n" },
      { cell: 4, codeCell: 3, kind: "error", firstLine: "throw new Error('x')", message: "Error: x\nError: x" },
    ]);
  });
  it("finds nothing in a clean notebook", () => {
    expect(findCellProblems({ cells: [{ cell_type: "code", source: "1", outputs: [] }] })).toEqual([]);
  });
});

describe("renderMarkdown", () => {
  it("renders TeX to MathML (no fonts, no scripts) and leaves code alone", () => {
    const html = renderMarkdown("Greenwood: $\\hat S(t)$ and `$not math$`\n\n$$\\sum_i d_i$$");
    expect(html).toContain("<math");
    expect(html).toContain("<code>$not math$</code>");
    expect(html).not.toContain("<script");
  });
  it("points notebook links at the report pages", () => {
    expect(renderMarkdown("[next](04-survival.ipynb)")).toContain('href="04-survival.html"');
    expect(renderMarkdown("[sec](04-survival.ipynb#km)")).toContain('href="04-survival.html#km"');
  });
  it("renders GFM tables", () => {
    expect(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |")).toContain("<td>1</td>");
  });
});

describe("figure HTML", () => {
  it("escapes figure text so it cannot close the script element", () => {
    expect(scriptSafeJson({ t: "</script><b>&" })).toBe('{"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    const html = figureHtml({ data: [{ name: "</script>" }], layout: { title: { text: "<b>KM</b> & co" } } });
    expect(html.match(/<\/script>/g)?.length).toBe(2); // only the two elements' own closing tags
    expect(html).toContain("“KM &amp; co”"); // the placeholder names the figure, escaped
  });
  it("never carries plotly.js: each figure is its spec plus a small loader", () => {
    const html = figureHtml({ data: [{ type: "scatter", x: [1], y: [2] }], layout: { height: 300 } });
    expect(html.length).toBeLessThan(3_000);
    expect(html).toContain("nbextensions/repro-plotly/plotly.min.js");
    expect(html).toContain("min-height:300px");
    expect(figureHtml({ data: [], layout: {} })).toBe(figureHtml({ data: [], layout: {} })); // deterministic
  });
  it("bundles HTML, plotly JSON and a text line for a notebook output", () => {
    const bundle = figureBundle({ data: [], layout: { title: "Survival" } });
    expect(Object.keys(bundle)).toEqual(["text/html", "application/vnd.plotly.v1+json", "text/plain"]);
    expect(bundle["text/plain"]).toBe("[plotly figure: Survival]");
    expect((bundle["application/vnd.plotly.v1+json"] as { data: unknown[] }).data).toEqual([]);
  });
  it("keeps one copy of plotly.js per page, in the head", () => {
    const nb = {
      cells: [
        { cell_type: "markdown", source: "# Survival" },
        {
          cell_type: "code",
          source: "showFigure(f)",
          outputs: [{ output_type: "display_data", data: figureBundle({ data: [], layout: {} }) }],
        },
      ],
    };
    expect(notebookTitle(nb, "x")).toBe("Survival");
    const page = renderNotebookPage(nb, "Survival", { index: "index.html" }, "/*PLOTLY*/");
    expect(page.match(/\/\*PLOTLY\*\//g)?.length).toBe(1);
    expect(page.indexOf("/*PLOTLY*/")).toBeLessThan(page.indexOf("<body>"));
    expect(page).toContain('class="repro-plotly"');
  });
  it("does not inline plotly.js into pages without figures", () => {
    const page = renderNotebookPage(
      { cells: [{ cell_type: "markdown", source: "# A" }] },
      "A",
      { index: "index.html" },
      "/*PLOTLY*/",
    );
    expect(page).not.toContain("/*PLOTLY*/");
    expect(
      renderIndexPage([{ href: "00-index.html", title: "Index", file: "00-index.ipynb", codeCells: 2 }], "synthetic"),
    ).toContain('<a href="00-index.html">Index</a>');
  });
});
