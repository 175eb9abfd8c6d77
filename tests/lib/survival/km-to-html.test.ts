import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { kmToHtml } from "../../../src/lib/survival/km-to-html";
import { surv } from "../../../src/lib/survival/surv";

describe("kmToHtml", () => {
  const fit = kaplanMeier(surv([2, 3, 5, 8], [1, 0, 1, 0]));
  it("R layout: one row per event time with the step table's numbers", () => {
    const html = kmToHtml(fit);
    // Hand: t = 2: 4 at risk, S = 0.75; t = 5: 2 at risk, S = 0.375.
    expect(html).toContain("<td>2</td><td>4</td><td>1</td><td>0.7500</td>");
    expect(html).toContain("<td>5</td><td>2</td><td>1</td><td>0.3750</td>");
    expect(html).not.toContain("<td>3</td><td>3</td>"); // censored times are not rows in summary()
  });

  it("SPSS layout: mean limited to the censored largest time (hand: 2 + 3·0.75 + 3·0.375 = 5.375) and the median", () => {
    const html = kmToHtml(
      [
        { label: "A", fit },
        { label: "B", fit: kaplanMeier(surv([1, 2], [1, 1])) },
      ],
      { style: "spss" },
    );
    expect(html).toContain("<td>A</td><td>5.375</td>");
    expect(html).toContain("<td>B</td><td>1.500</td>"); // all deaths: the ordinary mean (1 + 2) / 2
    expect(html).toContain("A: estimation is limited to the largest survival time (8) since it is censored.");
    expect(html).not.toContain("B: estimation");
    expect(() => kmToHtml([], { style: "spss" })).toThrow(/no curves/);
  });
});
