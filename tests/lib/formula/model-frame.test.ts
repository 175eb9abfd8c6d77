import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { modelFrame, modelMatrix } from "../../../src/lib/formula";
import { coxph, survdiff, survfit } from "../../../src/lib/frontend";
import { dataAs, formulaData } from "../frontend/fixtures";

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("no error");
}

const small = {
  t: [5, 8, 8, 12, 15, 20],
  s: [2, 2, 1, 2, 1, 2],
  g: ["b", "a", "c", "a", null, "b"],
  x: [1, 2, 3, 4, 5, NaN],
};

describe("status coding follows R's Surv() (survival 3.5 R/Surv.R)", () => {
  it("1/2 when the largest status is 2: 1 = censored, 2 = event", () => {
    const f = modelFrame("Surv(t, s) ~ x", small);
    expect(f.response.coding).toBe("1/2");
    expect(Array.from(f.response.event)).toEqual([1, 1, 0, 1, 0]); // row 5 dropped (x missing)
  });
  it("0/1 otherwise, TRUE/FALSE as event/censored, Surv(time) alone: all events", () => {
    expect(modelFrame("Surv(t, s) ~ 1", { t: [1, 2], s: [0, 1] }).response.coding).toBe("0/1");
    const l = modelFrame("Surv(t, s) ~ 1", { t: [1, 2], s: [true, false] });
    expect([l.response.coding, Array.from(l.response.event)]).toEqual(["logical", [1, 0]]);
    expect(Array.from(modelFrame("Surv(t) ~ 1", { t: [1, 2] }).response.event)).toEqual([1, 1]);
  });
  it("all 2 means all events (max = 2), as R", () => {
    expect(Array.from(modelFrame("Surv(t, s) ~ 1", { t: [1, 2], s: [2, 2] }).response.event)).toEqual([1, 1]);
  });
  it("0/1/2 is an InputError naming the row, where R silently makes the 0 rows NA (pbcseq's help page)", () => {
    const e = inputError(() => modelFrame("Surv(t, s) ~ 1", { t: [1, 2, 3], s: [0, 1, 2] }));
    expect(e.message).toMatch(/^s\[0\] = 0: with 2 as the largest status, R's Surv\(\) reads 1 = censored, 2 = event/);
    const pbcseq = dataAs("pbcseq", "columns");
    const e2 = inputError(() => coxph("Surv(time1, time2, event) ~ age + sex + log(bili)", pbcseq));
    expect(e2.field).toBe("event");
    expect(formulaData.datasets.pbcseq.columns.event[e2.index as number]).toBe(0);
  });
  it("a status of 3 is an InputError", () => {
    expect(() => modelFrame("Surv(t, s) ~ 1", { t: [1, 2], s: [0, 3] })).toThrow(/s\[1\] = 3: status must be 0\/1/);
  });
  it("a text status is multi-state data: first level censored, the rest states", () => {
    const f = modelFrame("Surv(t, e) ~ 1", { t: [1, 2, 3], e: ["censor", "pcm", "death"] });
    expect(f.response.coding).toBe("states");
    expect(f.response.states).toEqual(["death", "pcm"]);
    expect(() => coxph("Surv(t, e) ~ x", { t: [1, 2, 3], e: ["censor", "pcm", "death"], x: [1, 2, 3] })).toThrow(
      /multi-state/,
    );
  });
});

describe("missing values: complete cases (R's na.omit), counted and listed", () => {
  it("drops rows with a missing value in any variable, reporting rows and counts per variable", () => {
    const f = modelFrame("Surv(t, s) ~ g + x", small);
    expect(f.n).toBe(4);
    expect(f.missing).toEqual({ dropped: 2, rows: [4, 5], byVariable: { g: 1, x: 1 } });
    expect(Array.from(f.rows ?? [])).toEqual([0, 1, 2, 3]);
  });
  it("null, undefined and NaN are missing; a record without the key too", () => {
    const records = [
      { t: 1, s: 1, x: 1 },
      { t: 2, s: 0, x: null },
      { t: 3, s: 1 },
      { t: 4, s: 1, x: NaN },
      { t: 5, s: 0, x: 2 },
    ];
    expect(modelFrame("Surv(t, s) ~ x", records).missing.rows).toEqual([1, 2, 3]);
  });
  it("coxph, survfit and survdiff report the dropped rows", () => {
    expect(coxph("Surv(t, s) ~ g + x", small).missing.dropped).toBe(2);
    expect(survfit("Surv(t, s) ~ g", small).missing.rows).toEqual([4]);
    expect(survdiff("Surv(t, s) ~ g", small).missing.rows).toEqual([4]);
  });
  it("no complete rows is an InputError that says why", () => {
    expect(() => modelFrame("Surv(t, s) ~ x", { t: [1, 2], s: [1, 1], x: [null, null] })).toThrow(
      /no rows left after dropping 2 with a missing value \(x: 2\)/,
    );
  });
});

describe("bad data is an InputError naming the variable, row and value", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["Surv(t, s) ~ x", { t: [1, -2], s: [1, 1], x: [1, 2] }, /^t\[1\] = -2: times must be finite numbers ≥ 0/],
    ["Surv(t, s) ~ x", { t: [1, Infinity], s: [1, 1], x: [1, 2] }, /^t\[1\] = Infinity: times must be finite/],
    [
      "Surv(a, b, s) ~ x",
      { a: [0, 5], b: [2, 5], s: [1, 1], x: [1, 2] },
      /^a\[1\] = 5: the start time must be < the stop time 5/,
    ],
    [
      "Surv(t, s) ~ x",
      { t: [1, 2], s: [1, 1], x: [1, "2"] },
      /^x\[1\] = "2": column x mixes numeric values \(first at row 0: 1\) and character/,
    ],
    ["Surv(t, s) ~ x", { t: [1, 2], s: [1, 1], x: ["a", ""] }, /^x\[1\] = "": an empty string/],
    ["Surv(t, s) ~ x", { t: [1, 2], s: [1, 1], x: [1, {}] }, /^x\[1\] = object: values must be numbers/],
    [
      "Surv(t, s) ~ x",
      { t: [1, 2], s: [1, 1], x: [1, Infinity] },
      /^x\[1\] = Infinity: covariates must be finite numbers/,
    ],
    ["Surv(t, s) ~ log(x)", { t: [1, 2], s: [1, 1], x: [1, 0] }, /^log\(x\)\[1\] = 0: log\(0\) is not a finite number/],
    [
      "Surv(t, s) ~ x",
      { t: [1, 2], s: [1, 1], x: ["a", "a"] },
      /^x = array\(length 1\): has one level \(a\) among the rows used/,
    ],
    [
      "Surv(t, s) ~ y",
      { t: [1, 2], s: [1, 1], x: [1, 2] },
      /^formula\[13\] = "y": no column "y" in the data \(columns: t, s, x\)/,
    ],
    [
      "Surv(t, s) ~ x",
      { t: [1, 2], s: [1, 1], x: [1, 2, 3] },
      /^data\.x = array\(length 3\): has 3 values, column t has 2/,
    ],
    [
      "Surv(g, s) ~ x",
      { g: ["a", "b"], s: [1, 1], x: [1, 2] },
      /^formula\[5\] = "g": the time of Surv\(\) must be numeric/,
    ],
    [
      "Surv(t, s) ~ x + I(g * 2)",
      { t: [1, 2], s: [1, 1], x: [1, 2], g: ["a", "b"] },
      /formula\[19\] = "g": g is categorical/,
    ],
  ];
  for (const [formula, data, message] of cases)
    it(`${formula} on ${JSON.stringify(data)}`, () => {
      expect(() => coxph(formula, data as never)).toThrow(message);
    });

  it("a level outside the given levels is an InputError (R would make it NA silently)", () => {
    expect(() => coxph("Surv(t, s) ~ g", small, { levels: { g: ["a", "b"] } })).toThrow(
      /^g\[2\] = "c": is not one of the levels given \(a, b\)/,
    );
  });
  it("levels for a numeric column need factor()", () => {
    expect(() => coxph("Surv(t, s) ~ x", small, { levels: { x: [1, 2] } })).toThrow(/write factor\(x\)/);
  });
  it("records must be objects; data must be records, columns or a DataFrame", () => {
    expect(() => coxph("Surv(t, s) ~ x", [{ t: 1, s: 1, x: 1 }, 5] as never)).toThrow(/^data\[1\] = 5: each record/);
    expect(() => coxph("Surv(t, s) ~ x", "lung" as never)).toThrow(/^data = "lung": must be an array of records/);
  });
  it("a subset that is not logical, and weights ≤ 0, are InputErrors", () => {
    expect(() => coxph("Surv(t, s) ~ x", small, { subset: "x + 1" })).toThrow(
      /^subset = "x \+ 1": must give TRUE\/FALSE/,
    );
    expect(() => coxph("Surv(t, s) ~ x", small, { subset: "x >> 1" })).toThrow(/^subset\[3\]/);
    expect(() => coxph("Surv(t, s) ~ x", small, { weights: [1, 1, 0, 1, 1, 1] })).toThrow(
      /^weights\[2\] = 0: weights must be finite numbers > 0/,
    );
  });
});

