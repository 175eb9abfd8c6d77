import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { robustnessAcrossCohorts, robustnessToHtml, mainResultQuantities } from "../../../src/paper/limitations";
import { shippedStudy } from "../reproduction/shipped-study";

describe("robustnessAcrossCohorts", () => {
  const { study } = shippedStudy();
  const quantities = [
    {
      label: "patients",
      published: "55",
      constrained: true,
      decimals: 0,
      compute: (s: typeof study) => s.patients.length,
    },
    {
      label: "deaths",
      published: null,
      constrained: false,
      decimals: 0,
      compute: (s: typeof study) => s.patients.filter((p) => p.died === 1).length,
    },
    { label: "never", published: null, constrained: false, decimals: 2, compute: () => null },
  ];

  it("computes each quantity per cohort with its range (hand counts)", () => {
    const half = { ...study, patients: study.patients.slice(0, 20) };
    const r = robustnessAcrossCohorts(
      [
        { label: "all", study },
        { label: "first 20", study: half },
      ],
      quantities,
    );
    expect(r.cohorts).toEqual(["all", "first 20"]);
    expect(r.rows[0].values).toEqual([55, 20]);
    expect([r.rows[0].min, r.rows[0].max]).toEqual([20, 55]);
    const deaths = study.patients.filter((p) => p.died === 1).length;
    expect(r.rows[1].values[0]).toBe(deaths);
    expect(r.rows[2]).toMatchObject({ values: [null, null], min: null, max: null });
    const html = robustnessToHtml(r, { caption: "c" });
    expect(html).toContain("<td>55</td><td>20</td><td>20 – 55</td>");
    expect(html).toContain("not reported");
    expect(() => JSON.stringify(r)).not.toThrow();
  });

  it("rejects an empty ensemble and a quantity that returns a non-number", () => {
    expect(() => robustnessAcrossCohorts([], quantities)).toThrow(/cohorts/);
    expect(() =>
      robustnessAcrossCohorts([{ label: "a", study }], [{ ...quantities[0], compute: () => "x" as never }]),
    ).toThrow(/non-number/);
  });

  it("main results: targeted quantities print as the fidelity report says the shipped cohort achieves them", () => {
    const r = robustnessAcrossCohorts([{ label: "shipped", study }], mainResultQuantities());
    const byLabel = new Map(r.rows.map((row) => [row.quantity, row]));
    const fidelity = JSON.parse(readFileSync(join(__dirname, "../../../data/cohort-fidelity.json"), "utf8")) as {
      targets: { id: string; published: string; achieved: string | null }[];
    };
    const achieved = (id: string) => fidelity.targets.find((t) => t.id === id)!.achieved;
    expect(byLabel.get("Median survival, months (SPSS)")!.values[0]!.toFixed(2)).toBe(achieved("s4.4.median-survival"));
    expect(byLabel.get("One-year survival, %")!.values[0]!.toFixed(2)).toBe(achieved("s4.4.1y-survival"));
    expect(byLabel.get("HR visceral metastases (Table 6, one-year, Breslow)")!.values[0]!.toFixed(3)).toBe(
      achieved("t6.visceral.expb"),
    );
    expect(byLabel.get("HR postoperative BMA (Table 6, one-year, Breslow)")!.values[0]!.toFixed(3)).toBe(
      achieved("t6.bma.expb"),
    );
    expect(byLabel.get("Median survival, months (SPSS)")!.published).toBe("16.83");
    expect(r.rows.filter((row) => !row.constrained).every((row) => row.published === null)).toBe(true);
  });
});
