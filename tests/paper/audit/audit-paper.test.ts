import { describe, expect, it } from "vitest";
import { auditToHtml, countVerdicts } from "../../../src/paper/audit/audit-to-html";
import type { AuditFinding } from "../../../src/paper/audit/finding";
import { auditToJson, formatAuditTable } from "../../../src/paper/audit/format-audit";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { runAudit } from "../../../src/paper/audit/run-audit";
import { expectClose, R } from "./audit-test-kit";

const findings = runAudit(loadRegistry());
const find = (check: string, firstId: string): AuditFinding => {
  const f = findings.find((x) => x.check === check && x.ids[0] === firstId);
  if (!f) throw new Error(`no ${check} finding for ${firstId}`);
  return f;
};

describe("the audit of Li et al. (2026), verdicts a reader can verify by hand", () => {
  it("surgery types: §2.2 11/34/24 vs §4.1 8/29/18 differ; 11 + 34 + 24 = 69 ≠ 55; 8 + 29 + 18 = 55", () => {
    for (const k of ["curettage", "pvp", "combined"])
      expect(find("same-quantity", `s2.2.surgery.${k}.n`).verdict, k).toBe("inconsistent");
    expect(find("total", "s2.2.surgery.total").recomputed.sum).toBe(69);
    expect(find("total", "s2.2.surgery.total").verdict).toBe("inconsistent");
    expect(find("total", "s4.1.surgery.total").verdict).toBe("consistent");
  });

  it("Table 3 Pearson χ² = 21.79 is consistent with its counts (R 21.7887) but P = 0.000 is flagged", () => {
    const f = find("chisq-from-counts", "t3.chisq");
    expect(f.verdict).toBe("consistent");
    expectClose(f.recomputed.pearson as number, R.chisq.table3.pearson.statistic, { rel: 1e-9, label: "Table 3 χ²" });
    expect(find("p-reporting", "t3.p").verdict).toBe("inconsistent");
    expect(find("p-reporting", "s4.3.p").verdict).toBe("inconsistent");
  });

  it("Table 3 is paired: McNemar exact p = 0.109 — the significant change does not hold", () => {
    const f = find("paired-design", "t3.p");
    expect(f.verdict).toBe("inconsistent");
    expectClose(f.recomputed.pExactBinomial as number, 112 / 1024, { rel: 1e-9, label: "2·(1 + 10 + 45)/1024" });
  });

  it("Table 5 χ² values (5.145, 6.227) follow from the counts and their p-values from the χ²", () => {
    expect(find("chisq-from-counts", "t5.visceral.chisq").verdict).toBe("consistent");
    expect(find("chisq-from-counts", "t5.bma.chisq").verdict).toBe("consistent");
    for (const id of ["t5.visceral.p", "t5.bma.p", "t4.odi-1m.p", "t3.p", "t6.visceral.p", "t6.bma.p"])
      expect(find("statistic-p", id).verdict, id).toBe("consistent");
  });

  it("Table 2: row E sums to 33 (printed 32), column D to 14 (printed 13); the text's χ² is not Table 2's", () => {
    expect(find("total", "t2.pre.E.n").recomputed.sum).toBe(33);
    expect(find("total", "t2.total.post.D").recomputed.sum).toBe(14);
    expect(find("chisq-from-counts", "s4.3.chisq").verdict).toBe("inconsistent");
  });

  it("Frankel text: 8 + 8 + 7 + 2 = 25 ≠ 23; improvement rate 65.22% = 15/23", () => {
    const f = find("frankel", "s4.3.pre-abnormal.n2");
    expect(f.verdict).toBe("inconsistent");
    expect(f.recomputed.textSum).toBe(25);
    expect(find("percent", "s5.improvement-rate").recomputed.impliedCounts).toEqual([15]);
  });

  it("age: subgroups recombine to 57.51, not the printed 57.36; each mean passes GRIM and GRIMMER", () => {
    expect(find("subgroup-recombination", "s4.1.age.mean").verdict).toBe("inconsistent");
    for (const id of ["s4.1.age.mean", "s4.1.age.male.mean", "s4.1.age.female.mean"]) {
      expect(find("grim", id).verdict, id).toBe("consistent");
      expect(find("grimmer", id).verdict, id).toBe("consistent");
    }
  });

  it("preoperative VAS 5.06 with n = 55 fails GRIM", () => {
    expect(find("grim", "s5.vas.pre.mean").verdict).toBe("inconsistent");
  });

  it("median survival 16.83 months is impossible with 23 deaths and S(1 y) = 32/55; needs ≥ 5 more deaths without censoring", () => {
    const f = find("km-feasibility", "abs.1y-survival");
    expect(f.verdict).toBe("inconsistent");
    expect(f.recomputed.extraDeathsNeededWithoutCensoring).toBe(5);
    expect(find("km-median-ci", "abs.median-survival").verdict).toBe("consistent");
  });

  it("every count/percent pair of §4.1 is consistent", () => {
    const pcts = findings.filter((f) => f.check === "percent" && f.ids[0].startsWith("s4.1."));
    expect(pcts.length).toBeGreaterThan(20);
    for (const f of pcts) expect(f.verdict, f.explanation).toBe("consistent");
  });

  it("raises the methodological flags", () => {
    for (const check of [
      "flag-post-baseline-covariate",
      "flag-events-per-variable",
      "flag-multiple-testing",
      "flag-inclusion-vs-outcome",
      "flag-analysis-ambiguity",
      "flag-end-event",
      "flag-adjustment-claim",
    ]) {
      const f = findings.find((x) => x.check === check);
      expect(f?.verdict, check).toBe("inconsistent");
    }
  });
});

describe("audit output", () => {
  it("is deterministic, sorted and frozen", () => {
    const again = runAudit(loadRegistry());
    expect(auditToJson(again)).toBe(auditToJson(findings));
    const keys = findings.map((f) => `${f.check}\u0000${f.ids.join("\u0001")}`);
    expect([...keys].sort()).toEqual(keys);
    expect(Object.isFrozen(findings)).toBe(true);
    expect(Object.isFrozen(findings[0].recomputed)).toBe(true);
  });

  it("counts verdicts and prints them in the table and the HTML caption", () => {
    const c = countVerdicts(findings);
    expect(c.consistent + c.inconsistent + c["not checkable"]).toBe(findings.length);
    expect(formatAuditTable(findings)).toContain(
      `${findings.length} checks: ${c.consistent} consistent, ${c.inconsistent} inconsistent`,
    );
    const html = auditToHtml(findings, { idPrefix: "t3." });
    expect(html).toMatch(/^<table class="repro-table"><caption>/);
    expect(html).toContain("paired-design");
    expect(html).not.toContain("s2.2.surgery");
  });
});
