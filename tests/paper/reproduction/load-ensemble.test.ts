import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnsembleStudies } from "../../../src/paper/study/load-ensemble";
import { SHIPPED_CSV } from "./shipped-study";

describe("loadEnsembleStudies", () => {
  it("loads cohort-seed-<seed>.csv files sorted by seed, as synthetic studies", () => {
    const dir = mkdtempSync(join(tmpdir(), "ensemble-"));
    copyFileSync(SHIPPED_CSV, join(dir, "cohort-seed-12.csv"));
    copyFileSync(SHIPPED_CSV, join(dir, "cohort-seed-3.csv"));
    writeFileSync(join(dir, "fidelity-summary.json"), "{}");
    const members = loadEnsembleStudies(dir);
    expect(members.map((m) => m.label)).toEqual(["seed 3", "seed 12"]);
    expect(members[0].study.patients).toHaveLength(55);
    expect(members[0].study.synthetic).toBe(true);
  });

  it("says how to create the ensemble when it is missing or empty", () => {
    expect(() => loadEnsembleStudies(join(tmpdir(), "no-such-ensemble-dir"))).toThrow(
      /npm run reconstruct -- --ensemble/,
    );
    expect(() => loadEnsembleStudies(mkdtempSync(join(tmpdir(), "empty-")))).toThrow(/no cohort-seed/);
  });

  it("stops at a bad row, naming the file's line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "ensemble-bad-"));
    writeFileSync(join(dir, "cohort-seed-1.csv"), "patient_id,sex\nX,M\n");
    expect(() => loadEnsembleStudies(dir)).toThrow(/line|column|header/i);
  });
});
