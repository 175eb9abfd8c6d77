import { describe, expect, it } from "vitest";
import { coxPH, kaplanMeierByGroup, logRank, surv } from "../../../src/lib";

/** Numbers and strings in one label array are an InputError in every function that groups by label. */
describe("group labels that mix numbers and strings", () => {
  const y = surv([2, 3, 5, 7, 8, 9], [1, 0, 1, 1, 0, 1]);
  const mixed = [1, 2, "1", 2, 1, "2"];
  const x = { names: ["x"], columns: [[1, 0, 1, 0, 1, 0]] };
  const error = (index: number, value: unknown, field: string) =>
    expect.objectContaining({ name: "InputError", field, index, value });

  it("logRank, kaplanMeierByGroup, Cox strata and clusters all reject them, naming the first label of the other type", () => {
    expect(() => logRank(y, mixed)).toThrow(error(2, "1", "groups"));
    expect(() => kaplanMeierByGroup(y, mixed)).toThrow(error(2, "1", "groups"));
    expect(() => logRank(y, ["a", "a", "b", "b", "a", "b"], { strata: mixed })).toThrow(
      error(2, "1", "options.strata"),
    );
    expect(() => coxPH(y, x, { strata: mixed })).toThrow(error(2, "1", "strata"));
    expect(() => coxPH(y, x, { cluster: ["p1", "p2", 3, "p4", "p5", "p6"] })).toThrow(error(2, 3, "cluster"));
  });

  it('the message says why: 1 and "1" would be one label in R', () => {
    expect(() => logRank(y, mixed)).toThrow(/groups\[2\] = "1": labels mix numbers and strings .*R/);
  });

  it("one type is fine either way, and gives the same groups", () => {
    const asNumbers = logRank(y, [1, 2, 1, 2, 1, 2]);
    const asStrings = logRank(y, ["1", "2", "1", "2", "1", "2"]);
    expect(asNumbers.details.groups).toEqual(["1", "2"]);
    expect(asStrings.statistic).toBe(asNumbers.statistic);
    expect(kaplanMeierByGroup(y, [1, 2, 1, 2, 1, 2]).map((g) => g.label)).toEqual(["1", "2"]);
  });
});
