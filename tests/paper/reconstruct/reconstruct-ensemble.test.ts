import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reconstructCohort } from "../../../src/paper/reconstruct/reconstruct-cohort";
import { fidelityReport } from "../../../src/paper/reconstruct/fidelity";
import { syntheticRows } from "../../../src/paper/reconstruct/synthetic-rows";
import { formatCohortCsv } from "../../../src/paper/cohort/format-cohort-csv";
import { loadEnsembleStudies } from "../../../src/paper/study/load-ensemble";

/** A reconstruction takes about a minute on an idle 2-core machine; shared CI machines run it several times slower. */
const RECONSTRUCTION_TIMEOUT = 600_000;
const DIR = join(__dirname, "..", "..", "..", "data", "ensemble");
const summary = JSON.parse(readFileSync(join(DIR, "fidelity-summary.json"), "utf8")) as {
  note: string;
  mainSeed: number;
  effort: number;
  cohorts: { seed: number; file: string; counts: Record<string, number>; constraintsMet: string }[];
};

describe("the shipped ensemble of reconstructed cohorts (data/ensemble)", { timeout: RECONSTRUCTION_TIMEOUT }, () => {
  it("lists one file per seed after the main cohort's, all loading through the codebook", () => {
    expect(summary.note).toMatch(/SYNTHETIC/);
    expect(summary.cohorts.map((c) => c.seed)).toEqual(summary.cohorts.map((_, k) => summary.mainSeed + k + 1));
    const members = loadEnsembleStudies(DIR);
    expect(members.map((m) => m.seed)).toEqual(summary.cohorts.map((c) => c.seed));
    for (const m of members) expect(m.study.patients).toHaveLength(55);
  });

  it("every member meets every constraint", () => {
    for (const c of summary.cohorts) expect(c.constraintsMet, `seed ${c.seed}`).toMatch(/^(\d+) \/ \1$/);
  });

  it(
    "the first member regenerates byte-identically from its seed (npm run reconstruct -- --ensemble K)",
    () => {
      const first = summary.cohorts[0];
      const r = reconstructCohort({ seed: first.seed, effort: summary.effort });
      expect(formatCohortCsv(syntheticRows(r.patients), { source: "reconstruction" })).toBe(
        readFileSync(join(DIR, first.file), "utf8"),
      );
      expect(fidelityReport(r).counts).toEqual(first.counts);
    },
    RECONSTRUCTION_TIMEOUT,
  );
});
