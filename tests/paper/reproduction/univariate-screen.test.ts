import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { univariateScreen } from "../../../src/paper/reproduction/univariate-screen";
import { screenBootstrap } from "../../../src/paper/limitations/screen-bootstrap";
import { expectClose } from "../../helpers/expect-close";
import { SHIPPED_CSV, shippedStudy } from "./shipped-study";

const fixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/reproduction/univariate-screen-r.json"), "utf8"),
) as {
  cohort_md5: string;
  factors: string[];
  p: (number | null)[];
  resamples: number[][];
  inclusion_counts: number[];
  same_selection: number;
};

describe("the §4.4 univariate screen on the shipped cohort, against R", () => {
  const { study } = shippedStudy();

  it("the fixture was computed from the shipped cohort (else: Rscript tests/fixtures/reproduction/univariate-screen-r.R)", () => {
    expect(createHash("md5").update(readFileSync(SHIPPED_CSV)).digest("hex")).toBe(fixture.cohort_md5);
  });

  it("tests the paper's 43 factors in its order, the three printed ones last", () => {
    const screen = univariateScreen(study);
    expect(screen.map((r) => r.factor)).toEqual(fixture.factors);
    expect(screen.filter((r) => r.printed).map((r) => r.factor)).toEqual([
      "ODI 1 month",
      "visceral metastases",
      "postoperative BMA",
    ]);
  });

  it("gives R's p-values (wilcox.test exact = FALSE, correct = FALSE; chisq.test correct = FALSE)", () => {
    univariateScreen(study).forEach((r, j) => {
      expectClose(r.test.pValue, fixture.p[j], { label: r.factor });
    });
  });

  it("bootstrap inclusion counts on R's resamples equal R's", () => {
    const r = screenBootstrap(study, { resamples: fixture.resamples });
    r.frequencies.forEach((f, j) => {
      expect(Math.round(f.frequency * fixture.resamples.length), f.factor).toBe(fixture.inclusion_counts[j]);
    });
    expect(Math.round(r.sameSelection * fixture.resamples.length)).toBe(fixture.same_selection);
    expect(r.selectedCount.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("a factor constant in the patients gets no statistic, as SPSS", () => {
    const constant = { ...study, patients: study.patients.filter((p) => !p.factors.emergency) };
    const row = univariateScreen(constant).find((r) => r.factor === "emergency surgery")!;
    expect(row.test.pValue).toBeNull();
    expect(row.test.warnings[0]).toMatch(/constant/);
  });
});
