import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { correlationPValue } from "../../../src/lib/distributions";
import { type ReportedTestFamily, statisticPValue } from "../../../src/lib/hypothesis";
import { expectClose } from "../../helpers/expect-close";

interface Case {
  family: ReportedTestFamily;
  statistic: number;
  df: number | null;
  df2: number | null;
  sided: "two-sided" | "one-sided";
  p: number;
}
/** Written by tests/fixtures/distributions/reported-tests.R (R's pchisq, pt, pf, pnorm). */
const fixture = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "fixtures", "distributions", "reported-tests.json"), "utf8"),
) as { cases: Case[] };

describe("statisticPValue: statcheck's recomputation matches R", () => {
  it.each(
    fixture.cases.map((c) => [`${c.family}(${c.df ?? ""}${c.df2 ? `, ${c.df2}` : ""}) = ${c.statistic} ${c.sided}`, c]),
  )("%s", (_, c) => {
    const p = statisticPValue(c.family, c.statistic, {
      df: c.df ?? undefined,
      df2: c.df2 ?? undefined,
      sided: c.sided,
    });
    expectClose(p, c.p, { rel: 1e-6, abs: 1e-300, label: "p", input: c });
  });

  it("covers every family, both sides and a p far below 1e-16", () => {
    expect(new Set(fixture.cases.map((c) => c.family))).toEqual(new Set(["chisq", "t", "F", "z", "r"]));
    expect(fixture.cases.some((c) => c.sided === "one-sided")).toBe(true);
    expect(Math.min(...fixture.cases.map((c) => c.p))).toBeLessThan(1e-16);
  });

  it("r's p is t's p with t = r·√(df/(1 − r²)): by hand for r = 0.6, n = 12", () => {
    // t = 0.6·√(10/0.64) = 0.6·3.952847 = 2.371708; both routes must agree exactly.
    const t = 0.6 * Math.sqrt(10 / 0.64);
    expect(t).toBeCloseTo(2.371708, 6);
    expect(correlationPValue(0.6, 10)).toBe(statisticPValue("t", t, { df: 10 }));
    expect(correlationPValue(1, 10)).toBe(0);
  });

  it("rejects bad input with the field and value", () => {
    expect(() => statisticPValue("chisq", 3)).toThrow(/options\.df = undefined/);
    expect(() => statisticPValue("chisq", -1, { df: 1 })).toThrow(InputError);
    expect(() => statisticPValue("F", 2, { df: 1 })).toThrow(/options\.df2/);
    expect(() => statisticPValue("r", 1.2, { df: 10 })).toThrow(/r = 1\.2/);
    expect(() => statisticPValue("q" as ReportedTestFamily, 1)).toThrow(/family = "q"/);
    expect(() => statisticPValue("z", Number.NaN)).toThrow(/statistic = NaN/);
    expect(() => statisticPValue("t", 2, { df: 5, sided: "left" as "one-sided" })).toThrow(/options\.sided/);
  });
});
