import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FormulaData } from "../../../src/lib/formula";

/** A data set of tests/fixtures/formula/formula-data.json: columns (R NA as null) and R's factor levels. */
export interface FixtureData {
  name: string;
  n: number;
  columns: Record<string, (number | string | boolean | null)[]>;
  levels: Record<string, string[]>;
}

/** One case of tests/fixtures/formula/formula-fixtures.json (written by make-fixtures.R). */
export interface FormulaCase {
  id: string;
  source: string;
  fn: "coxph" | "survfit" | "survdiff";
  formula: string;
  data: string;
  args: {
    subset?: string;
    cluster?: string;
    weights?: string;
    ties?: "efron" | "breslow";
    rho?: number;
    "conf.type"?: "log" | "log-log" | "plain";
    "conf.int"?: number;
  };
  rcall: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: R's output object; each test reads and checks the fields it needs
  r: Record<string, any>;
}

const dir = join(__dirname, "../../fixtures/formula");

/** The data sets, exported from R survival 3.5-3 by make-fixtures.R. */
export const formulaData: { r_version: string; survival_version: string; datasets: Record<string, FixtureData> } =
  JSON.parse(readFileSync(join(dir, "formula-data.json"), "utf8"));

/** R's results for every case. */
export const formulaFixtures: {
  r_version: string;
  survival_version: string;
  cases: FormulaCase[];
  unsupported: { call: string; page: string; reason: string }[];
  terms: unknown[];
} = JSON.parse(readFileSync(join(dir, "formula-fixtures.json"), "utf8"));

/** A data set as an object of columns, or (alternating, so both readers are tested) as an array of records. */
export function dataAs(name: string, shape: "columns" | "records"): FormulaData {
  const d = formulaData.datasets[name];
  if (!d) throw new Error(`no data set ${name}`);
  if (shape === "columns") return d.columns;
  const names = Object.keys(d.columns);
  return Array.from({ length: d.n }, (_, i) => Object.fromEntries(names.map((k) => [k, d.columns[k][i]])));
}

/** The options of a case in the front end's terms (R's factor levels passed as `levels`). */
export function optionsOf(c: FormulaCase): Record<string, unknown> {
  const a = c.args ?? {};
  return {
    subset: a.subset,
    cluster: a.cluster,
    weights: a.weights,
    ties: a.ties,
    rho: a.rho,
    confType: a["conf.type"],
    confLevel: a["conf.int"],
    levels: formulaData.datasets[c.data].levels,
  };
}

/** A JSON value R wrote for a length-0 or length-1 vector, as an array. */
export function arr<T>(x: T | T[] | null | undefined): T[] {
  if (x === null || x === undefined) return [];
  return Array.isArray(x) ? x : [x];
}
