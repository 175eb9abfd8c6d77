import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv, survCounting, type Surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

/** tests/fixtures/survival-curves/curves-fixtures.json, written by make-fixtures.R with R survival 3.5-3. */
// biome-ignore lint/suspicious/noExplicitAny: R's output object; each test reads and checks the fields it needs
export const curves: Record<string, any> = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/survival-curves/curves-fixtures.json"), "utf8"),
);

/** A fixture data set's columns by name (R's column names). */
export function dataset(name: string): Record<string, number[]> {
  return curves.datasets[name];
}

/** R writes NA as null; numbers stay numbers. */
export function rArray(v: unknown): (number | null)[] {
  return Array.isArray(v) ? (v as (number | null)[]) : [v as number | null];
}

/** The fixture case's outcome and weights (its name starts with the data set). */
export function rawData(name: string): { y: Surv; weights?: number[] } {
  const set = name.split("-")[0];
  const d = dataset(set);
  const y = d.start ? survCounting(d.start, d.time, d.event) : surv(d.time, d.event);
  if (!name.includes("weights")) return { y };
  return { y, weights: name.includes("intweights") ? d.wi : d.w };
}

export function checkColumns(
  ours: Record<string, readonly (number | null)[]>,
  // biome-ignore lint/suspicious/noExplicitAny: R's survfit object from the fixture
  r: any,
  label: string,
  fields: string[],
) {
  for (const f of fields) {
    const rName =
      { nRisk: "n.risk", nEvent: "n.event", nCensor: "n.censor", stdErr: "std.err", stdChaz: "std.chaz" }[f] ?? f;
    const expected = rArray(r[rName]);
    expect(ours[f].length, `${label} ${f} length`).toBe(expected.length);
    ours[f].forEach((v, i) => {
      expectClose(v, expected[i], { rel: 1e-6, abs: 1e-12, label: `${label} ${f}[${i}]` });
    });
  }
}

/** Refits a fixture's Cox model spec (make-fixtures.R `specs`) with coxPH on the same rows. */
export function fitSpec(name: string) {
  const spec = curves.specs[name];
  const d = dataset(spec.data);
  const y = d.start ? survCounting(d.start, d.time, d.event) : surv(d.time, d.event);
  const covariates: string[] = spec.covariates;
  return {
    spec,
    data: d,
    fit: coxPH(
      y,
      { names: covariates, columns: covariates.map((c) => d[c]) },
      {
        ties: spec.ties,
        strata: spec.strata ? d[spec.strata] : undefined,
        weights: spec.weights ? d[spec.weights] : undefined,
      },
    ),
  };
}

/** R's matrix-or-vector column list (one array per curve) as an array of curves. */
export function rCurves(v: unknown): (number | null)[][] {
  return Array.isArray(v) && Array.isArray(v[0]) ? (v as (number | null)[][]) : [rArray(v)];
}
