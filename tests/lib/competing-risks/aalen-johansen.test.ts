import { describe, expect, it } from "vitest";
import { aalenJohansen } from "../../../src/lib/competing-risks/aalen-johansen";
import { expectAllClose } from "../../helpers/expect-close";
import { crFixture } from "./fixtures";

describe.each(Object.entries(crFixture.datasets))("aalenJohansen vs R survfit (multi-state): %s", (name, d) => {
  it.each(d.aalen_johansen.map((r, k) => [`${k}: ${r.conf_type}${r.by_group ? " by group" : ""}${r.weights ? " weighted" : ""}${r.entry ? " delayed entry" : ""}`, r] as const))(
    "%s",
    (_label, run) => {
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
        expectAllClose(c.time, ref.time, { label: `${label} time` });
        expectAllClose(c.nRisk, ref.n_risk, { label: `${label} n.risk` });
        expectAllClose(c.nCensor, ref.n_censor, { label: `${label} n.censor` });
        for (let j = 0; j < ref.time.length; j++) {
          expectAllClose(c.nEvent[j], ref.n_event[j], { label: `${label} n.event[${j}]` });
          expectAllClose(c.pstate[j], ref.pstate[j], { label: `${label} pstate[${j}]`, abs: 1e-13 });
          expectAllClose(c.stdErr[j], ref.std_err[j], { label: `${label} std.err[${j}]`, abs: 1e-13 });
          expectAllClose(c.lower[j], ref.lower[j], { label: `${label} lower[${j}]`, abs: 1e-13 });
          expectAllClose(c.upper[j], ref.upper[j], { label: `${label} upper[${j}]`, abs: 1e-13 });
          expectAllClose(c.cumhaz[j], ref.cumhaz[j], { label: `${label} cumhaz[${j}]`, abs: 1e-13 });
        }
      });
    },
  );
});
