import { handCheck, type HandCheckInput } from "../../lib/teaching/hand-check";
import { showWorking } from "./show-working";

/**
 * Shows values worked by hand beside the library's, with ✓ where they agree, and stops the notebook (throws) when a
 * pair disagrees — so a notebook that runs to the end has every hand value confirmed.
 *
 * @example
 * showHandCheck([{ quantity: "S(6)", byHand: 0.5625, library: fit.steps[3].survival }], "KM by hand vs library")
 */
export function showHandCheck(values: readonly HandCheckInput[], caption = "By hand vs the library"): void {
  const check = handCheck(values);
  showWorking(check, { caption, decimals: 6, columns: ["quantity", "byHand", "library", "mark"] });
  if (!check.allAgree) {
    const bad = check.rows.filter((r) => !r.agrees).map((r) => `${r.quantity}: ${r.byHand} vs ${r.library}`);
    throw new Error(`hand calculation and library disagree: ${bad.join("; ")}`);
  }
}
