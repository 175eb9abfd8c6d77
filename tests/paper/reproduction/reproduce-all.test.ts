import { describe, expect, it } from "vitest";
import { reproduceAll } from "../../../src/paper/reproduction/reproduce-all";
import { scorecard } from "../../../src/paper/reproduction/scorecard";
import { scorecardToHtml } from "../../../src/paper/reproduction/scorecard-to-html";
import { scorecardToJson } from "../../../src/paper/reproduction/scorecard-to-json";
import type { Study } from "../../../src/paper/study/study";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { runAudit } from "../../../src/paper/audit/run-audit";
import { expectClose } from "../../helpers/expect-close";
import { shippedStudy } from "./shipped-study";

const study: Study = shippedStudy().study;
const byId = new Map(reproduceAll(study).map((r) => [r.id, r]));

describe("reproduceAll", () => {
  it("Table 5 chi-squares from the printed cross-tabulations, by hand: n(ad − bc)² / (r1 r2 c1 c2)", () => {
    // visceral: no 15/4, yes 17/19 → 55·(15·19 − 4·17)² / (19·36·32·23) = 55·217² / 503424 = 5.1447…
    expectClose(byId.get("t5.visceral.chisq")!.value, (55 * 217 ** 2) / (19 * 36 * 32 * 23), { label: "visceral X²" });
    // BMA: no 10/15, yes 22/8 → 55·(10·8 − 15·22)² / (25·30·32·23) = 55·250² / 552000 = 6.2273…
    expectClose(byId.get("t5.bma.chisq")!.value, (55 * 250 ** 2) / (25 * 30 * 32 * 23), { label: "BMA X²" });
    expect(byId.get("t5.visceral.chisq")!.reproduced).toBe("5.145");
    expect(byId.get("t5.bma.chisq")!.reproduced).toBe("6.227");
  });

  it("numbers printed twice reuse their twin's computation (registry sameAs)", () => {
    const r = byId.get("s4.4.visceral.chisq")!;
    expect(r.via).toBe("t5.visceral.chisq");
    expect(r.reproduced).toBe(byId.get("t5.visceral.chisq")!.reproduced);
  });

  it("context labels and numbers rows cannot determine carry a reason instead of a value", () => {
    for (const id of ["s3.spss-version", "s2.1.age-min", "t1.time.1m", "s4.4.univariate-factors.count"]) {
      const r = byId.get(id)!;
      expect([r.reproduced, r.match, r.context], id).toEqual([null, null, true]);
      expect(r.reason, id).toMatch(/\w/);
    }
    const late = byId.get("s4.3.late-recovery.n")!;
    expect([late.reproduced, late.context]).toEqual([null, false]);
  });

  it("p printed 0.000 is compared at 3 decimals (Table 3)", () => {
    expect(byId.get("t3.p")!.reproduced).toBe("0.000");
    expect(byId.get("t3.chisq")!.reproduced).toBe("21.79");
  });
});

