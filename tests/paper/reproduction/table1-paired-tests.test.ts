import { describe, expect, it } from "vitest";
import { loadStudy } from "../../../src/paper";
import { table1PairedTests, scoreTrajectoryInput } from "../../../src/paper/reproduction";
import { wilcoxonSignedRankTest } from "../../../src/lib/hypothesis/wilcoxon-signed-rank-test";

describe("table1PairedTests on the shipped synthetic cohort", () => {
  const { study } = loadStudy({});
  it("prints Table 1's preoperative rows as published (paper: VAS 5.00 (3.00, 7.00), ODI 57.50 (25.00, 82.50))", () => {
    expect(table1PairedTests(study, "vas")[0].summary).toBe("5.00 (3.00, 7.00)");
    expect(table1PairedTests(study, "odi")[0].summary).toBe("57.50 (25.00, 82.50)");
  });
  it("tests each visit against the preoperative score on the patients measured at both", () => {
    const sixMonths = table1PairedTests(study, "vas").find((r) => r.visit === "6m")!;
    const both = study.patients.filter((p) => p.vas.pre !== null && p.vas["6m"] !== null);
    expect(sixMonths.pairs).toBe(both.length);
    expect(sixMonths.test).toEqual(
      wilcoxonSignedRankTest(
        both.map((p) => p.vas["6m"]!),
        both.map((p) => p.vas.pre!),
        { convention: "spss" },
      ),
    );
  });
  it("footnote pattern of Table 1: p < 0.05 at every visit except the last VAS", () => {
    const sig = (score: "vas" | "odi") =>
      table1PairedTests(study, score)
        .slice(1)
        .map((r) => r.test!.pValue! < 0.05);
    expect(sig("vas")).toEqual([true, true, true, false]);
    expect(sig("odi")).toEqual([true, true, true, true]);
  });
  it("trajectory input has one row per patient and Table 1's five visits", () => {
    const input = scoreTrajectoryInput(study, "odi");
    expect(input.visits).toHaveLength(5);
    expect(input.values).toHaveLength(55);
  });
});
