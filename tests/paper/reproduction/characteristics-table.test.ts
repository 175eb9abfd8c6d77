import { describe, expect, it } from "vitest";
import { characteristicsTable } from "../../../src/paper/reproduction";
import { loadStudy } from "../../../src/paper";

describe("characteristicsTable on the shipped synthetic cohort", () => {
  const rows = new Map(characteristicsTable(loadStudy({}).study).map((r) => [r.characteristic, r.value]));
  it("prints §4.1's numbers in the paper's format (values quoted from the paper)", () => {
    expect(rows.get("Histology: LUAD")).toBe("45 (81.82%)");
    expect(rows.get("Male")).toBe("29 (52.73%)");
    expect(rows.get("Age, males")).toBe("58.86 ± 10.19");
    expect(rows.get("Age, females")).toBe("56.00 ± 10.54");
    expect(rows.get("Postoperative bone-modifying agent")).toBe("30 (54.55%)");
    expect(rows.get("Operation time, min")).toBe("150.00 (85.00, 279.00)");
    expect(rows.get("Length of stay, days")).toBe("15.00 (9.00, 20.00)");
  });
  it("the overall age follows the subgroups (pooled 57.51), not the printed 57.36 — a conflict in the paper", () => {
    // (58.86·29 + 56.00·26) / 55 = (1706.94 + 1456) / 55 = 57.508
    expect(rows.get("Age, years (mean ± SD)")!.startsWith("57.51")).toBe(true);
  });
});
