import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { buildRegistry, loadRegistry, parsePrinted } from "../../../src/paper/audit/registry";

const entry = (over: Record<string, unknown> = {}) => ({
  id: "x.n",
  value: "23",
  kind: "count",
  units: "patients",
  quantity: "deaths",
  locator: { section: "abstract", quote: "23 (41.82%) died" },
  ...over,
});

describe("loadRegistry / buildRegistry", () => {
  it("loads data/published.json with printed strings, numeric values and decimals", () => {
    const r = loadRegistry();
    const e = r.get("t3.p");
    expect(e.value).toBe("0.000");
    expect(e.number).toBe(0);
    expect(e.decimals).toBe(3);
    expect(r.get("t1.odi.pre.median").value).toBe("57.50");
    expect(r.get("s4.3.paraplegia.n").number).toBe(1); // "One"
    expect(Object.isFrozen(r.entries[0])).toBe(true);
  });

  it("parses printed numbers and number words, and rejects anything else", () => {
    expect(parsePrinted("-1.118")).toEqual({ number: -1.118, decimals: 3 });
    expect(parsePrinted("One")).toEqual({ number: 1, decimals: 0 });
    expect(parsePrinted("1,000")).toBeNull();
  });

  it.each([
    [{ id: "Bad Id" }, /entries\[0\]\.id/],
    [{ value: 23 }, /entries\[0\]\.value = 23: entry "x\.n"/],
    [{ value: "2e3" }, /not a printed number/],
    [{ kind: "ratio" }, /entries\[0\]\.kind = "ratio": entry "x\.n": kind must be one of/],
    [{ quantitty: "typo" }, /entries\[0\]\.quantitty = "typo": entry "x\.n": unknown field "quantitty"/],
    [{ locator: { section: "abstract" } }, /entries\[0\]\.locator\.quote = undefined: entry "x\.n": quote is required/],
    [
      { locator: { section: "abstract", quote: "41.82% died" } },
      /locator\.quote.*does not contain the printed value 23/,
    ],
    [{ relations: { count: "nope" } }, /entries\[0\]\.relations\.count = "nope": entry "x\.n": refers to no entry/],
    [{ relations: { test: "t-test" } }, /relations\.test = "t-test": entry "x\.n": test must be one of chisq, t, F/],
    [{ relations: { test: "F", df: 2 } }, /relations\.df2 = undefined: entry "x\.n": an F statistic needs/],
    [{ relations: { test: "t" } }, /relations\.df = undefined: entry "x\.n": a t statistic needs its degrees/],
    [{ scale: { type: "integer", min: 10, max: 0 } }, /entries\[0\]\.scale/],
  ])("rejects a bad field with an error naming entry and field (%j)", (over, message) => {
    expect(() => buildRegistry({ entries: [entry(over)] })).toThrow(InputError);
    expect(() => buildRegistry({ entries: [entry(over)] })).toThrow(message);
  });

  it("checks sections against the registry's declared sections, naming the entry", () => {
    const bad = { sections: ["abstract", "4.1"], entries: [entry({ locator: { section: "4.9", quote: "23" } })] };
    expect(() => buildRegistry(bad)).toThrow(/entries\[0\]\.locator\.section = "4\.9": entry "x\.n": unknown section/);
    expect(buildRegistry({ entries: [entry({ locator: { section: "4.9", quote: "23" } })] }).sections).toBeNull();
  });

  it("reads the paper's α from an entry or a number, and rejects one outside (0, 1)", () => {
    const a = entry({ id: "a", value: "0.01", kind: "p-threshold", locator: { section: "3", quote: "P < 0.01" } });
    expect(buildRegistry({ alpha: "a", entries: [a] }).alpha).toBe(0.01);
    expect(buildRegistry({ alpha: 0.1, entries: [] }).alphaSource).toBe("registry");
    expect(buildRegistry({ entries: [] }).alpha).toBe(0.05);
    expect(() => buildRegistry({ alpha: "nope", entries: [] })).toThrow(/alpha = "nope": alpha refers to no entry/);
    expect(() => buildRegistry({ alpha: 5, entries: [] })).toThrow(/alpha = 5/);
  });

  it("validates data/published.json against data/registry.schema.json (and the schema is valid draft 2020-12)", () => {
    const r = loadRegistry();
    expect(r.paper.doi).toBe("10.3389/fsurg.2026.1743422");
    expect(r.sections).toContain("Table 6");
    expect(r.entries.filter((e) => e.context !== undefined).length).toBeGreaterThan(40);
  });

  it("rejects duplicate ids and exclusions without a reason", () => {
    expect(() => buildRegistry({ entries: [entry(), entry()] })).toThrow(
      /entries\[1\]\.id = "x\.n": entry "x\.n": duplicate id/,
    );
    expect(() => buildRegistry({ entries: [], exclusions: [{ section: "5", quote: "(19)", reason: "" }] })).toThrow(
      /exclusions\[0\]\.reason/,
    );
  });

  it("names the missing id when get() is asked for an unknown entry", () => {
    expect(() => buildRegistry({ entries: [entry()] }).get("y")).toThrow(/id = "y": no registry entry/);
  });
});
