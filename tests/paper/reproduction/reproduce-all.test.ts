import { describe, expect, it } from "vitest";
import { reproduceAll } from "../../../src/paper/reproduction/reproduce-all";
import { scorecard } from "../../../src/paper/reproduction/scorecard";
import { scorecardToHtml } from "../../../src/paper/reproduction/scorecard-to-html";
import { scorecardToJson } from "../../../src/paper/reproduction/scorecard-to-json";
import type { Study } from "../../../src/paper/study/study";
import type { AuditFinding } from "../../../src/paper/audit/finding";
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

  it("numbers rows cannot determine carry a reason instead of a value", () => {
    for (const id of ["s3.spss-version", "s2.1.age-min", "t1.time.1m", "s4.4.univariate-factors.count"]) {
      const r = byId.get(id)!;
      expect(r.reproduced, id).toBeNull();
      expect(r.match, id).toBeNull();
      expect(r.reason, id).toMatch(/\w/);
    }
  });

  it("p printed 0.000 is compared at 3 decimals (Table 3)", () => {
    expect(byId.get("t3.p")!.reproduced).toBe("0.000");
    expect(byId.get("t3.chisq")!.reproduced).toBe("21.79");
  });
});

describe("scorecard", () => {
  it("marks audit-implicated numbers, synthetic matches and non-reproducible ones", () => {
    const finding: AuditFinding = {
      check: "total",
      ids: ["t2.pre.E.n", "t2.pre.E.post.D"],
      verdict: "inconsistent",
      recomputed: {},
      explanation: "",
    };
    const flag: AuditFinding = {
      check: "flag-events-per-variable",
      ids: ["abs.deaths.n"],
      verdict: "inconsistent",
      recomputed: {},
      explanation: "",
    };
    const card = scorecard(study, [finding, flag]);
    const row = (id: string) => card.rows.find((r) => r.id === id)!;
    expect(row("t2.pre.E.post.D").status).toBe("inconsistent in the paper (audit)");
    expect(row("abs.deaths.n").status).toBe("reproduced (synthetic by construction)"); // methodological flags do not count
    expect(row("s3.spss-version").status).toBe("not reproducible from the data");
    expect(Object.values(card.counts).reduce((s, n) => s + n, 0)).toBe(card.rows.length);
    const html = scorecardToHtml(card, { statuses: ["inconsistent in the paper (audit)"] });
    expect(html).toContain("t2.pre.E.post.D");
    expect(html).not.toContain(">s3.spss-version<");
    const json = JSON.parse(scorecardToJson(card));
    expect(json.counts).toEqual(card.counts);
    expect(json.rows.length).toBe(card.rows.length);
    const real = scorecard({ ...study, synthetic: false }, []);
    expect(real.rows.find((r) => r.id === "abs.deaths.n")!.status).toBe("reproduced");
  });
});
