import { describe, expect, it } from "vitest";
import { figureBundle } from "../../src/paper/notebook/figure-html";
import { proseForNumbers, unmatchedProseNumbers } from "../../scripts/lib/prose-numbers";

interface Output {
  output_type: string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
}
const notebook = (markdown: string, outputs: Output[]) => ({
  cells: [
    { cell_type: "markdown", source: markdown },
    { cell_type: "code", source: "f()", outputs },
  ],
});
const html = (text: string): Output => ({ output_type: "display_data", data: { "text/html": text } });
const numbers = (markdown: string, outputs: Output[] = []) =>
  unmatchedProseNumbers("t.ipynb", notebook(markdown, outputs)).map((u) => u.number);

describe("no hand-typed numbers in the prose", () => {
  it("accepts a number that an output prints, also when the output has more decimals", () => {
    expect(numbers("The median is 16.83 months, HR 0.27.", [html("<td>16.83</td><td>0.266</td>")])).toEqual([]);
    expect(numbers("Survival 58.18%.", [{ output_type: "stream", name: "stdout", text: "58.18%\n" }])).toEqual([]);
    expect(numbers("A difference of −1.118.", [html("<td>-1.118</td>")])).toEqual([]);
  });

  it("flags a number no output holds, with its cell and context", () => {
    const u = unmatchedProseNumbers("t.ipynb", notebook("The time-dependent model gives HR 0.99.", [html("1.133")]));
    expect(u).toEqual([
      { notebook: "t.ipynb", cell: 1, number: "0.99", context: "The time-dependent model gives HR 0.99." },
    ]);
    // 0.2649 prints as 0.26, not 0.27; 1.1349 prints as 1.13, not 1.14.
    expect(numbers("HR 0.27 and 1.14", [html("0.2649 1.1349")])).toEqual(["0.27", "1.14"]);
  });

  it("does not count numbers hidden in a figure's JSON or script", () => {
    const fig = figureBundle({ data: [{ type: "scatter", x: [0.987654], y: [1] }], layout: {} });
    expect(numbers("It ends at 0.987654.", [{ output_type: "display_data", data: fig }])).toEqual(["0.987654"]);
  });

  it("exempts numbers quoted from the paper in <q>…</q>", () => {
    expect(numbers("The paper used <q>SPSS 27</q> on <q>55</q> patients; we used 12.", [html("12")])).toEqual([]);
    expect(numbers("The paper used SPSS 27.")).toEqual(["27"]);
  });

  it("exempts references, citations, dates, code and math, not the numbers around them", () => {
    const prose = proseForNumbers(
      "# 04 · Survival (§4.4–4.5, Tables 4–5, Figure 2)\n" +
        "Suissa 2008, Am J Epidemiol 167:492; Lévesque et al. 2010, BMJ 340:b5087 (CC BY 4.0), " +
        "closed on 1 April 2024 (Simon & Makuch 1984); `x = 3.5`, $\\hat S(t) \\le 0.5$, " +
        "[05 · Cox](05-cox.ipynb), R survival 3.5-3, and 7 deaths.",
    );
    expect([...prose.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0])).toEqual(["7"]);
  });
});
