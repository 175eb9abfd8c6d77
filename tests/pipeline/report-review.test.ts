import { describe, expect, it } from "vitest";
import { renderIndexPage, renderNotebookPage } from "../../scripts/lib/report";
import { addHeadingIds, contentsList, notebookLinksToHtml } from "../../scripts/lib/report-toc";

describe("report pages read like a review", () => {
  it("headings get Jupyter's anchors (spaces → -), so notebook links work in Jupyter and the report", () => {
    expect(addHeadingIds("<h2>Paired data need paired tests</h2>")).toBe(
      '<h2 id="Paired-data-need-paired-tests">Paired data need paired tests</h2>',
    );
    expect(addHeadingIds("<h2>Tables 4 and 5: the &quot;univariate&quot; test</h2><h2>A</h2><h2>A</h2>")).toBe(
      '<h2 id="Tables-4-and-5:-the-&quot;univariate&quot;-test">Tables 4 and 5: the &quot;univariate&quot; test</h2>' +
        '<h2 id="A">A</h2><h2 id="A-2">A</h2>',
    );
  });

  it("a contents list of h2 and nested h3 headings; none for a page with one heading", () => {
    const toc = contentsList('<h2 id="a">One</h2><h3 id="b">Sub</h3><h2 id="c">Two</h2>');
    expect(toc).toBe(
      '<nav class="toc" aria-label="Contents"><strong>On this page</strong><ol><li><a href="#a">One</a>' +
        '<ol><li><a href="#b">Sub</a></li></ol></li><li><a href="#c">Two</a></li></ol></nav>',
    );
    expect(contentsList('<h2 id="a">One</h2>')).toBe("");
  });

  it("every notebook page carries its contents list after the title", () => {
    const page = renderNotebookPage(
      { cells: [{ cell_type: "markdown", source: "# Title\n\n## First\n\ntext\n\n## Second" }] },
      "Title",
      { index: "index.html" },
      "",
    );
    expect(page).toMatch(/<h1 id="Title">Title<\/h1>\n<nav class="toc"/);
    expect(page).toContain('<a href="#First">First</a>');
  });

  it("links to notebooks in displayed HTML point to the report's pages, keeping the anchor", () => {
    expect(notebookLinksToHtml('<a href="03-neurological-function.ipynb#Paired-data">x</a>')).toBe(
      '<a href="03-neurological-function.html#Paired-data">x</a>',
    );
    expect(notebookLinksToHtml('<a href="https://example.org/a.ipynb">x</a>')).toContain("a.ipynb");
    const page = renderNotebookPage(
      {
        cells: [
          {
            cell_type: "code",
            source: "x",
            outputs: [{ output_type: "display_data", data: { "text/html": '<a href="07-scorecard.ipynb#A">a</a>' } }],
          },
        ],
      },
      "T",
      { index: "index.html" },
      "",
    );
    expect(page).toContain('href="07-scorecard.html#A"');
  });

  it("the index page opens with the reviewer's summary, before the list of notebooks, with a contents list", () => {
    const page = renderIndexPage(
      [{ href: "07-scorecard.html", title: "07", file: "07-scorecard.ipynb", codeCells: 6 }],
      "synthetic",
      "",
      '<div class="review">SUMMARY</div>',
    );
    expect(page.indexOf("Reviewer's summary")).toBeGreaterThan(0);
    expect(page.indexOf("SUMMARY")).toBeLessThan(page.indexOf('<h2 id="Notebooks">'));
    expect(page).toContain('<a href="#Reviewer&#39;s-summary">Reviewer&#39;s summary</a>');
    // Verdict colours are defined and used.
    expect(page).toContain(".sev-critical{");
    expect(page).toContain(".repro-exact{");
  });
});
