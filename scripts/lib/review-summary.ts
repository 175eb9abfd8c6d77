import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Review, reviewToHtml } from "../../src/paper/reproduction";

/**
 * The reviewer's summary for the report's index page and the end of `npm run reproduce`, from the
 * reports/review.json that notebook 07 writes (nothing when notebook 07 did not run): HTML for the top of
 * the index page (links to the notebook pages) and console lines with the counts on both axes.
 */
export function reviewSummary(out: string): { html: string; lines: string[] } {
  const file = join(out, "review.json");
  if (!existsSync(file)) return { html: "", lines: [] };
  const review = JSON.parse(readFileSync(file, "utf8")) as Review;
  const r = review.reproduction;
  const c = review.audit.counts;
  const list = (o: Readonly<Record<string, number>>) =>
    Object.entries(o)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
  return {
    html: reviewToHtml(review, { linkExtension: ".html", style: false }),
    lines: [
      `reproduction (${r.counted} results${r.byConstruction ? ", synthetic: exact by construction" : ""}): ` +
        `${list(r.counts)}`,
      `audit (${c.checks} checks): ${c.byVerdict.passes} pass, ${c.byVerdict.finding} findings ` +
        `(${list(c.bySeverity)}), ${c.byVerdict["not checkable"]} not checkable`,
    ],
  };
}
