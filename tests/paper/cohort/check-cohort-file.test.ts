import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCohortFile, checkCohortForAnalysis, loadCohort, SHIPPED_COHORT_PATH } from "../../../src/paper/cohort";
import { badCohortFiles } from "../../helpers/bad-cohort-files";
import { VARIANT_NAMES, variantCohort } from "../../helpers/variant-cohorts";
import { VALID_SMALL_PATH } from "./cohort-test-kit";

const dir = mkdtempSync(join(tmpdir(), "bad-cohorts-"));

describe("checkCohortFile: every bad file is refused with line, column, value or a hint", () => {
  const files = badCohortFiles();

  it("covers every category with about 30 files", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(files.map((f) => f.category))).toEqual(
      new Set(["format", "encoding", "separator", "codebook", "analysis"]),
    );
  });

  for (const [k, f] of files.entries()) {
    it(`${f.category}: ${f.name}`, () => {
      const path = join(dir, `${k}.csv`);
      writeFileSync(path, f.bytes);
      const check = checkCohortFile(path);
      expect(check.ok).toBe(false);
      expect(check.cohort).toBeNull();
      expect(check.errors[0].message).toMatch(f.error);
      if (f.hint) expect(check.hint).toMatch(f.hint);
    });
  }

  it("a separator problem is one error, not one per column", () => {
    const f = files.find((x) => x.name.startsWith("European"))!;
    writeFileSync(join(dir, "eu.csv"), f.bytes);
    expect(checkCohortFile(join(dir, "eu.csv")).errors).toHaveLength(1);
  });

  it("a file that cannot be read is named", () => {
    expect(checkCohortFile(join(dir, "absent.csv")).errors[0].message).toMatch(
      /^file = ".*absent\.csv": cannot be read/,
    );
    expect(checkCohortFile(dir).errors[0].message).toMatch(/it is a directory/);
  });
});

describe("checkCohortFile accepts valid cohorts of every shape the generator makes", () => {
  it("the shipped cohort, the small fixture and each variant pass, with the cohort returned", () => {
    for (const path of [SHIPPED_COHORT_PATH, VALID_SMALL_PATH]) {
      const check = checkCohortFile(path);
      expect(check.errors.map((e) => e.message)).toEqual([]);
      expect(check.cohort?.rows.length).toBeGreaterThan(1);
    }
    for (const name of VARIANT_NAMES) {
      const v = variantCohort(name);
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, v.csv);
      const check = checkCohortFile(path);
      expect(
        check.errors.map((e) => e.message),
        name,
      ).toEqual([]);
      expect(check.cohort!.rows.length, name).toBe(v.patients);
    }
  });

  it("checkCohortForAnalysis lists every rule that fails, by line", () => {
    expect(checkCohortForAnalysis(loadCohort(VALID_SMALL_PATH))).toEqual([]);
  });
});
