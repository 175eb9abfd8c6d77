import { describe, expect, it } from "vitest";
import { loadPublicDataset, publicRReference } from "../../../src/paper/cohort/public-dataset";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv } from "../../../src/lib/survival/surv";
import { mantelByarTest, timeDependentCox } from "../../../src/lib";
import { expectClose } from "../../helpers/expect-close";

// The shipped Stanford heart-transplant file and R's results written beside it (data/public).
describe("Stanford heart transplant data (data/public/stanford-heart.csv) against R", () => {
  const d = loadPublicDataset("stanford-heart");
  const ref = publicRReference().stanford_heart as {
    n: number;
    transplanted: number;
    deaths: number;
    cox_ever_transplanted: { hr: number; lower: number; upper: number; p: number };
    cox_time_dependent: { hr: number; lower: number; upper: number; p: number };
    mantel_byar: { chisq: number; p: number };
  };
  const time = d.numeric.futime_days as number[];
  const event = d.numeric.event as number[];
  const tx = d.numeric.tx_days;

  it("has the rows R wrote", () => {
    expect(d.n).toBe(ref.n);
    expect(tx.filter((t) => t !== null)).toHaveLength(ref.transplanted);
    expect(event.reduce((s, v) => s + v, 0)).toBe(ref.deaths);
  });

  it("ever transplanted as a baseline covariate: R's HR 0.27 (immortal time)", () => {
    const t = coxPH(surv(time, event), { names: ["ever transplanted"], columns: [tx.map((v) => (v === null ? 0 : 1))] })
      .terms[0];
    expectClose(t.hazardRatio, ref.cox_ever_transplanted.hr, { label: "HR" });
    expectClose(t.ciLower, ref.cox_ever_transplanted.lower, { label: "lower" });
    expectClose(t.pValue, ref.cox_ever_transplanted.p, { label: "p" });
  });

  it("transplant as a time-dependent covariate and the Mantel–Byar test: R's values", () => {
    const t = timeDependentCox(surv(time, event), tx).terms[0];
    expectClose(t.hazardRatio, ref.cox_time_dependent.hr, { label: "HR" });
    expectClose(t.ciUpper, ref.cox_time_dependent.upper, { label: "upper" });
    expectClose(t.pValue, ref.cox_time_dependent.p, { label: "p" });
    const mb = mantelByarTest(surv(time, event), tx);
    expectClose(mb.statistic, ref.mantel_byar.chisq, { label: "Mantel–Byar χ²" });
    expectClose(mb.pValue, ref.mantel_byar.p, { label: "Mantel–Byar p" });
  });
});

describe("immortalTimeComparison", () => {
  it("puts the baseline and the time-dependent analyses side by side (R's values on the heart data)", async () => {
    const { immortalTimeComparison } = await import("../../../src/lib/time-dependent");
    const d = loadPublicDataset("stanford-heart");
    const ref = publicRReference().stanford_heart as {
      cox_ever_transplanted: { hr: number };
      cox_time_dependent: { hr: number };
    };
    const rows = immortalTimeComparison(
      surv(d.numeric.futime_days as number[], d.numeric.event as number[]),
      d.numeric.tx_days,
    );
    expect(rows.map((r) => r.analysis)).toEqual([
      "ever treated, baseline covariate (immortal time)",
      "time-dependent covariate",
    ]);
    expectClose(rows[0].HR as number, ref.cox_ever_transplanted.hr, { label: "naive HR" });
    expectClose(rows[1].HR as number, ref.cox_time_dependent.hr, { label: "time-dependent HR" });
    expect(rows[1]["log-rank-type test"]).toBe("Mantel–Byar χ² = 0.170, p = 0.680");
    expect(
      immortalTimeComparison(surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]), [null, 2, 4, null, null, 1]).map(
        (r) => r.analysis,
      )[1],
    ).toBe("time-dependent covariate");
  });
});
