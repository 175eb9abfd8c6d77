import { readFileSync } from "node:fs";
import { join } from "node:path";
import { coxPH, type CoxOptions } from "../../../src/lib/survival/cox-ph";
import { surv, survCounting } from "../../../src/lib/survival/surv";

/** One case of tests/fixtures/survival-cox/cox-fixtures.json (written by make-fixtures.R). */
export interface FixtureCase {
  name: string;
  ties: "efron" | "breslow";
  robust: boolean;
  data: {
    time: number[];
    event: number[];
    start?: number[];
    covariates: string[];
    columns: number[][];
    strata?: string[];
    cluster?: number[];
    weights?: number[];
  };
  formula?: string;
  // biome-ignore lint/suspicious/noExplicitAny: R's output object; each test reads and checks the fields it needs
  r: Record<string, any>;
}
/** tests/fixtures/survival-cox/cox-fixtures.json, written by make-fixtures.R with R survival 3.5-3. */
export const fixtures = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/survival-cox/cox-fixtures.json"), "utf8"),
);

/** A fixture case's response, covariates and the options R used. */
export function caseInput(c: FixtureCase) {
  const y = c.data.start ? survCounting(c.data.start, c.data.time, c.data.event) : surv(c.data.time, c.data.event);
  const options: CoxOptions = {
    ties: c.ties,
    robust: c.robust,
    strata: c.data.strata,
    cluster: c.data.cluster,
    weights: c.data.weights,
  };
  return { y, x: { names: c.data.covariates, columns: c.data.columns }, options };
}

/** Fits a fixture case with the options R used. */
export function fitCase(c: FixtureCase) {
  const { y, x, options } = caseInput(c);
  return coxPH(y, x, options);
}