describe("levels and treatment contrasts", () => {
  it("reference = first level in R's order (numbers ascending; text by R's collation), or the first given", () => {
    const d = {
      t: [1, 2, 3, 4, 5, 6],
      s: [1, 1, 0, 1, 1, 1],
      g: ["b", "B", "a", "A", "a b", "ab"],
      n: [10, 2, 10, 2, 1, 1],
    };
    const m = modelMatrix(modelFrame("Surv(t, s) ~ g + factor(n)", d));
    // R 4.2.2 sort(c("b","B","a","A","a b","ab")): "a" "A" "a b" "ab" "b" "B"; numbers 1 2 10.
    expect(m.xlevels).toEqual({ g: ["a", "A", "a b", "ab", "b", "B"], "factor(n)": ["1", "2", "10"] });
    expect(m.names).toEqual(["gA", "ga b", "gab", "gb", "gB", "factor(n)2", "factor(n)10"]);
    const given = modelMatrix(modelFrame("Surv(t, s) ~ factor(n)", d, { levels: { n: [10, 2, 1] } }));
    expect(given.names).toEqual(["factor(n)2", "factor(n)1"]);
    expect(given.reference).toEqual({ "factor(n)": "10" });
  });
  it("logical columns give a TRUE indicator (maleTRUE), as R", () => {
    const m = modelMatrix(modelFrame("Surv(t, s) ~ male", { t: [1, 2, 3], s: [1, 1, 0], male: [true, false, true] }));
    expect(m.names).toEqual(["maleTRUE"]);
    expect(Array.from(m.columns[0])).toEqual([1, 0, 1]);
  });
  it("a typed-array column is read as numbers without a copy", () => {
    const x = Float64Array.of(1, 2, 3);
    const f = modelFrame("Surv(t, s) ~ x", { t: [1, 2, 3], s: [1, 1, 0], x });
    expect((f.columns[0] as { values: Float64Array }).values).toBe(x);
  });
});
