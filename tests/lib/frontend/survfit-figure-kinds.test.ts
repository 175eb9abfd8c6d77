import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import type { PlotlyFigure } from "../../../src/lib/figures/plotly-types";
import { coxph, survfit, survfitFigure } from "../../../src/lib/frontend";
import { expectAllClose } from "../../helpers/expect-close";
import { dataAs, formulaData } from "./fixtures";

// R's answers written by tests/fixtures/formula-models/make-fixtures.R (R survival 3.5-3): `aalen_johansen`
// holds survfit(Surv(etime, factor(event)) ~ sex, mgus2) (time, pstate, lower, upper per curve), `cox` holds
// survfit(coxph(...), newdata) (time, surv per curve). The data are tests/fixtures/formula/formula-data.json.
// biome-ignore lint/suspicious/noExplicitAny: R's output objects; each test reads the fields it needs
type Any = any;
const fixtures: { aalen_johansen: Any[]; cox: Any[] } = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/formula-models/formula-models-fixtures.json"), "utf8"),
);
const REL = { rel: 1e-6, abs: 1e-9 };
const levelsOf = (name: string) => formulaData.datasets[name].levels;
const lines = (fig: PlotlyFigure) => fig.data.filter((t) => !String(t.name).endsWith("CI"));
const bands = (fig: PlotlyFigure) => fig.data.filter((t) => String(t.name).endsWith("CI"));
const layoutText = (fig: PlotlyFigure, key: "title" | "xaxis" | "yaxis" | "legend") =>
  ((fig.layout as Any)[key]?.title?.text ?? (fig.layout as Any)[key]?.text) as string | undefined;
const recordsOf = (nd: Any) => {
  const keys = Object.keys(nd);
  return (nd[keys[0]] as unknown[]).map((_, i) => Object.fromEntries(keys.map((key) => [key, nd[key][i]])));
};

