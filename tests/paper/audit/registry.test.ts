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
    [
      { locator: { section: "4.9", quote: "23" } },
      /entries\[0\]\.locator\.section = "4\.9": entry "x\.n": unknown section/,
    ],
    [
      { locator: { section: "abstract", quote: "41.82% died" } },
      /locator\.quote.*does not contain the printed value 23/,
    ],
    [{ relations: { count: "nope" } }, /entries\[0\]\.relations\.count = "nope": entry "x\.n": refers to no entry/],
    [{ relations: { test: "t-test" } }, /relations\.test/],
    [{ scale: { type: "integer", min: 10, max: 0 } }, /entries\[0\]\.scale/],
  ])("rejects a bad field with an error naming entry and field (%j)", (over, message) => {
    expect(() => buildRegistry({ entries: [entry(over)] })).toThrow(InputError);
    expect(() => buildRegistry({ entries: [entry(over)] })).toThrow(message);
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