describe("scorecard: two separate axes for every registered number", () => {
  const registry = loadRegistry();
  const findings = runAudit(registry);
  const card = scorecard(study, findings, { registry });
  const row = (id: string) => card.rows.find((r) => r.id === id)!;

  it("an exactly reproduced number is never called inconsistent: its reproduction is exact whatever the audit finds", () => {
    for (const r of card.rows)
      if (r.reproduced !== null && r.reproduced === r.published) expect(r.reproduction, r.id).toBe("exact");
    // Table 5's χ² reproduces exactly and still carries a design concern (χ² of one-year status).
    const chi = row("t5.visceral.chisq");
    expect([chi.reproduction, chi.byConstruction]).toEqual(["exact", true]);
    expect(chi.findings.map((f) => f.class)).toContain("design concern");
    // Table 6's B = 1.263 reproduces exactly and carries the rounding-level finding on its CI.
    expect(row("t6.visceral.b").reproduction).toBe("exact");
    expect(row("t6.visceral.b").findings.map((f) => f.class)).toContain("rounding-level");
    expect(JSON.stringify(card)).not.toContain("inconsistent");
  });

  it("context labels (time points, thresholds, levels, inclusion criteria) are listed and never counted", () => {
    for (const id of ["abs.horizon.1y", "s3.alpha", "s3.spss-version", "t6.level", "s2.1.age-min", "t1.time.1m"]) {
      expect(row(id).reproduction, id).toBe("context label");
      expect(row(id).reason, id).toMatch(/\w/);
    }
    const labels = registry.entries.filter((e) => e.context !== undefined).length;
    expect(card.counts["context label"]).toBe(labels);
    expect(card.counted).toBe(card.registered - labels);
    expect(card.registered).toBe(registry.entries.length);
  });

  it("a result the rows cannot determine is not computable, with the reason", () => {
    expect(row("s4.3.late-recovery.n").reproduction).toBe("not computable");
    expect(row("s4.3.late-recovery.n").reason).toMatch(/date of neurological recovery/);
  });

  it("within rounding is one unit of the last digit; differs says by how much", () => {
    // Table 6 lower CI: exp(B − 1.96·SE) on the cohort prints 1.190, one unit below 1.191.
    expect([row("t6.visceral.lower").reproduction, row("t6.visceral.lower").lastDigitUnits]).toEqual([
      "within rounding",
      1,
    ]);
    // §4.1 mean age: the rows give the subgroup-consistent (1707 + 1456)/55 = 57.50909…, 0.149 above 57.36.
    const age = row("s4.1.age.mean");
    expect([age.reproduction, age.reproduced, age.lastDigitUnits]).toEqual(["differs", "57.51", 15]);
    expectClose(age.difference, 3163 / 55 - 57.36, { rel: 1e-9, label: "57.509 − 57.36" });
    // Counts never differ "within rounding": §2.2's 11 vs the rows' 8 differs by 3.
    const cur = row("s2.2.surgery.curettage.n");
    expect([cur.reproduction, cur.difference]).toEqual(["differs", -3]);
  });

  it("on the shipped cohort every number that does not reproduce exactly carries an audit finding", () => {
    const misses = card.rows.filter((r) => r.reproduction === "differs" || r.reproduction === "within rounding");
    expect(misses.length).toBeGreaterThan(5);
    for (const r of misses) expect(r.findings.length, `${r.id} ${r.published} → ${r.reproduced}`).toBeGreaterThan(0);
  });

  it("labels follow the data: by construction only on a synthetic cohort", () => {
    expect(row("abs.deaths.n").byConstruction).toBe(true);
    const real = scorecard({ ...study, synthetic: false }, findings, { registry });
    expect(real.rows.find((r) => r.id === "abs.deaths.n")!.byConstruction).toBe(false);
    expect(scorecardToHtml(real)).not.toContain("by construction");
  });

  it("human labels come first; counts add up overall and by section; JSON carries both axes", () => {
    expect(row("t2.pre.E.n").where).toBe("Table 2, row E, total");
    expect(Object.values(card.counts).reduce((a, n) => a + n, 0)).toBe(card.rows.length);
    for (const [section, counts] of Object.entries(card.bySection))
      expect(
        Object.values(counts).reduce((a, n) => a + n, 0),
        section,
      ).toBe(card.rows.filter((r) => r.section === section).length);
    const json = JSON.parse(scorecardToJson(card));
    expect(json.counts).toEqual(card.counts);
    expect(json.rows.find((r: { id: string }) => r.id === "t3.p").findings.length).toBeGreaterThan(0);
  });

  it("renders one fold per section with its counts in the summary line, context labels after the results", () => {
    const html = scorecardToHtml(card, { idPrefixes: ["s2."] });
    expect(html).toContain("§2.2 — 4 numbers");
    expect(html).toMatch(/§2\.1 — 1 number <span class="review-badge repro-exact">1 exact<\/span>/);
    expect(html.indexOf("s2.1.n")).toBeLessThan(html.indexOf("s2.1.age-min")); // result before label
    expect(html).toContain('class="review-badge cls cls-contradiction"');
    expect(html).not.toContain("t3.p");
    const only = scorecardToHtml(card, { verdicts: ["differs"] });
    expect(only).toContain("s2.2.surgery.pvp.n");
    expect(only).not.toContain(">s3.alpha<");
  });
});