describe("survfitFigure of a multi-state survfit (survfitms): cumulative incidence step lines", () => {
  const aj = fixtures.aalen_johansen.find((c: Any) => c.id === "mgus2-aj-sex");
  const mgus2 = dataAs("mgus2", "columns");
  const fit = survfit("Surv(etime, factor(event)) ~ sex", mgus2, { levels: levelsOf("mgus2") });

  it("draws each state per group at R's pstate (mgus2 by sex), without (s0), no bands with 4 lines", () => {
    const fig = survfitFigure(fit);
    expect(bands(fig)).toEqual([]);
    expect(lines(fig).map((t) => t.name)).toEqual(["pcm (F)", "death (F)", "pcm (M)", "death (M)"]);
    // R's states are "(s0)", "pcm", "death": columns 1 and 2 of pstate, for curves sex=F then sex=M.
    [
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ].forEach(([g, k], j) => {
      const r = aj.r.curves[g];
      const t = lines(fig)[j];
      expect((t.line as Any).shape).toBe("hv");
      expectAllClose(t.x as number[], [0, ...r.time], { ...REL, label: `${t.name} x` });
      expectAllClose(t.y as number[], [0, ...r.pstate.map((row: number[]) => row[k])], {
        ...REL,
        label: `${t.name} y (R pstate)`,
      });
    });
  });

  it("names states and groups from the data in the title, legend and axes", () => {
    const fig = survfitFigure(fit);
    expect(layoutText(fig, "title")).toBe("Cumulative incidence of pcm, death by sex");
    expect(layoutText(fig, "legend")).toBe("state (sex)");
    expect(layoutText(fig, "yaxis")).toBe("Cumulative incidence");
    expect(layoutText(fig, "xaxis")).toBe("Time (etime)");
    const own = survfitFigure(fit, { timeUnit: "months", yTitle: "Probability", title: "MGUS" });
    expect([layoutText(own, "xaxis"), layoutText(own, "yaxis"), layoutText(own, "title")]).toEqual([
      "Time (months)",
      "Probability",
      "MGUS",
    ]);
  });

  it("includeInitialState draws (s0) falling from 1, at R's pstate[, 1]", () => {
    const fig = survfitFigure(fit, { includeInitialState: true });
    expect(lines(fig).map((t) => t.name)).toEqual([
      "(s0) (F)",
      "pcm (F)",
      "death (F)",
      "(s0) (M)",
      "pcm (M)",
      "death (M)",
    ]);
    expectAllClose(lines(fig)[3].y as number[], [1, ...aj.r.curves[1].pstate.map((row: number[]) => row[0])], {
      ...REL,
      label: "(s0) (M)",
    });
    expect(layoutText(fig, "yaxis")).toBe("Probability in state");
  });

  it("bands on request hold R's lower and upper limits", () => {
    const fig = survfitFigure(fit, { showConfidenceBand: true });
    expect(bands(fig).map((t) => t.name)).toEqual([
      "pcm (F) 95% CI",
      "death (F) 95% CI",
      "pcm (M) 95% CI",
      "death (M) 95% CI",
    ]);
    // The polygon runs along the upper limits (each held from its time to the next), then back along the lower
    // ones; times where R's limits are NA (pstate still 0) have no band.
    const r = aj.r.curves[0];
    const rows = r.time.map((_: number, j: number) => j).filter((j: number) => r.upper[j][1] !== null);
    const band = bands(fig)[0];
    const m = rows.length;
    const upper = (band.y as number[]).slice(0, 2 * m).filter((_, i) => i % 2 === 0);
    const lower = (band.y as number[])
      .slice(2 * m)
      .reverse()
      .filter((_, i) => i % 2 === 0);
    expect(m).toBeGreaterThan(100);
    expectAllClose(
      upper,
      rows.map((j: number) => r.upper[j][1]),
      { ...REL, label: "pcm (F) upper" },
    );
    expectAllClose(
      lower,
      rows.map((j: number) => r.lower[j][1]),
      { ...REL, label: "pcm (F) lower" },
    );
  });

  it("a hand example: 5 subjects, status 1, 2, 0, 1, 0 at t = 1..5", () => {
    // Aalen–Johansen by hand. t=1: 5 at risk, 1 event of state 1: P1 = 1/5 = 0.2, P(s0) = 0.8.
    // t=2: 4 at risk, 1 event of state 2: P2 = 0.8 · 1/4 = 0.2, P(s0) = 0.6. t=3: censored, nothing moves.
    // t=4: 2 at risk, 1 event of state 1: P1 = 0.2 + 0.6 · 1/2 = 0.5, P(s0) = 0.3. t=5: censored.
    const cr = survfit("Surv(t, factor(s)) ~ 1", { t: [1, 2, 3, 4, 5], s: [1, 2, 0, 1, 0] });
    const fig = survfitFigure(cr);
    // Two lines: bands on by default (as the Kaplan–Meier figure with one or two curves).
    expect(bands(fig).length).toBe(2);
    expect(lines(fig).map((t) => t.name)).toEqual(["1", "2"]);
    expect(lines(fig)[0].x).toEqual([0, 1, 2, 3, 4, 5]);
    expectAllClose(lines(fig)[0].y as number[], [0, 0.2, 0.2, 0.2, 0.5, 0.5], { rel: 1e-12, label: "state 1" });
    expectAllClose(lines(fig)[1].y as number[], [0, 0, 0.2, 0.2, 0.2, 0.2], { rel: 1e-12, abs: 1e-15, label: "2" });
    expect(layoutText(fig, "legend")).toBe("state");
    expect(layoutText(fig, "title")).toBe("Cumulative incidence of 1, 2");
    expect(bands(survfitFigure(cr, { showConfidenceBand: false }))).toEqual([]);
  });

  it("labels: R's strata names, a map of states and groups, n per group", () => {
    expect(lines(survfitFigure(fit, { labels: "strata" })).map((t) => t.name)[0]).toBe("pcm (sex=F)");
    const own = survfitFigure(fit, { labels: { F: "women", "sex=M": "men", pcm: "PCM", "death (M)": "men who died" } });
    expect(lines(own).map((t) => t.name)).toEqual(["PCM (women)", "death (women)", "PCM (men)", "men who died"]);
    const withN = survfitFigure(fit, { showN: true });
    expect(lines(withN).map((t) => t.name)[0]).toBe(`pcm (F, n = ${aj.r.curves[0].n})`);
  });

  it("options of other kinds of curve are InputErrors, not ignored", () => {
    for (const options of [{ test: true }, { showAtRisk: true }, { logRankP: 0.01 }, { showMedian: false }]) {
      expect(() => survfitFigure(fit, options)).toThrow(InputError);
      expect(() => survfitFigure(fit, options)).toThrow(/applies to Kaplan–Meier curves only/);
    }
    expect(() => survfitFigure(fit, { includeInitialState: "yes" as never })).toThrow(
      /options\.includeInitialState = "yes": must be true or false/,
    );
    expect(() => survfitFigure(fit, { labels: "names" as never })).toThrow(/options\.labels/);
  });
});

