import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cohortFingerprint,
  cohortProvenance,
  cohortSurv,
  loadCohort,
  parseCohortCsv,
  oneYearStatus,
  resolveCohortPath,
  SHIPPED_COHORT_PATH,
  survivalMonths,
} from "../../../src/paper/cohort";
import { expectClose } from "../../helpers/expect-close";
import { inputErrorOf, VALID_SMALL_PATH } from "./cohort-test-kit";

// Days counted by hand on the calendar, months = days / (365 / 12) = 12·days / 365:
//   P01 2017-02-06 → 2017-06-06: 28 + 31 + 30 + 31 = 120 days   → 1440 / 365 = 3.945205...
//   P02 2018-03-02 → 2019-05-03: 365 + 31 + 30 + 1 = 427 days   → 14.038356...
//   P03 2022-12-31 → 2024-04-01: 365 + 31 + 29 + 31 + 1 = 457 days (2024 leap) → 15.024657...
//   P04 2021-01-01 → 2021-01-20: 19 days                         → 0.624657...
const DAYS = [120, 427, 457, 19];

describe("survival months, one-year status and Surv from the valid file", () => {
  const cohort = loadCohort(VALID_SMALL_PATH);

  it("survivalMonths = calendar days / (365/12)", () => {
    cohort.rows.forEach((r, k) => {
      expectClose(survivalMonths(r), (12 * DAYS[k]) / 365, {
        rel: 1e-12,
        label: `months of ${r.patient_id}`,
        input: [r.surgery_date, r.last_contact_date],
      });
    });
    expectClose(survivalMonths(cohort.rows[0]), 1440 / 365, { rel: 1e-12, label: "120 / (365/12)" });
  });

  it("oneYearStatus: died by 12 months → 1, died later → 0, censored after 12 months → 0, censored before → null", () => {
    expect(cohort.rows.map((r) => oneYearStatus(r))).toEqual([1, 0, 0, 1]);
    expect(oneYearStatus({ surgery_date: "2020-01-01", last_contact_date: "2020-06-01", died: false })).toBeNull();
    // 365 days = 12 months exactly ≤ 12 → within the year; 366 days (2020 is leap: 2020-01-01 → 2021-01-01) = 12.03 months.
    expect(oneYearStatus({ surgery_date: "2021-01-01", last_contact_date: "2022-01-01", died: true })).toBe(1);
    expect(oneYearStatus({ surgery_date: "2020-01-01", last_contact_date: "2021-01-01", died: true })).toBe(0);
  });

  it("cohortSurv gives time in months and died as the event", () => {
    const y = cohortSurv(cohort);
    expect(y.n).toBe(4);
    expect(y.nEvents).toBe(3);
    expect(Array.from(y.event)).toEqual([1, 1, 0, 1]);
    Array.from(y.time).forEach((t, k) => {
      expectClose(t, (12 * DAYS[k]) / 365, { rel: 1e-12, label: `time[${k}]` });
    });
  });

  it("cohortSurv rejects something that is not a cohort", () => {
    expect(inputErrorOf(() => cohortSurv({} as never)).field).toBe("cohort");
  });
});

