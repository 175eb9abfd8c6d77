import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reproduceAll } from "../../../src/paper/reproduction/reproduce-all";
import { fidelityToHtml } from "../../../src/paper/reconstruct/fidelity-to-html";
import { loadFidelityReport } from "../../../src/paper/reconstruct/load-fidelity-report";
import { REPO, shippedStudy } from "../reproduction/shipped-study";

const fidelity = JSON.parse(readFileSync(join(REPO, "data", "cohort-fidelity.json"), "utf8"));
// loadCohort applies every codebook rule: the shipped file loading at all is the validation test.
const { cohort, study } = shippedStudy();
const rows = cohort.rows;

describe("the shipped synthetic cohort (data/cohort.csv)", () => {
  it("is labelled synthetic: SYN ids on every row and the banner of its fidelity report", () => {
    expect(rows.length).toBe(55);
    rows.forEach((r, i) => {
      expect(r.patient_id, `row ${i + 2}`).toMatch(/^SYN\d\d$/);
    });
    expect(fidelity.banner).toMatch(/^SYNTHETIC DATA/);
  });

  it("hits every target the fidelity report claims, recomputed from the CSV by the reproduction functions", () => {
    const recomputed = new Map(reproduceAll(study).map((r) => [r.id, r]));
    const claimed = fidelity.targets.filter((t: { status: string }) => t.status === "hit");
    expect(claimed.length).toBeGreaterThan(200);
    for (const t of claimed) {
      const r = recomputed.get(t.id)!;
      // printed at the published precision ("One" compares as 1)
      expect(r.match, `${t.id}: published ${t.published}, recomputed ${r.reproduced}, report says ${t.achieved}`).toBe(
        true,
      );
    }
    // and the report's achieved strings are the recomputed ones, miss or hit
    for (const t of fidelity.targets) expect(recomputed.get(t.id)!.reproduced, t.id).toBe(t.achieved);
  });

  it("has no VAS/ODI measurement at a visit after the patient's death", () => {
    for (const p of study.patients) {
      for (const [visit, month] of [
        ["1m", 1],
        ["3m", 3],
        ["6m", 6],
      ] as const) {
        if (p.died === 1 && p.survivalMonths <= month) {
          expect(p.vas[visit], `${p.id} died at ${p.survivalMonths.toFixed(2)} months, VAS ${visit}`).toBeNull();
          expect(p.odi[visit], `${p.id} died at ${p.survivalMonths.toFixed(2)} months, ODI ${visit}`).toBeNull();
        }
      }
    }
  });

  it("keeps surgery dates in January 2017 – December 2022 and follow-up within 1 April 2024, every survivor followed > 1 year", () => {
    for (const r of rows) {
      expect(
        r.surgery_date >= "2017-01-01" && r.surgery_date <= "2022-12-31",
        `${r.patient_id} ${r.surgery_date}`,
      ).toBe(true);
      expect(r.last_contact_date <= "2024-04-01", `${r.patient_id} ${r.last_contact_date}`).toBe(true);
      if (!r.died) expect(r.last_contact_date).toBe("2024-04-01");
    }
    for (const p of study.patients) if (p.died === 0) expect(p.survivalMonths, p.id).toBeGreaterThan(12);
  });

  it("misses no target: each is a hit, a documented contradiction of the paper, or not determined by rows", () => {
    const misses = fidelity.targets.filter((t: { status: string }) => t.status === "miss");
    expect(misses, JSON.stringify(misses)).toEqual([]);
    for (const t of fidelity.targets.filter((x: { status: string }) => x.status === "conflict (documented)"))
      expect(t.note, t.id).toBeTruthy();
  });

  it("meets every non-numeric constraint in the report (significance pattern, balance, no data after death)", () => {
    const unmet = fidelity.constraints.filter((c: { met: boolean }) => !c.met);
    expect(unmet, JSON.stringify(unmet)).toEqual([]);
  });

  it("renders its fidelity report as HTML with the banner, every conflict and every constraint", () => {
    const html = fidelityToHtml(fidelity);
    expect(html.startsWith("<p><strong>SYNTHETIC DATA")).toBe(true);
    expect(html.match(/<tr>/g)!.length).toBeGreaterThanOrEqual(fidelity.conflicts.length + fidelity.constraints.length);
    expect(html).toContain("E→D cell is set to 0");
    expect(html).toContain("Decisions the reconstruction took");
    expect(html).toContain("meet-in-the-middle");
  });

  it("loadFidelityReport reads the same report, frozen, and names the file when it cannot", () => {
    const loaded = loadFidelityReport();
    expect(loaded).toEqual(fidelity);
    expect(Object.isFrozen(loaded.targets[0])).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "fidelity-"));
    expect(() => loadFidelityReport(join(dir, "absent.json"))).toThrow(
      /absent\.json.*npm run reconstruct|npm run reconstruct.*absent\.json/,
    );
    writeFileSync(join(dir, "bad.json"), "{ not json");
    expect(() => loadFidelityReport(join(dir, "bad.json"))).toThrow(/not JSON/);
    writeFileSync(join(dir, "partial.json"), JSON.stringify({ banner: "x", seed: 1 }));
    expect(() => loadFidelityReport(join(dir, "partial.json"))).toThrow(/missing counts, constraintsMet/);
  });
});
