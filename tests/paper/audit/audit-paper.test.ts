import { describe, expect, it } from "vitest";
import { auditSummary } from "../../../src/paper/audit/audit-summary";
import { auditToHtml } from "../../../src/paper/audit/audit-to-html";
import { countVerdicts } from "../../../src/paper/audit/count-verdicts";
import { type AuditFinding, FINDING_CLASSES, SEVERITIES } from "../../../src/paper/audit/finding";
import { auditToJson } from "../../../src/paper/audit/format-audit";
import { formatAuditTable } from "../../../src/paper/audit/format-audit-table";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { runAudit } from "../../../src/paper/audit/run-audit";
import { expectClose, R } from "./audit-test-kit";

const registry = loadRegistry();
const findings = runAudit(registry);
const find = (check: string, id: string): AuditFinding => {
  const f = findings.find((x) => x.check === check && x.ids.includes(id));
  if (!f) throw new Error(`no ${check} finding using ${id}`);
  return f;
};

describe("the audit of Li et al. (2026), findings a reader can verify by hand", () => {
  it("surgery types: §2.2 11/34/24 vs §4.1 8/29/18 — one contradiction (major); 11 + 34 + 24 = 69 ≠ 55", () => {
    const same = find("same-quantity", "s2.2.surgery.curettage.n");
    expect([same.verdict, same.class, same.severity]).toEqual(["finding", "contradiction", "major"]);
    expect(same.where).toBe("§2.2 and §4.1");
    for (const k of ["curettage", "pvp", "combined"]) expect(same.ids, k).toContain(`s2.2.surgery.${k}.n`);
    expect(same.headline).toContain("11 vs 8, 34 vs 29, 24 vs 18");
    const total = find("total", "s2.2.surgery.total");
    expect(total.recomputed.sum).toBe(69);
    expect([total.class, total.severity]).toEqual(["contradiction", "major"]); // +14 patients
    expect(find("total", "s4.1.surgery.total").verdict).toBe("passes");
  });

  it("Table 3 is paired: McNemar p 0.058 (asymptotic) to 0.114 (corrected), exact 0.109 — decision-changing", () => {
    const f = find("paired-design", "t3.chisq");
    expect([f.class, f.severity]).toEqual(["decision-changing", "critical"]);
    // Exact: 2·P(X ≤ 2), X ~ Bin(10, ½) = 2·(1 + 10 + 45)/1024; asymptotic (8−2)²/10 = 3.6; corrected 5²/10 = 2.5.
    expectClose(f.recomputed.pExactBinomial as number, 112 / 1024, { rel: 1e-9, label: "2·(1 + 10 + 45)/1024" });
    expectClose(f.recomputed.mcnemar as number, 3.6, { rel: 1e-12, label: "(8 − 2)²/10" });
    expectClose(f.recomputed.pMcnemar as number, R.mcnemar_table3.asymptotic.p, { rel: 1e-6, label: "R mcnemar.test" });
    expectClose(f.recomputed.pMcnemarCorrected as number, R.mcnemar_table3.corrected.p, {
      rel: 1e-6,
      label: "corrected",
    });
    expect(f.headline).toContain('McNemar p ≈ 0.058–0.11 against the printed "P = 0.000"');
    expect(f.where).toBe("Table 3, χ²");
  });

  it("Table 3's χ² 21.79 is the Pearson χ² of its counts (R 21.7887) and its p follows; P = 0.000 is reporting", () => {
    const f = find("chisq-from-counts", "t3.chisq");
    expect(f.verdict).toBe("passes");
    expectClose(f.recomputed.pearson as number, R.chisq.table3.pearson.statistic, { rel: 1e-9, label: "Table 3 χ²" });
    expect(find("statistic-p", "t3.p").verdict).toBe("passes");
    const p = find("p-reporting", "t3.p");
    expect([p.class, p.severity]).toEqual(["reporting", "note"]);
    expect(p.ids).toEqual(expect.arrayContaining(["t3.p", "s4.3.p"])); // one finding names both places
  });

  it("Table 5 χ² values (5.145, 6.227) follow from the counts and their p-values from the χ²", () => {
    expect(find("chisq-from-counts", "t5.visceral.chisq").verdict).toBe("passes");
    expect(find("chisq-from-counts", "t5.bma.chisq").verdict).toBe("passes");
    for (const id of ["t5.visceral.p", "t5.bma.p", "t4.odi-1m.p", "t3.p", "t6.visceral.p", "t6.bma.p"])
      expect(find("statistic-p", id).verdict, id).toBe("passes");
  });

  it("Table 2: row E sums to 33 (printed 32), column D to 14 (printed 13) — contradictions of one patient (minor)", () => {
    const e = find("total", "t2.pre.E.n");
    expect([e.recomputed.sum, e.class, e.severity, e.where]).toEqual([
      33,
      "contradiction",
      "minor",
      "Table 2, row E, total",
    ]);
    const d = find("total", "t2.total.post.D");
    expect([d.recomputed.sum, d.where]).toEqual([14, "Table 2, totals row, column D"]);
  });

  it("Frankel: 8 + 8 + 7 + 2 = 25 ≠ 23; the 2 'worsened' are not among Table 2's abnormal-before; rate 15/23", () => {
    const sum = find("total", "s4.3.pre-abnormal.n2");
    expect([sum.recomputed.sum, sum.class, sum.severity]).toEqual([25, "contradiction", "major"]);
    const outcome = findings.find((f) => f.check === "frankel" && f.ids.includes("s4.3.worsened.n"))!;
    expect([outcome.class, outcome.recomputed.worsenedAmongAbnormal]).toEqual(["contradiction", 0]);
    const collapse = findings.find((f) => f.check === "frankel" && f.where === "Table 2 and Table 3")!;
    expect(collapse.recomputed.collapsed).toEqual([
      [15, 8],
      [3, 30],
    ]);
    expect(find("frankel", "s5.improvement-rate").verdict).toBe("passes");
    expect(find("percent", "s5.improvement-rate").recomputed.impliedCounts).toEqual([15]);
  });

  it("age: subgroups recombine to (1707 + 1456)/55 = 57.51, not 57.36 — a contradiction; each mean passes GRIM", () => {
    const f = find("subgroup-recombination", "s4.1.age.mean");
    expect([f.class, f.severity]).toEqual(["contradiction", "minor"]);
    expect(f.headline).toContain("recombine to 57.51");
    for (const id of ["s4.1.age.mean", "s4.1.age.male.mean", "s4.1.age.female.mean"]) {
      expect(findings.find((x) => x.check === "grim" && x.ids[0] === id)?.verdict, id).toBe("passes");
      expect(findings.find((x) => x.check === "grimmer" && x.ids[0] === id)?.verdict, id).toBe("passes");
    }
  });

  it("preoperative VAS 5.06 with n = 55 fails GRIM (a contradiction); GRIMMER then cannot decide", () => {
    const grim = findings.find((x) => x.check === "grim" && x.ids[0] === "s5.vas.pre.mean")!;
    expect([grim.class, grim.severity]).toEqual(["contradiction", "minor"]);
    expect(findings.find((x) => x.check === "grimmer" && x.ids[0] === "s5.vas.pre.mean")?.verdict).toBe(
      "not checkable",
    );
  });

  it("median 16.83 months with 23 deaths and S(1 y) = 32/55 is conditional on reading 23 as all deaths", () => {
    const f = find("km-feasibility", "abs.median-survival");
    expect([f.class, f.severity]).toEqual(["conditional", "major"]); // raised: a number of the abstract
    expect(f.severityReason).toMatch(/abstract/);
    expect(f.assumption).toMatch(/23 deaths are all the deaths/);
    expect(f.recomputed.extraDeathsNeededWithoutCensoring).toBe(5);
    expect(find("km-median-ci", "abs.median-survival").verdict).toBe("passes");
  });

  it("Table 6: B = 1.263 is one unit of the last digit from the CI's centre 1.2638 — rounding-level, not a contradiction", () => {
    const f = find("cox-row", "t6.visceral.b");
    expect([f.class, f.severity]).toEqual(["rounding-level", "note"]);
    expect(f.recomputed.symUnits).toBe(1);
    expect(f.evidence).toContain("B looks truncated");
    expect(find("cox-row", "t6.bma.b").verdict).toBe("passes");
  });

  it("Table 1's ODI quartiles are impossible only under the ODI scoring assumption: conditional, assumption printed", () => {
    const f = findings.find((x) => x.check === "quantile-feasibility" && x.ids[0] === "t1.odi.pre.median")!;
    expect([f.class, f.severity]).toEqual(["conditional", "minor"]);
    expect(f.assumption).toMatch(/ODI scores 100·s\/\(5k\).*HAVERAGE/);
  });

  it("every count/percent pair of §4.1 passes", () => {
    const pcts = findings.filter((f) => f.check === "percent" && f.ids[0].startsWith("s4.1."));
    expect(pcts.length).toBeGreaterThan(20);
    for (const f of pcts) expect(f.verdict, f.explanation).toBe("passes");
  });

  it("the methodological flags are design concerns (the adjustment claim a reporting finding), not contradictions", () => {
    const classOf = (check: string) => findings.find((x) => x.check === check)?.class;
    for (const check of [
      "flag-post-baseline-covariate",
      "flag-events-per-variable",
      "flag-multiple-testing",
      "flag-inclusion-vs-outcome",
      "flag-analysis-ambiguity",
      "flag-end-event",
    ])
      expect(classOf(check), check).toBe("design concern");
    expect(classOf("flag-adjustment-claim")).toBe("reporting");
    // Table 5's χ² 5.145 reproduces from its counts and still carries the concern: two axes, not one verdict.
    expect(find("chisq-from-counts", "t5.visceral.chisq").verdict).toBe("passes");
    expect(find("flag-analysis-ambiguity", "t5.visceral.chisq").class).toBe("design concern");
  });
});

