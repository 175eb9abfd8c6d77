/**
 * The DataFrame operations the notebooks use, on danfojs-node as installed under the npm overrides
 * (tfjs-node replaced by pure-JS @tensorflow/tfjs): read a CSV, select columns, filter, groupby +
 * agg, describe. Data: tests/fixtures/cohort/valid-small.csv (4 patients); every expected value is
 * computed by hand in the comments.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "danfojs-node";
import { loadCohort, toDataFrame } from "../../../src/paper/cohort";
import { inputErrorOf, VALID_SMALL_PATH } from "./cohort-test-kit";
import { expectAllClose, expectClose } from "../../helpers/expect-close";

// age: 61, 45, 70, 58 (P01..P04); sex: female, male, female, male; vas_pre: 7, 5, 8, 6; died: 1, 1, 0, 1.
let df: DataFrame;
let danfo: typeof import("danfojs-node");

beforeAll(() => {
  df = toDataFrame(loadCohort(VALID_SMALL_PATH));
  danfo = require("danfojs-node");
});

describe("danfojs-node on the validated cohort (toDataFrame)", () => {
  it("has one column per codebook variable, booleans as 0/1, missing as NaN, numbers unrounded", () => {
    expect(df.shape).toEqual([4, 56]);
    expect(df.columns.slice(0, 3)).toEqual(["patient_id", "sex", "age"]);
    expect(df.died.values).toEqual([1, 1, 0, 1]);
    expect(df.height_cm.values[1]).toBeNaN();
    // float32 would turn 66.67 into 66.66999816894531: the values must stay float64.
    expect(df.odi_pre.values).toEqual([66.67, 57.5, 80, 71.11]);
    expect(df.last_visit_date.values).toEqual(["2017-05-20", null, "2024-03-15", null]);
  });

  it("selects columns with loc", () => {
    const sub = df.loc({ columns: ["patient_id", "age"] });
    expect(sub.shape).toEqual([4, 2]);
    expect(sub.values).toEqual([
      ["P01", 61],
      ["P02", 45],
      ["P03", 70],
      ["P04", 58],
    ]);
  });

  it("filters rows with query (died = 1 → P01, P02, P04)", () => {
    const dead = df.query(df.died.eq(1));
    expect(dead.patient_id.values).toEqual(["P01", "P02", "P04"]);
    const visceral = df.query(df.visceral_mets.eq(1).and(df.age.gt(65)));
    expect(visceral.patient_id.values).toEqual(["P03"]);
  });

  it("groupby + agg: mean age and summed VAS by sex", () => {
    // female: (61 + 70)/2 = 65.5, 7 + 8 = 15; male: (45 + 58)/2 = 51.5, 5 + 6 = 11.
    const g = df.groupby(["sex"]).agg({ age: "mean", vas_pre: "sum" });
    expect(g.columns).toEqual(["sex", "age_mean", "vas_pre_sum"]);
    expect(g.values).toEqual([
      ["female", 65.5, 15],
      ["male", 51.5, 11],
    ]);
  });

  it("describe: count, mean, sample SD, min, median, max, variance", () => {
    // age: mean 234/4 = 58.5; squared deviations 6.25 + 182.25 + 132.25 + 0.25 = 321; var 321/3 = 107; median (58 + 61)/2 = 59.5.
    // vas_pre: mean 6.5; squared deviations 0.25 + 2.25 + 2.25 + 0.25 = 5; var 5/3.
    const d = df.loc({ columns: ["age", "vas_pre"] }).describe();
    expect(d.index).toEqual(["count", "mean", "std", "min", "median", "max", "variance"]);
    const [age, vas] = [d.age.values as number[], d.vas_pre.values as number[]];
    expectAllClose(age, [4, 58.5, Math.sqrt(107), 45, 59.5, 70, 107], { rel: 1e-12, label: "describe(age)" });
    expectAllClose(vas, [4, 6.5, Math.sqrt(5 / 3), 5, 6.5, 8, 5 / 3], { rel: 1e-12, label: "describe(vas_pre)" });
  });

  it("a column mean skips the missing height: (160 + 155.5 + 175)/3 = 163.5", () => {
    expectClose(df.height_cm.mean(), 163.5, { rel: 1e-12, label: "mean height" });
  });

  it("toDataFrame rejects something that is not a validated cohort", () => {
    expect(inputErrorOf(() => toDataFrame({ rows: 1 } as never)).field).toBe("cohort");
  });
});

describe("danfojs-node readCSV (why the project does not use it for loading)", () => {
  it("reads the file, but types columns itself: 0/1 flags become int32, ids stay strings", async () => {
    const raw = await danfo.readCSV(VALID_SMALL_PATH);
    expect(raw.shape).toEqual([4, 56]);
    expect(raw.patient_id.values).toEqual(["P01", "P02", "P03", "P04"]);
    expect(raw.odi_pre.values).toEqual([66.67, 57.5, 80, 71.11]);
    // dynamic typing: the loader's rule "nothing coerced silently" is why src/cohort parses strings itself.
    expect(raw.died.dtype).toBe("int32");
  });

  it("coerces silently: 1.0 and 007 come back as the integers 1 and 7 (parseCohortCsv rejects both)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "danfo-")), "coerce.csv");
    writeFileSync(path, "a,b\n1.0,007\n2,8\n");
    const raw = await danfo.readCSV(path);
    expect(raw.a.values).toEqual([1, 2]);
    expect(raw.b.values).toEqual([7, 8]);
  });
});
