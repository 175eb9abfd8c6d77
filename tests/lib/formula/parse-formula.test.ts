import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { parseFormula } from "../../../src/lib/formula";
import { arr, formulaFixtures } from "../frontend/fixtures";

describe("parseFormula gives R's terms(): labels, order, intercept and contrast coding (R 4.2.2 terms.formula)", () => {
  for (const t of formulaFixtures.terms as {
    formula: string;
    labels: string[];
    order: number[];
    intercept: number;
    variables: string[];
    coding: number[][];
  }[]) {
    it(t.formula, () => {
      const f = parseFormula(t.formula);
      expect(f.terms.map((x) => x.label)).toEqual(arr(t.labels));
      expect(f.terms.map((x) => x.order)).toEqual(arr(t.order));
      expect(f.intercept).toBe(t.intercept === 1);
      expect([f.response.label, ...f.variables.map((v) => v.label)]).toEqual(arr(t.variables));
      expect(f.terms.map((x) => [...x.coding])).toEqual(arr(t.coding).map((c) => arr(c)));
    });
  }
});

/** The InputError of a formula: the message names the token; index is its 0-based position. */
function formulaError(text: string): InputError {
  try {
    parseFormula(text);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`no error for ${text}`);
}

describe("unsupported syntax is an InputError naming the token and its position", () => {
  const cases: [string, string, number, RegExp][] = [
    ["Surv(time, status) ~ age + pspline(age, 3)", "pspline", 27, /penalized splines/],
    ["Surv(time, status) ~ ph.ecog + tt(age)", "tt", 31, /time-transformed/],
    ["Surv(time, status) ~ rx + frailty(litter)", "frailty", 26, /frailty/],
    ["Surv(time, status) ~ x + offset(e)", "offset", 25, /offset/],
    ["Surv(time, status) ~ x + ns(age, 3)", "ns", 25, /spline/],
    ["Surv(time, status) ~ x + mean(age)", "mean", 25, /function mean\(\) is not supported/],
    ["Surv(time, status) ~ x[1]", "[", 22, /indexing/],
    ["Surv(time, status) ~ lung$age", "$", 25, /indexing/],
    ["Surv(time, status) ~ a %o% b", "%o%", 23, /operator %o% is not supported/],
    ["Surv(time, status) ~ age + + ", "", 29, /ends too early/],
    ["Surv(time, status) ~ age sex", "sex", 25, /an operator such as \+ is missing/],
    ["Surv(time, status) ~ (age + sex", "", 31, /expected "\)"/],
    ["time ~ age", "time", 0, /left side must be Surv/],
    ["~ age", "~", 0, /no response/],
    ["Surv(time, status) ~ age + 2", "2", 27, /number other than 0 or 1/],
    ["Surv(time, status) ~ age + cluster(id) + cluster(inst)", "cluster(inst)", 41, /two cluster/],
    ["Surv(time, status) ~ age:cluster(id)", "cluster(id)", 25, /cluster\(\) cannot be in an interaction/],
    ["Surv(time, status) ~ (a + b)^x", "x", 29, /whole number/],
    ['Surv(time, status) ~ "a"', '"a"', 21, /constant is not a term/],
    ["Surv(time, status) ~ age # comment", "#", 25, /unexpected character/],
    ["Surv(time, status, type = 'interval') ~ age", "'interval'", 26, /only type/],
    ["Surv(time, status) ~ mypkg::f(x)", "mypkg", 21, /namespace mypkg/],
  ];
  for (const [text, token, position, message] of cases) {
    it(`${text} → ${JSON.stringify(token)} at ${position}`, () => {
      const e = formulaError(text);
      expect(e.field).toBe("formula");
      expect(e.index).toBe(position);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(`formula[${position}]`)).toBe(true);
      if (token) expect(e.value).toBe(token.length > 0 ? text.slice(position, position + token.length) : e.value);
      // The caret line points at the token.
      const lines = e.message.split("\n");
      expect(lines[lines.length - 1].indexOf("^")).toBe(2 + position);
    });
  }

  it("a formula that is not a string is an InputError", () => {
    expect(() => parseFormula(42 as unknown as string)).toThrow(/formula = 42: must be a string/);
  });

  it("survival:: and stats:: prefixes are dropped, as coxph's removeDoubleColonSurv", () => {
    expect(
      parseFormula("survival::Surv(time, status) ~ survival::strata(inst) + age").terms.map((t) => t.label),
    ).toEqual(["strata(inst)", "age"]);
  });

  it("deparses as R: spacing normalized, backticks kept for non-syntactic names, numbers as R prints them", () => {
    const f = parseFormula("Surv( time,status )~I(age/10)+`my var`+I(age*100000)+log( bili )");
    expect(f.label).toBe("Surv(time, status) ~ I(age/10) + `my var` + I(age * 1e+05) + log(bili)");
  });

  it("`.` needs the data's columns and leaves out the response", () => {
    expect(() => parseFormula("Surv(time, status) ~ .")).toThrow(/needs the data's column names/);
    const f = parseFormula("Surv(time, status) ~ . - id", { columns: ["time", "status", "age", "id"] });
    expect(f.terms.map((t) => t.label)).toEqual(["age"]);
  });
});