describe("every finding is reviewer-grade", () => {
  const found = findings.filter((f) => f.verdict === "finding");

  it("has a class, a severity, where it is printed (section or table first) and the sections involved", () => {
    expect(found.length).toBeGreaterThan(20);
    for (const f of found) {
      expect(FINDING_CLASSES, f.headline).toContain(f.class);
      expect(SEVERITIES, f.headline).toContain(f.severity);
      expect(f.where, f.headline).toMatch(/^(Abstract|§\d|Table \d)/);
      expect(f.sections.length, f.headline).toBeGreaterThan(0);
      expect(f.headline.length).toBeGreaterThan(10);
      expect(f.evidence.length).toBeGreaterThan(10);
    }
  });

  it("quotes every printed value it uses (id, label, value, verbatim quote)", () => {
    for (const f of found) {
      expect(
        f.printed.map((p) => p.id),
        f.headline,
      ).toEqual(f.ids);
      for (const p of f.printed) {
        expect(p.quote.length, p.id).toBeGreaterThan(0);
        if (p.value !== null) expect(registry.get(p.id).locator.quote).toBe(p.quote);
      }
    }
  });

  it("a conditional finding prints its assumption; only findings have a class", () => {
    for (const f of found.filter((x) => x.class === "conditional")) expect(f.assumption, f.headline).toBeTruthy();
    for (const f of findings.filter((x) => x.verdict !== "finding"))
      expect([f.class, f.severity]).toEqual([null, null]);
  });

  it("the reviewer's summary ranks decision-changing first, then by severity, and links to notebook sections", () => {
    const s = auditSummary(findings, registry);
    expect(s.findings[0].class).toBe("decision-changing");
    const sev = s.findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect([...sev].sort((a, b) => a - b)).toEqual(sev);
    const majors = s.findings.filter((f) => f.severity === "major").map((f) => FINDING_CLASSES.indexOf(f.class));
    expect([...majors].sort((a, b) => a - b)).toEqual(majors); // contradictions before concerns
    expect(s.findings[0].link).toEqual({
      notebook: "03-neurological-function",
      heading: "Paired data need paired tests",
    });
    expect(s.findings.every((f) => f.link !== null)).toBe(true);
    expect(s.alpha).toBe(0.05);
    expect(s.alphaSource).toBe("s3.alpha");
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

  it("counts verdicts, classes and severities and prints them in the table and the HTML summary line", () => {
    const c = countVerdicts(findings);
    expect(c.byVerdict.passes + c.byVerdict.finding + c.byVerdict["not checkable"]).toBe(findings.length);
    expect(Object.values(c.byClass).reduce((a, b) => a + b, 0)).toBe(c.byVerdict.finding);
    expect(formatAuditTable(findings)).toContain(
      `${findings.length} checks: ${c.byVerdict.passes} pass, ${c.byVerdict.finding} findings`,
    );
    const html = auditToHtml(findings, { idPrefix: "t3." });
    expect(html).toMatch(/^<style>[\s\S]*<\/style><details class="review-fold">/);
    expect(html).toContain("paired-design");
    expect(html).toContain('class="review-badge sev-critical"');
    expect(html).not.toContain("s2.2.surgery");
  });
});
