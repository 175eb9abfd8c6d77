import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kaplanMeier, survivalAt } from "../../../src/lib/survival/kaplan-meier";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

// survivalAt against R's summary(fit, times, extend = TRUE); by hand in kaplan-meier.test.ts.
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<
    string,
    {
      time: number[];
      status: number[];
      at_times: { times: number[]; surv: number[]; n_risk: number[]; lower: number[]; upper: number[] };
    }
  >;
};

describe.each(Object.entries(fixture.datasets))("survivalAt vs R: %s", (name, d) => {
  const y = surv(d.time, d.status);

  it("survival at chosen times = summary(fit, times, extend = TRUE)", () => {
    const at = survivalAt(kaplanMeier(y), d.at_times.times);
    at.forEach((r, i) => {
      expectClose(r.survival, d.at_times.surv[i], { label: `${name} S(${r.time})` });
      expect(r.nRisk, `${name} n.risk at ${r.time}`).toBe(d.at_times.n_risk[i]);
      expectClose(r.lower, d.at_times.lower[i], { label: `${name} lower at ${r.time}` });
      expectClose(r.upper, d.at_times.upper[i], { label: `${name} upper at ${r.time}` });
    });
    expect(at[at.length - 1].beyondFollowUp).toBe(true);
  });
});
