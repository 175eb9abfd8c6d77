import { describe, expect, it } from "vitest";
import { plainMath } from "../../../src/paper/audit/plain-math";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { runAudit } from "../../../src/paper/audit/run-audit";

describe("plainMath: TeX quoted from the paper, as plain text", () => {
  it("writes the paper's inline TeX as Unicode and leaves the numbers and other text alone", () => {
    expect(plainMath('Table 3 ("$\\chi^2 = 21.79, P = 0.000$")')).toBe('Table 3 ("χ² = 21.79, P = 0.000")');
    expect(plainMath("$56.00 \\pm 10.54$ years old")).toBe("56.00 ± 10.54 years old");
    expect(plainMath("multi-stage ( $\\geq 3$ ) metastasis")).toBe("multi-stage ( ≥ 3 ) metastasis");
    expect(plainMath("Total $\\chi^2$ p")).toBe("Total χ² p");
    expect(plainMath("a lone $ sign")).toBe("a lone $ sign");
  });

  it("leaves no TeX in any audit explanation", () => {
    const tex = runAudit(loadRegistry()).filter((f) => /\$|\\[a-z]+/.test(f.explanation));
    expect(tex.map((f) => `${f.check} ${f.ids[0]}: ${f.explanation}`)).toEqual([]);
  });
});
