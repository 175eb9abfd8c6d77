import { handCheck, type HandCheckInput } from "../../lib/teaching/hand-check";
import { showWorking } from "./show-working";

/**
 * Shows values worked by hand beside the library's, with ✓ where they agree, and stops the notebook (throws) when a
 * pair disagrees — so a notebook that runs to the end has every hand value confirmed.
 *
 * @example
 * const toy = toyCohort();
 * const fit = kaplanMeier(surv(toy.time, toy.event));
 * const values = [{ quantity: "S(6)", byHand: (9 / 10) * (7 / 8) * (5 / 7), library: survivalAt(fit, 6).survival }];
 * // showHandCheck(values, "KM by hand vs library") shows this check as a table in a notebook (outside a kernel
 * // there is nothing to show), and throws when a row's mark is ✗:
 * handCheck(values).rows.map((r) => r.mark) // ["✓"] (by hand: S(6) = 9/10 × 7/8 × 5/7 = 0.5625)
 * handCheck([{ quantity: "S(6)", byHand: 0.6, library: survivalAt(fit, 6).survival }]).allAgree // false
 */
export function showHandCheck(values: readonly HandCheckInput[], caption = "By hand vs the library"): void {
  const check = handCheck(values);
  showWorking(check, { caption, decimals: 6, columns: ["quantity", "byHand", "library", "mark"] });
  if (!check.allAgree) {
    const bad = check.rows.filter((r) => !r.agrees).map((r) => `${r.quantity}: ${r.byHand} vs ${r.library}`);
    throw new Error(`hand calculation and library disagree: ${bad.join("; ")}`);
  }
}