describe("resolveCohortPath picks the data source; provenance decides synthetic by content", () => {
  it("defaults to the shipped data/cohort.csv", () => {
    expect(resolveCohortPath({})).toEqual({ path: SHIPPED_COHORT_PATH, fromEnvironment: false });
    expect(resolveCohortPath({ COHORT_CSV: "" }).fromEnvironment).toBe(false);
  });

  it("COHORT_CSV absolute or relative to the repository root", () => {
    expect(resolveCohortPath({ COHORT_CSV: VALID_SMALL_PATH })).toEqual({
      path: VALID_SMALL_PATH,
      fromEnvironment: true,
    });
    expect(resolveCohortPath({ COHORT_CSV: "tests/fixtures/cohort/valid-small.csv" }).path).toBe(VALID_SMALL_PATH);
  });

  it("the shipped rows are synthetic under any name, with other line ends, quoting or column order", () => {
    const shipped = readFileSync(SHIPPED_COHORT_PATH, "utf8");
    const dir = mkdtempSync(join(tmpdir(), "cohort-"));
    symlinkSync(SHIPPED_COHORT_PATH, join(dir, "link.csv"));
    writeFileSync(join(dir, "copy.csv"), shipped.replace(/\n/g, "\r\n"));
    // The same table with its last two columns swapped and every cell of the first row quoted.
    const lines = shipped
      .trimEnd()
      .split("\n")
      .map((l) => l.split(","));
    const swapped = lines.map((cells) => [...cells.slice(0, -2), cells.at(-1)!, cells.at(-2)!]);
    swapped[1] = swapped[1].map((c) => `"${c}"`);
    writeFileSync(join(dir, "reordered.csv"), `${swapped.map((c) => c.join(",")).join("\n")}\n`);
    for (const name of ["link.csv", "copy.csv", "reordered.csv"]) {
      const p = cohortProvenance(loadCohort(join(dir, name)));
      expect(p.synthetic, name).toBe(true);
      expect(p.reconstruction, name).toEqual({ file: "cohort.csv", seed: 1 });
    }
    const fidelity = JSON.parse(readFileSync(join(SHIPPED_COHORT_PATH, "..", "cohort-fidelity.json"), "utf8"));
    expect(cohortFingerprint(loadCohort(SHIPPED_COHORT_PATH))).toBe(fidelity.cohort.sha256);
    // The recorded fingerprint is the SHA-256 of the file the reconstruction wrote (canonical text).
    expect(createHash("sha256").update(shipped).digest("hex")).toBe(fidelity.cohort.sha256);
  });

  it("one changed cell, or other data copied over data/cohort.csv, is not synthetic", () => {
    const shipped = readFileSync(SHIPPED_COHORT_PATH, "utf8");
    const edited = shipped.replace(/^(SYN01,female,)61,/m, "$162,");
    expect(edited).not.toBe(shipped);
    expect(cohortProvenance(parseCohortCsv(edited)).synthetic).toBe(false);
    expect(cohortProvenance(loadCohort(VALID_SMALL_PATH))).toEqual({
      synthetic: false,
      reconstruction: null,
      fingerprint: null,
    });
    // A data folder whose recorded fingerprint is of other rows: the shipped rows are then not "synthetic".
    const dir = mkdtempSync(join(tmpdir(), "data-"));
    writeFileSync(
      join(dir, "cohort-fidelity.json"),
      JSON.stringify({ seed: 1, cohort: { patients: 55, sha256: "0".repeat(64) } }),
    );
    expect(cohortProvenance(loadCohort(SHIPPED_COHORT_PATH), { dataDir: dir }).synthetic).toBe(false);
  });

  it("a COHORT_CSV that does not exist is an InputError, never a silent fallback", () => {
    const e = inputErrorOf(() => resolveCohortPath({ COHORT_CSV: "/nonexistent/cohort.csv" }));
    expect(e.message).toBe('COHORT_CSV = "/nonexistent/cohort.csv": COHORT_CSV names a file that does not exist');
  });

  it("loadCohort names an unreadable path", () => {
    expect(inputErrorOf(() => loadCohort("/nonexistent/cohort.csv")).field).toBe("path");
  });

  it("the shipped cohort, when present, passes the codebook", () => {
    const v = loadCohort(SHIPPED_COHORT_PATH, { collect: true });
    expect(v.errors.map((e) => e.message).slice(0, 5)).toEqual([]);
  });
});

describe("the cohort barrel does not load danfojs-node until toDataFrame is called", () => {
  it("requiring src/paper/cohort leaves danfojs-node out of the module cache", () => {
    const script = `require("./src/paper/cohort"); process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("danfojs-node"))));`;
    const out = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: join(__dirname, "..", "..", ".."),
      encoding: "utf8",
    });
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe("false");
  });
});
