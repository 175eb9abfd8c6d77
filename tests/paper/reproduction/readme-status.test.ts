import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmeWithStatus } from "../../../src/paper/reproduction/scorecard-readme";
import { shippedReview } from "../../../src/paper/reproduction/scorecard-shipped-review";
import { reviewStatusLines } from "../../../src/paper/reproduction/scorecard-status";
import { REPO } from "./shipped-study";

const readme = readFileSync(join(REPO, "README.md"), "utf8");
const review = shippedReview();

describe("README status lines = the reviewer's summary JSON (the report's index page)", () => {
  it("the README's status block is exactly what the JSON generates (else: npm run readme-status)", () => {
    expect(readmeWithStatus(readme, review)).toBe(readme);
  });

  it("the lines state the counts on both axes as the JSON has them", () => {
    const [reproduction, audit] = reviewStatusLines(review);
    const r = review.reproduction;
    expect(reproduction).toContain(
      `of ${r.registered} registered numbers, ${r.counts["context label"]} are context labels`,
    );
    expect(reproduction).toContain(`of the other ${r.counted}, ${r.counts.exact} print exactly as published`);
    expect(r.registered).toBe(r.counted + r.counts["context label"]);
    const c = review.audit.counts;
    expect(audit).toContain(`${c.checks} checks — ${c.byVerdict.passes} pass, ${c.byVerdict.finding} findings`);
    // The README no longer types counts by hand (the old "249 of 262" / "182 / 80 / 54" mismatch).
    expect(readme).not.toMatch(/249 of the 262|inconsistent in the paper \(audit\)/);
  });

  it("refuses a README without the markers, naming the marker", () => {
    expect(() => readmeWithStatus("# no markers", review)).toThrow(/status begin marker/);
  });
});
