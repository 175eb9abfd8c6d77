import { describe, expect, it } from "vitest";
import { statResult } from "../../../src/lib/core/result";
import { resultToHtml, htmlTable } from "../../../src/lib/core/html";
import { InputError } from "../../../src/lib/core/errors";

describe("statResult", () => {
  const r = statResult({
    test: "pearson-chisq",
    method: "Pearson's chi-square",
    convention: "R stats::chisq.test(correct = FALSE)",
    n: 55,
    statisticName: "X-squared",
    statistic: 21.79,
    df: 1,
    pValue: 3.04e-6,
    details: {
      expected: [
        [7.1, 15.9],
        [9.9, 22.1],
      ],
    },
  });
  it("fills every field so all results have the same keys in the same order", () => {
    expect(Object.keys(r)).toEqual([
      "test",
      "method",
      "convention",
      "statisticName",
      "statistic",
      "df",
      "pValue",
      "alternative",
      "estimateName",
      "estimate",
      "ci",
      "confLevel",
      "n",
      "warnings",
      "details",
    ]);
    expect(r.estimate).toBeNull();
    expect(r.warnings).toEqual([]);
  });
  it("is deeply immutable", () => {
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.details)).toBe(true);
    expect(() => {
      (r as unknown as { pValue: number }).pValue = 0.5;
    }).toThrow();
    expect(() => {
      ((r.details.expected as number[][])[0] as number[])[0] = 1;
    }).toThrow();
  });
  it("round-trips through JSON unchanged", () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it("renders as an HTML table with journal-style p", () => {
    const html = resultToHtml(r);
    expect(html).toContain("<td>X-squared = 21.790</td>");
    expect(html).toContain("<td>&lt; 0.001</td>");
    expect(html).toContain("R stats::chisq.test(correct = FALSE)");
  });
});

describe("htmlTable", () => {
  it("escapes text, keeps integers, fixes decimals per column", () => {
    const html = htmlTable([{ name: "<b>", n: 3, est: 0.123456 }], { decimals: { est: 2 } });
    expect(html).toContain("<td>&lt;b&gt;</td><td>3</td><td>0.12</td>");
  });
});

describe("InputError", () => {
  it("names field, index and value", () => {
    const e = new InputError("times must be finite numbers ≥ 0", { field: "time", index: 3, value: -1 });
    expect(e.message).toBe("time[3] = -1: times must be finite numbers ≥ 0");
    expect(e).toBeInstanceOf(Error);
    expect(e.field).toBe("time");
    expect(e.index).toBe(3);
  });
  it("names the file line for loaders and quotes strings", () => {
    const e = new InputError("not a category of sex", { field: "sex", line: 12, value: "M " });
    expect(e.message).toBe('line 12, sex = "M ": not a category of sex');
    expect(new InputError("x", { field: "f", value: Number.NaN }).message).toBe("f = NaN: x");
  });
});
