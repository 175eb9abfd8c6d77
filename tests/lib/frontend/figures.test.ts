import { describe, expect, it } from "vitest";
import { formatP } from "../../../src/lib/core/format";
import { coxph, coxphForestFigure, survdiff, survfit, survfitFigure } from "../../../src/lib/frontend";
import { expectClose } from "../../helpers/expect-close";
import { arr, dataAs, formulaFixtures } from "./fixtures";

const byId = (id: string) => formulaFixtures.cases.find((x) => x.id === id)!;
// biome-ignore lint/suspicious/noExplicitAny: plotly traces are open JSON; the tests read a few attributes
const names = (fig: { data: readonly any[] }) => fig.data.filter((d) => d.showlegend !== false).map((d) => d.name);

describe("survfitFigure takes a survfit result: curves labelled by level, the log-rank p of the same groups", () => {
  const ovarian = dataAs("ovarian", "columns");
  const fit = survfit("Surv(futime, fustat)~rx", ovarian);

  it("labels by level with n, legend titled by the variable", () => {
    const fig = survfitFigure(fit, { timeUnit: "days" });
    expect(fig.data.map((d) => d.name)).toContain("1 (n = 13)");
    expect(fig.data.map((d) => d.name)).toContain("2 (n = 13)");
    expect((fig.layout.legend as { title: { text: string } }).title.text).toBe("rx");
  });

  it("R's strata names, or labels of one's own", () => {
    expect(survfitFigure(fit, { labels: "strata", showN: false }).data.map((d) => d.name)).toContain("rx=1");
    const own = survfitFigure(fit, { labels: { "1": "Cyclophosphamide", "rx=2": "Cyclophosphamide + adriamycin" } });
    expect(own.data.map((d) => d.name)).toEqual(
      expect.arrayContaining(["Cyclophosphamide (n = 13)", "Cyclophosphamide + adriamycin (n = 13)"]),
    );
  });

  it("the printed p is survdiff's on the same formula (R: survdiff(Surv(futime, fustat) ~ rx, ovarian))", () => {
    const r = byId("doc:survdiff-1").r;
    const annotations = survfitFigure(fit).layout.annotations as { text: string }[];
    expect(annotations.map((a) => a.text)).toContain(`Log-rank p = ${formatP(r.p)}`);
    const d = survdiff("Surv(futime, fustat) ~ rx", ovarian);
    expect((survfitFigure(fit, { test: d }).layout.annotations as { text: string }[])[0].text).toBe(
      `Log-rank p = ${formatP(r.p)}`,
    );
    const none = (survfitFigure(fit, { test: false }).layout.annotations as { text: string }[]).map((a) => a.text);
    expect(none.some((t) => t.startsWith("Log-rank"))).toBe(false);
  });

  it("axis titles and the time unit come from the options; the default unit is the time variable", () => {
    const title = (f: ReturnType<typeof survfitFigure>, axis: "xaxis" | "yaxis") =>
      (f.layout[axis] as { title: { text: string } }).title.text;
    expect(title(survfitFigure(fit), "xaxis")).toBe("Time (futime)");
    expect(title(survfitFigure(fit, { timeUnit: "days" }), "xaxis")).toBe("Time (days)");
    const own = survfitFigure(fit, { xTitle: "Days since randomization", yTitle: "Proportion alive" });
    expect([title(own, "xaxis"), title(own, "yaxis")]).toEqual(["Days since randomization", "Proportion alive"]);
  });

  it("~ 1 gives one curve 'All' without a test", () => {
    const one = survfitFigure(survfit("Surv(futime, fustat) ~ 1", ovarian));
    expect(names(one)).toContain("All (n = 26)");
  });

  it("a non-survfit value is an InputError", () => {
    expect(() => survfitFigure({} as never)).toThrow(/fit = object: must be a result of survfit/);
  });
});

describe("coxphForestFigure: rows labelled by level against the reference, R's hazard ratios", () => {
  const c = byId("doc:plot.cox.zph"); // veteran: trt + factor(celltype) + karno + age
  const fit = coxph(c.formula, dataAs("veteran", "columns"), {
    levels: { celltype: ["squamous", "smallcell", "adeno", "large"] },
  });
  it("labels and estimates", () => {
    const fig = coxphForestFigure(fit);
    const y = fig.layout.yaxis as { ticktext: string[] };
    expect(y.ticktext).toEqual([
      "trt",
      "celltype: smallcell vs squamous",
      "celltype: adeno vs squamous",
      "celltype: large vs squamous",
      "karno",
      "age",
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: plotly trace
    const squares = fig.data.filter((d: any) => d.marker?.symbol === "square");
    const xs = squares.flatMap((d) => d.x as number[]);
    arr<number>(c.r.coef).forEach((b, j) => {
      expectClose(xs[j], Math.exp(b));
    });
  });
});
