import { describe, expect, it } from "vitest";
import { formulaFixtures } from "./fixtures";

// "Done when every survfit, survdiff and coxph call in R survival's documentation that stays within the supported
// syntax gives R's numbers": make-fixtures.R collects every such call from the help pages (tools::Rd2ex over
// tools::Rd_db("survival")) into doc_calls. Each page must be covered by a case (checked against R in
// r-fixtures.test.ts) or by a listed exclusion with its reason.
const docCalls = formulaFixtures as unknown as { doc_calls: { page: string; line: string }[] };
const pagesOf = (text: string): string[] => text.match(/[A-Za-z0-9.]+\.Rd/g) ?? [];
const squash = (s: string) => s.replace(/\s+/g, "");

describe("R survival's help-page calls are all accounted for", () => {
  const casePages = new Set(formulaFixtures.cases.flatMap((c) => pagesOf(c.source)));
  const excludedPages = new Set(formulaFixtures.unsupported.flatMap((u) => pagesOf(u.page)));

  it("the fixture holds the calls of many pages", () => {
    expect(new Set(docCalls.doc_calls.map((d) => d.page)).size).toBeGreaterThan(40);
  });

  it("every page with a survfit / survdiff / coxph call has a case or a stated exclusion", () => {
    const uncovered = [...new Set(docCalls.doc_calls.map((d) => d.page))].filter(
      (p) => !casePages.has(p) && !excludedPages.has(p),
    );
    expect(uncovered).toEqual([]);
  });

  it("each doc case's formula is the one printed on its page", () => {
    for (const c of formulaFixtures.cases.filter((x) => x.id.startsWith("doc:"))) {
      const lines = docCalls.doc_calls.filter((d) => pagesOf(c.source).includes(d.page)).map((d) => squash(d.line));
      const head = squash(c.formula).slice(0, 18);
      expect(
        lines.some((l) => l.includes(head)),
        `${c.id}: ${c.formula}`,
      ).toBe(true);
    }
  });

  it("every exclusion says why", () => {
    for (const u of formulaFixtures.unsupported) expect(u.reason.length).toBeGreaterThan(5);
  });
});
