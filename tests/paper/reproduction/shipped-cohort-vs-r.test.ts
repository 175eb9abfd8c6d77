import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chisqTest } from "../../../src/lib/hypothesis/chisq-test";
import { medianIqr } from "../../../src/lib/hypothesis/median-iqr";
import { coxTable6 } from "../../../src/paper/reproduction/cox-table6";
import { diedWithinYear } from "../../../src/paper/study/study";
import { survivalSummary } from "../../../src/paper/reproduction/survival-summary";
import { expectClose } from "../../helpers/expect-close";
import { REPO, SHIPPED_CSV, shippedStudy } from "./shipped-study";

const fixture = JSON.parse(
  readFileSync(join(REPO, "tests", "fixtures", "reproduction", "shipped-cohort-r.json"), "utf8"),
);
const csvPath = SHIPPED_CSV;
const { study } = shippedStudy();

describe(`reproduction functions on the shipped cohort vs R ${fixture.r_version}, survival ${fixture.survival_version}`, () => {
  it("the fixture was computed from the current data/cohort.csv (rerun the R script after npm run reconstruct)", () => {
    expect(createHash("md5").update(readFileSync(csvPath)).digest("hex")).toBe(fixture.cohort_md5);
  });

  for (const [reading, ties, key] of [
    ["one-year", "breslow", "cox_one_year"],
    ["full", "breslow", "cox_full"],
    ["one-year", "efron", "cox_one_year_efron"],
  ] as const) {
    it(`Table 6 Cox model (${reading} reading) = coxph(ties = "${ties}")`, () => {
      const rows = coxTable6(study, { reading, ties });
      rows.forEach((row, k) => {
        const r = fixture[key][k];
        for (const f of ["b", "se", "p", "expb", "lower", "upper"] as const)
          expectClose(row[f], r[f], { rel: 1e-6, label: `${reading} ${r.term} ${f}` });
      });
    });
  }

  it("Kaplan–Meier median and S(12) = survfit", () => {
    const s = survivalSummary(study);
    expectClose(s.median, fixture.km_median, { rel: 1e-9, label: "KM median" });
    expectClose(s.survivalAt12, fixture.km_surv_12, { rel: 1e-9, label: "S(12)" });
  });

  it("Table 5 chi-squares = chisq.test(correct = FALSE)", () => {
    const table = (f: "visceral" | "postBma") =>
      [false, true].map((yes) =>
        [0, 1].map((g) => study.patients.filter((p) => p.factors[f] === yes && diedWithinYear(p) === g).length),
      );
    expectClose(chisqTest(table("visceral")).statistic, fixture.chisq_visceral, { label: "visceral X²" });
    expectClose(chisqTest(table("postBma")).statistic, fixture.chisq_bma, { label: "BMA X²" });
  });

  it("quartiles = quantile(type = 6)", () => {
    const col = (
      pick: (p: (typeof study.patients)[number]) => number | null,
      within: (p: (typeof study.patients)[number]) => boolean = () => true,
    ) =>
      study.patients
        .filter(within)
        .map(pick)
        .filter((v): v is number => v !== null);
    const dead = (p: (typeof study.patients)[number]) => diedWithinYear(p) === 1;
    const cases: [string, number[]][] = [
      ["odi_pre", col((p) => p.odi.pre)],
      [
        "odi_1m_survivors",
        col(
          (p) => p.odi["1m"],
          (p) => !dead(p),
        ),
      ],
      ["odi_1m_deaths", col((p) => p.odi["1m"], dead)],
      ["vas_6m", col((p) => p.vas["6m"])],
      ["operation_min", col((p) => p.operationMinutes)],
      ["blood_loss_ml", col((p) => p.bloodLossMl)],
    ];
    for (const [name, x] of cases) {
      const q = medianIqr(x);
      const r = fixture.quartiles[name];
      expectClose(q.p25, r[0], { label: `${name} P25` });
      expectClose(q.median, r[1], { label: `${name} median` });
      expectClose(q.p75, r[2], { label: `${name} P75` });
    }
  });
});
