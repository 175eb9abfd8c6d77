import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codebookMarkdown, cohortCodebook, parseCohortCsv, type CohortRow } from "../../../src/paper/cohort";
import { inputErrorOf, withCell } from "./cohort-test-kit";

const ROOT = join(__dirname, "..", "..", "..");

/** Every key of CohortRow, in codebook order; the Record type makes the compiler check the list is complete. */
const ROW_KEYS: Record<keyof CohortRow, true> = {
  patient_id: true,
  sex: true,
  age: true,
  height_cm: true,
  weight_kg: true,
  bmi: true,
  tumor_type: true,
  bone_destruction: true,
  operation_type: true,
  multi_segment: true,
  extraspinal_bone_mets: true,
  visceral_mets: true,
  pathological_fracture: true,
  pre_chemo: true,
  pre_radio: true,
  pre_targeted: true,
  pre_immuno: true,
  pre_endocrine: true,
  pre_bma: true,
  post_chemo: true,
  post_radio: true,
  post_targeted: true,
  post_immuno: true,
  post_endocrine: true,
  post_bma: true,
  emergency: true,
  frankel_pre: true,
  frankel_post: true,
  complication_hemorrhagic_shock: true,
  complication_pulmonary_infection: true,
  complication_wound_infection: true,
  complication_csf_leak: true,
  complication_hematoma: true,
  neuro_progressed: true,
  tumor_progressed: true,
  operation_min: true,
  blood_loss_ml: true,
  drainage_ml: true,
  length_of_stay_days: true,
  vas_pre: true,
  vas_1d: true,
  vas_3d: true,
  vas_7d: true,
  vas_1m: true,
  vas_3m: true,
  vas_6m: true,
  vas_last: true,
  odi_pre: true,
  odi_1m: true,
  odi_3m: true,
  odi_6m: true,
  odi_last: true,
  surgery_date: true,
  last_visit_date: true,
  last_contact_date: true,
  died: true,
};

describe("codebook", () => {
  const cb = cohortCodebook();

  it("data/codebook.md is the current rendering of data/codebook.json (regenerate with codebookMarkdown)", () => {
    const regenerate = `npx tsx -e 'const c = require("./src/paper/cohort"); require("fs").writeFileSync("data/codebook.md", c.codebookMarkdown(c.cohortCodebook()))'`;
    expect(
      readFileSync(join(ROOT, "data", "codebook.md"), "utf8"),
      `data/codebook.md is stale; regenerate with: ${regenerate}`,
    ).toBe(codebookMarkdown(cb));
  });

  it("the CohortRow type lists exactly the codebook's variables in order", () => {
    expect(cb.variables.map((v) => v.name)).toEqual(Object.keys(ROW_KEYS));
  });

  it("study design: window, follow-up end, month length as stated in §2.1/§2.3", () => {
    expect([cb.studyDesign.studyStart, cb.studyDesign.studyEnd, cb.studyDesign.followUpEnd]).toEqual([
      "2017-01-01",
      "2022-12-31",
      "2024-04-01",
    ]);
    expect(cb.studyDesign.survivalTime.daysPerMonth).toBe(365 / 12);
    // Nominal visit days = floor(months × 365/12): 30.42, 91.25, 182.5.
    expect(cb.visits.days).toEqual({ pre: 0, "1d": 1, "3d": 3, "7d": 7, "1m": 30, "3m": 91, "6m": 182, last: null });
  });

  it("missing values are allowed only for anthropometry, postoperative scores and the last-visit date", () => {
    const mayBeMissing = cb.variables.filter((v) => v.missing === "allowed").map((v) => v.name);
    expect(mayBeMissing).toEqual([
      "height_cm",
      "weight_kg",
      "bmi",
      "vas_1d",
      "vas_3d",
      "vas_7d",
      "vas_1m",
      "vas_3m",
      "vas_6m",
      "vas_last",
      "odi_1m",
      "odi_3m",
      "odi_6m",
      "odi_last",
      "last_visit_date",
    ]);
  });

  it("every variable names its paper source and has a description", () => {
    for (const v of cb.variables) {
      expect(v.description.length, v.name).toBeGreaterThan(5);
      expect(v.source.length, v.name).toBeGreaterThan(0);
    }
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(cb.variables[0])).toBe(true);
  });
});

describe("ODI attainability (100 × s / (5 × a), a = 8..10 answered sections), checked by hand", () => {
  // Line 3 (P02) odi_1m; P02 is followed 427 days so every visit is allowed.
  const accepts = (value: string) => parseCohortCsv(withCell(3, "odi_1m", value)).rows[1].odi_1m;
  it.each([
    ["84.44", 84.44, "38/45 → 84.444…"],
    ["93.33", 93.33, "42/45 → 93.333…"],
    ["57.5", 57.5, "23/40"],
    ["37.5", 37.5, "15/40"],
    ["66.67", 66.67, "30/45 → 66.666…"],
    ["2.22", 2.22, "1/45 → 2.222…"],
    ["0", 0, "0/50"],
    ["100", 100, "50/50"],
    ["26", 26, "13/50"],
  ])("accepts %s (%s)", (text, value) => {
    expect(accepts(text)).toBe(value);
  });
  it.each([
    ["53.75", "43/80 needs 16 sections"],
    ["66.25", "53/80 (a Table 4 quartile)"],
    ["84.4", "84.444 written to 1 decimal is not within 0.005"],
  ])("rejects %s (%s)", (text) => {
    expect(inputErrorOf(() => accepts(text)).message).toContain("is not an attainable ODI score");
  });
  it("33.33 = 100 × 15/45 is attainable", () => {
    expect(accepts("33.33")).toBe(33.33);
  });
  it("1.25 = 100 × 1/80 would need 16 sections and is rejected; 2.5 = 1/40 is accepted", () => {
    expect(inputErrorOf(() => accepts("1.25")).field).toBe("odi_1m");
    expect(accepts("2.5")).toBe(2.5);
  });
});
