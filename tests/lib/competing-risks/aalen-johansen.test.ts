import { describe, expect, it } from "vitest";
import { aalenJohansen } from "../../../src/lib/competing-risks/aalen-johansen";
import { crFixture, expectArrayClose } from "./fixtures";

describe.each(Object.entries(crFixture.datasets))("aalenJohansen vs R survfit (multi-state): %s", (name, d) => {
  it.each(
    d.aalen_johansen.map(
      (r, k) =>
        [
          `${k}: ${r.conf_type}${r.by_group ? " by group" : ""}${r.weights ? " weighted" : ""}${r.entry ? " delayed entry" : ""}`,
          r,
        ] as const,
    ),
  )("%s", (_label, run) => {
    const fit = aalenJohansen(d.time, d.status, {
      group: run.by_group ? d.group : undefined,
      confType: run.conf_type,
      confLevel: run.conf_int,
      weights: run.weights ?? undefined,
      start: run.entry ?? undefined,
    });
    expect(fit.states).toEqual(["(s0)", "1", "2"].slice(0, fit.states.length));
    expect(fit.curves.length).toBe(run.curves.length);
    run.curves.forEach((ref, g) => {
      const c = fit.curves[g];
      const label = `${name} curve ${ref.group}`;
      expect(c.n).toBe(ref.n);
      expectArrayClose(c.time, ref.time, `${label} time`);
      expectArrayClose(c.nRisk, ref.n_risk, `${label} n.risk`);
      expectArrayClose(c.nCensor, ref.n_censor, `${label} n.censor`);
      for (let j = 0; j < ref.time.length; j++) {
        expectArrayClose(c.nEvent[j], ref.n_event[j], `${label} n.event[${j}]`);
        expectArrayClose(c.pstate[j], ref.pstate[j], `${label} pstate[${j}]`, { abs: 1e-13 });
        expectArrayClose(c.stdErr[j], ref.std_err[j], `${label} std.err[${j}]`, { abs: 1e-13 });
        expectArrayClose(c.lower[j], ref.lower[j], `${label} lower[${j}]`, { abs: 1e-13 });
        expectArrayClose(c.upper[j], ref.upper[j], `${label} upper[${j}]`, { abs: 1e-13 });
        expectArrayClose(c.cumhaz[j], ref.cumhaz[j], `${label} cumhaz[${j}]`, { abs: 1e-13 });
      }
    });
  });
});
