import { describe, expect, it } from "vitest";
import { formatFixed } from "../../../src/lib/core/format";
import {
  anova,
  coxph,
  coxphNewdata,
  formatText,
  resultToDataFrame,
  summaryHtml,
  summaryTables,
  survdiff,
  survfit,
  tidy,
} from "../../../src/lib/frontend";
import { coxZph } from "../../../src/lib/survival/cox-zph";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { arr, dataAs, formulaData, formulaFixtures, optionsOf } from "./fixtures";

const byId = (id: string) => {
  const c = formulaFixtures.cases.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe("summaries in R's and SPSS's layouts carry R's numbers", () => {
  const c = byId("doc:model.matrix.coxph"); // coxph(Surv(time, status) ~ age + factor(ph.ecog), data = lung)
  const fit = coxph(c.formula, dataAs("lung", "columns"), { dataName: "lung" });

  it("R layout: R's column names, the call, n and deletions, the three tests", () => {
    const [coefs, hr] = summaryTables(fit);
    expect(coefs.columns).toEqual(["term", "coef", "exp(coef)", "se(coef)", "z", "Pr(>|z|)"]);
    expect(hr.columns).toEqual(["term", "exp(coef)", "exp(-coef)", "lower .95", "upper .95"]);
    expect(coefs.caption).toBe("Call: coxph(formula = Surv(time, status) ~ age + factor(ph.ecog), data = lung)");
    expectAllClose(
      coefs.rows.map((r) => r.coef as number),
      arr(c.r.coef),
      { label: "coef" },
    );
    const text = formatText(fit);
    for (const [j, name] of arr<string>(c.r.names).entries())
      expect(text).toContain(`${name.padEnd(16)} ${formatFixed(arr<number>(c.r.coef)[j], 4).padStart(6)}`);
    expect(text).toContain("n = 227, number of events = 164 (1 observation deleted due to missingness)");
    expect(text).toContain(`Likelihood ratio test = ${formatFixed(c.r.lr, 2)} on 4 df`);
  });

  it("SPSS layout: B, SE, Wald, df, Sig., Exp(B), CI; the factor's joint Wald row (R: b′V⁻¹b) above its indicators", () => {
    const [t] = summaryTables(fit, { style: "spss" });
    expect(t.columns).toEqual([
      "",
      "B",
      "SE",
      "Wald",
      "df",
      "Sig.",
      "Exp(B)",
      "95.0% CI for Exp(B) Lower",
      "95.0% CI for Exp(B) Upper",
    ]);
    expect(t.rows.map((r) => r[""])).toEqual([
      "age",
      "factor(ph.ecog)",
      "\u00a0\u00a0factor(ph.ecog)1",
      "\u00a0\u00a0factor(ph.ecog)2",
      "\u00a0\u00a0factor(ph.ecog)3",
    ]);
    const joint = c.r.term_wald[0];
    expectClose(t.rows[1].Wald as number, joint.statistic);
    expect(t.rows[1].df).toBe(3);
    expectClose(t.rows[1]["Sig."] as number, joint.p);
    // Wald of a single coefficient = z² (SPSS), z = coef / se (R).
    expectClose(t.rows[0].Wald as number, (arr<number>(c.r.coef)[0] / arr<number>(c.r.se)[0]) ** 2);
  });

  it("HTML: p-values journal style, never 0.000", () => {
    const html = summaryHtml(fit);
    expect(html).toContain("&lt; 0.001");
    expect(html).not.toMatch(/>0\.000</);
  });

  it("survfit: R's print table (n, events, median, 0.95LCL, 0.95UCL) with R's values", () => {
    const s = byId("doc:summary.survfit-2");
    const sf = survfit(s.formula, dataAs("ovarian", "columns"));
    const [t] = summaryTables(sf);
    expect(t.columns).toEqual(["", "n", "events", "median", "0.95LCL", "0.95UCL"]);
    expect(t.rows.map((r) => r[""])).toEqual(["rx=1", "rx=2"]);
    t.rows.forEach((row, j) => {
      expectClose(row.median as number | null, s.r.curves[j].median);
      expectClose(row["0.95LCL"] as number | null, s.r.curves[j].median_lower);
    });
    expect(summaryTables(sf, { style: "spss" })[0].caption).toMatch(/Means and Medians/);
  });

  it("survdiff: R's table and the χ² line; SPSS's Overall Comparisons", () => {
    const s = byId("doc:survdiff-1");
    const d = survdiff(s.formula, dataAs("ovarian", "records"));
    const [t] = summaryTables(d);
    expect(t.columns).toEqual(["", "N", "Observed", "Expected", "(O-E)^2/E", "(O-E)^2/V"]);
    expect(t.notes[0]).toBe(
      `Chisq = ${formatFixed(s.r.chisq, 1)} on 1 degrees of freedom, p = ${formatFixed(s.r.p, 3)}`,
    );
    expect(summaryTables(d, { style: "spss" })[0].rows[0][""]).toBe("Log Rank (Mantel-Cox)");
  });
});

describe("tidy and resultToDataFrame: every result as rows", () => {
  const c = byId("doc:anova.coxph-1");
  const fit = coxph(c.formula, dataAs("ovarian", "columns"));

  it("tidy rows of each result shape", () => {
    expect(tidy(fit).map((r) => r.term)).toEqual(arr(c.r.names));
    expect(tidy(anova(fit)).map((r) => r.term)).toEqual(arr(c.r.anova.rows));
    expect(tidy(coxZph(fit)).map((r) => r.term)).toEqual(arr(c.r.zph.terms));
    const sf = survfit("Surv(futime, fustat) ~ rx", dataAs("ovarian", "columns"));
    expect(tidy(sf).length).toBe(sf.curves.reduce((n, x) => n + x.fit.steps.length, 0));
    expect(tidy(fit.likelihoodRatioTest)[0].df).toBe(4);
    expect(tidy([fit.waldTest, fit.scoreTest]).length).toBe(2);
  });

  it("resultToDataFrame: a danfojs DataFrame of the tidy rows (NA as NaN in number columns)", () => {
    const df = resultToDataFrame(fit);
    expect(df.shape).toEqual([4, 9]);
    expect(df.columns).toEqual(["term", "coef", "exp_coef", "se", "naive_se", "z", "p_value", "lower", "upper"]);
    expectAllClose(df.column("coef").values as number[], arr(c.r.coef));
  }, 120_000);
});

describe("a danfojs DataFrame as data", () => {
  it("coxph on a DataFrame gives R's numbers (colon, with missing values as NaN / null)", () => {
    const danfo = require("danfojs-node") as typeof import("danfojs-node");
    const c = byId("feature:colon-factors");
    const cols = formulaData.datasets.colon.columns;
    const df = new danfo.DataFrame(
      Object.fromEntries(
        Object.entries(cols).map(([k, v]) => [k, v.map((x) => (x === null ? (k === "rx" ? null : NaN) : x))]),
      ),
    );
    const fit = coxph(c.formula, df, optionsOf(c));
    expectAllClose(
      fit.terms.map((t) => t.coef),
      arr(c.r.coef),
      { label: "coef" },
    );
    expect(fit.missing.dropped).toBe(c.r.n_dropped);
  }, 120_000);
});

describe("anova refuses what R refuses, and says which model differs", () => {
  const lung = dataAs("lung", "columns");
  it("robust fits", () => {
    expect(() => anova(coxph("Surv(time, status) ~ age + cluster(inst)", lung))).toThrow(/robust/);
  });
  it("models on different rows (a covariate with missing values in one model only)", () => {
    const a = coxph("Surv(time, status) ~ age", lung);
    const b = coxph("Surv(time, status) ~ age + wt.loss", lung);
    expect(() => anova(a, b)).toThrow(/^fit2 = .*was fitted to 214 rows, model 1 to 228/);
  });
  it("different ties or response", () => {
    const a = coxph("Surv(time, status) ~ age", lung);
    expect(() => anova(a, coxph("Surv(time, status) ~ age + sex", lung, { ties: "breslow" }))).toThrow(/ties/);
    expect(() => anova(a, coxph("Surv(time, status == 2) ~ age + sex", lung))).toThrow(/response/);
  });
  it("models that are not nested get a warning", () => {
    const a = coxph("Surv(time, status) ~ age", lung);
    const b = coxph("Surv(time, status) ~ sex", lung);
    expect(anova(a, b).warnings[0]).toMatch(/not nested/);
  });
});

describe("coxphNewdata: new rows coded as the fit's design (R: model.matrix(fit, newdata))", () => {
  const newdata = (
    formulaFixtures as unknown as {
      newdata: {
        fit: string;
        newdata: Record<string, unknown[]>;
        names: string[];
        columns: number[][];
        strata: string[] | null;
      }[];
    }
  ).newdata;
  for (const nd of newdata) {
    it(`${nd.fit}`, () => {
      const c = byId(nd.fit);
      const fit = coxph(c.formula, dataAs(c.data, "columns"), optionsOf(c));
      const design = coxphNewdata(fit, nd.newdata as never);
      expect(design.names).toEqual(nd.names);
      design.columns.forEach((col, j) => {
        expect(Array.from(col)).toEqual(arr(nd.columns[j]));
      });
      if (nd.strata) expect(Array.from(design.strata ?? [], (k) => fit.strata?.levels[k])).toEqual(arr(nd.strata));
      else expect(design.strata).toBeNull();
    });
  }
  it("a level the fit did not see, and a missing covariate, are InputErrors naming the row", () => {
    const c = byId("doc:model.matrix.coxph");
    const fit = coxph(c.formula, dataAs("lung", "columns"));
    expect(() => coxphNewdata(fit, [{ age: 60, "ph.ecog": 4 }])).toThrow(
      /^factor\(ph.ecog\)\[0\] = 4: is not one of the levels given \(0, 1, 2, 3\)/,
    );
    expect(() => coxphNewdata(fit, [{ age: null, "ph.ecog": 1 }])).toThrow(/^age\[0\] = null: is missing in newdata/);
  });
});
