import { describe, expect, it } from "vitest";
import {
  completeCases,
  indicator,
  loadPublicDataset,
  publicRReference,
} from "../../../src/paper/cohort/public-dataset";
import { kaplanMeierByGroup } from "../../../src/lib/survival/kaplan-meier-by-group";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
import { surv } from "../../../src/lib/survival/surv";
import { InputError } from "../../../src/lib/core/errors";
import { expectClose } from "../../helpers/expect-close";

interface KmRow {
  stratum: string;
  median: number;
  lower: number;
  upper: number;
  n: number;
}
const R = publicRReference() as unknown as {
  ncctg_lung: { km_by_sex_log: KmRow[] };
  va_veteran: { km_by_trt_log: KmRow[] };
};

describe("kaplanMeierByGroup vs R survfit(Surv ~ group) on the public datasets", () => {
  it("NCCTG lung by sex: n and median with log CI per group (R strata sex=1 male, sex=2 female)", () => {
    const lung = loadPublicDataset("ncctg-lung");
    const cc = completeCases(lung, ["time_days", "event", "sex"]);
    expect(cc.dropped).toBe(0);
    const groups = kaplanMeierByGroup(surv(cc.numeric.time_days, cc.numeric.event), cc.text.sex);
    expect(groups.map((g) => g.label)).toEqual(["female", "male"]);
    const ref: Record<string, KmRow> = { male: R.ncctg_lung.km_by_sex_log[0], female: R.ncctg_lung.km_by_sex_log[1] };
    for (const g of groups) {
      const q = kmQuantile(g.fit, 0.5, { method: "r" });
      expect(g.n).toBe(ref[g.label].n);
      expectClose(q.time, ref[g.label].median, { label: `${g.label} median` });
      expectClose(q.lower, ref[g.label].lower, { label: `${g.label} lower` });
      expectClose(q.upper, ref[g.label].upper, { label: `${g.label} upper` });
    }
  });
  it("VA veteran by treatment", () => {
    const vet = loadPublicDataset("va-veteran");
    const cc = completeCases(vet, ["time_days", "event", "trt"]);
    const groups = kaplanMeierByGroup(surv(cc.numeric.time_days, cc.numeric.event), cc.text.trt);
    groups.forEach((g, k) => {
      expectClose(kmQuantile(g.fit, 0.5, { method: "r" }).time, R.va_veteran.km_by_trt_log[k].median, {
        label: `${g.label} median`,
      });
    });
  });
  it("reports dropped incomplete rows and makes dummies", () => {
    const cc = completeCases(loadPublicDataset("ncctg-lung"), ["time_days", "ph_ecog"]);
    expect(cc.dropped).toBe(1); // R: sum(is.na(lung$ph.ecog)) = 1
    expect(indicator(["male", "female", "female"], "female")).toEqual([0, 1, 1]);
    expect(() => completeCases(loadPublicDataset("ncctg-lung"), ["nope"])).toThrow(InputError);
  });
  it("rejects mismatched or invalid labels", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => kaplanMeierByGroup(y, ["a"])).toThrow("must have one label per subject (2)");
    expect(() => kaplanMeierByGroup(y, ["a", ""])).toThrow('groups[1] = "": group labels');
  });
});