describe("survfitFigure of survfit(coxph fit, { newdata }): predicted survival steps", () => {
  const lungCox = fixtures.cox.find((c: Any) => c.id === "lung-cox-factor");
  const lung = dataAs("lung", "columns");
  const fit = coxph(lungCox.formula, lung, { levels: levelsOf("lung") });
  const sf = survfit(fit, { newdata: recordsOf(lungCox.newdata) });

  it("draws each newdata row's curve at R's survfit.coxph surv, labelled by the row", () => {
    const fig = survfitFigure(sf);
    const curves = fig.data.filter((t) => t.name === sf.curves[0].label || t.name === sf.curves[1].label);
    expect(curves.map((t) => t.name)).toEqual(["age=60, factor(ph.ecog)=0", "age=70, factor(ph.ecog)=2"]);
    curves.forEach((t, j) => {
      const r = lungCox.r.survfit[j];
      expect((t.line as Any).shape).toBe("hv");
      expectAllClose(t.x as number[], [0, ...r.time], { ...REL, label: `${t.name} x` });
      expectAllClose(t.y as number[], [1, ...r.surv], { ...REL, label: `${t.name} y (R surv)` });
    });
    // Two curves: bands on, as the Kaplan–Meier figure; no numbers at risk or test by default.
    expect(bands(fig).length).toBe(2);
    expect(layoutText(fig, "yaxis")).toBe("Survival probability");
    expect(layoutText(fig, "xaxis")).toBe("Time (time)");
    expect(layoutText(fig, "title")).toBe(`Predicted survival from coxph(${lungCox.formula})`);
    expect((fig.layout as Any).yaxis2).toBeUndefined();
    expect(((fig.layout as Any).annotations as Any[]).map((a) => a.text).join(" ")).not.toMatch(/Log-rank/);
  });

  it("a stratified fit: a curve per stratum and row, labelled by both, at R's values; no bands with 4 curves", () => {
    const c = fixtures.cox.find((x: Any) => x.id === "lung-cox-strata");
    const strataFit = coxph(c.formula, lung, { levels: levelsOf("lung") });
    const fig = survfitFigure(survfit(strataFit, { newdata: recordsOf(c.newdata) }));
    expect(bands(fig)).toEqual([]);
    const names = ["sex=1, age=55", "sex=1, age=65", "sex=2, age=55", "sex=2, age=65"];
    const curves = names.map((n) => fig.data.find((t) => t.name === n));
    curves.forEach((t, j) => {
      expect(c.r.survfit[j].strata).toBe(names[j].split(",")[0]);
      expectAllClose(t?.y as number[], [1, ...c.r.survfit[j].surv], { ...REL, label: names[j] });
    });
  });

  it("labels: the default curve at the means, repeated rows, a map", () => {
    expect(survfitFigure(survfit(fit)).data.some((t) => t.name === "at the means")).toBe(true);
    const twice = survfit(fit, {
      newdata: [
        { age: 60, "ph.ecog": 1 },
        { age: 60, "ph.ecog": 1 },
      ],
    });
    expect(twice.curves.map((c) => c.label)).toEqual([
      "age=60, factor(ph.ecog)=1 (row 1)",
      "age=60, factor(ph.ecog)=1 (row 2)",
    ]);
    const own = survfitFigure(sf, { labels: { "age=60, factor(ph.ecog)=0": "60, ECOG 0" } });
    expect(
      lines(own)
        .filter((t) => t.showlegend !== false)
        .map((t) => t.name),
    ).toContain("60, ECOG 0");
  });

  it("a weighted fit (non-integer numbers at risk) draws too", () => {
    const d = {
      time: [5, 8, 12, 3, 9, 20, 15, 6, 11, 14],
      status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1],
      arm: ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"],
      w: [1.5, 1, 1, 2, 1, 1, 1, 1, 1, 0.5],
    };
    const weighted = survfit(coxph("Surv(time, status) ~ arm", d, { weights: "w" }), { newdata: [{ arm: "b" }] });
    const fig = survfitFigure(weighted);
    const curve = fig.data.find((t) => t.name === "arm=b");
    expect(curve?.y).toEqual([1, ...weighted.curves[0].surv]);
  });

  it("a test, n per curve or (s0) are InputErrors for Cox curves", () => {
    expect(() => survfitFigure(sf, { test: true })).toThrow(/options\.test = true: applies to Kaplan–Meier curves/);
    expect(() => survfitFigure(sf, { showN: true })).toThrow(/options\.showN = true: does not apply to Cox curves/);
    expect(() => survfitFigure(sf, { includeInitialState: true })).toThrow(/applies to multi-state curves only/);
  });
});

describe("survfitFigure: bad input and reproducible output for every kind", () => {
  const ovarian = dataAs("ovarian", "columns");

  it("an object that is none of the three kinds is an InputError listing them", () => {
    for (const bad of [{}, null, { kind: "survfitms" }, { kind: "survfit.coxph", curves: "x" }, { kind: "coxph" }]) {
      expect(() => survfitFigure(bad as never)).toThrow(InputError);
      expect(() => survfitFigure(bad as never)).toThrow(/"survfit".*"survfitms".*"survfit\.coxph"/);
    }
    const km = survfit("Surv(futime, fustat) ~ rx", ovarian);
    expect(() => survfitFigure(km, { includeInitialState: true })).toThrow(/applies to multi-state curves only/);
  });

  it("the figure is plain JSON and the same for the same input", () => {
    const cr = survfit("Surv(t, factor(s)) ~ g", {
      t: [1, 2, 3, 4, 5, 6, 7, 8],
      s: ["c", "a", "b", "a", "c", "b", "a", "c"],
      g: ["x", "y", "x", "y", "x", "y", "x", "y"],
    });
    const cox = survfit(coxph("Surv(futime, fustat) ~ rx", ovarian), { newdata: { rx: [1, 2] } });
    for (const make of [() => survfitFigure(cr), () => survfitFigure(cox)]) {
      const a = make();
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      expect(JSON.stringify(make())).toBe(JSON.stringify(a));
    }
    // Text states: the first level ("a") is censoring, as R's factor(); states b and c by group x and y.
    expect(lines(survfitFigure(cr)).map((t) => t.name)).toEqual(["b (x)", "c (x)", "b (y)", "c (y)"]);
  });
});
