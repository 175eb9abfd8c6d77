/**
 * The glossary: data/glossary.json is valid, notebooks/glossary.ipynb is generated from it and current, every
 * notebook links each glossary term at its first use in prose, and every glossary link points at a term.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  firstUses,
  GLOSSARY_NOTEBOOK,
  glossaryMarkdown,
  glossaryNotebook,
  linkFirstUses,
  loadGlossary,
  termUses,
  type GlossaryTerm,
} from "../../scripts/lib/glossary";
import { NOTEBOOK_SOURCES_DIR, NOTEBOOKS_DIR } from "../../scripts/lib/paths";
import { renderMarkdown } from "../../scripts/lib/report";

const terms = loadGlossary();
const sources = readdirSync(NOTEBOOK_SOURCES_DIR)
  .filter((f) => /^\d\d-[\w-]+\.md$/.test(f))
  .sort();

describe("data/glossary.json and the glossary notebook", () => {
  it("defines the terms the teaching track needs", () => {
    const ids = terms.map((t) => t.id);
    for (const id of [
      "censoring",
      "risk-set",
      "hazard",
      "hazard-ratio",
      "proportional-hazards",
      "greenwood",
      "immortal-time",
      "events-per-variable",
      "competing-risks",
      "kaplan-meier",
      "log-rank-test",
      "cox-model",
    ])
      expect(ids).toContain(id);
  });
  it("notebooks/glossary.ipynb is generated from it and current (npm run glossary)", () => {
    expect(readFileSync(join(NOTEBOOKS_DIR, GLOSSARY_NOTEBOOK), "utf8")).toBe(glossaryNotebook(terms));
  });
  it("anchors every term, and its links work in the report", () => {
    const html = renderMarkdown(glossaryMarkdown(terms));
    for (const t of terms) expect(html).toContain(`<a id="${t.id}"></a>`);
    expect(html).toContain('href="10-survival-by-hand.html"');
  });
  it("rejects a glossary with a shared alias, a bad id or an unknown notebook", () => {
    const dir = mkdtempSync(join(tmpdir(), "glossary-"));
    const write = (entries: unknown[]) => {
      const file = join(dir, "g.json");
      writeFileSync(file, JSON.stringify({ terms: entries }));
      return file;
    };
    const t = { id: "a", term: "A", aliases: ["a"], definition: "d", seeAlso: [] };
    expect(() => loadGlossary(write([t, { ...t, id: "b", aliases: ["A"] }]))).toThrow(
      /alias "A" is also an alias of "a"/,
    );
    expect(() => loadGlossary(write([{ ...t, id: "Bad Id" }]))).toThrow(/terms\[0\]\.id = "Bad Id"/);
    expect(() => loadGlossary(write([t, t]))).toThrow(/used twice/);
    expect(() => glossaryMarkdown([{ ...terms[0], seeAlso: ["99-none.ipynb"] }])).toThrow(/99-none.ipynb/);
  });
});

const demo: GlossaryTerm[] = [
  { id: "hazard", term: "Hazard", aliases: ["hazard", "hazards"], definition: "d", seeAlso: [] },
  { id: "hazard-ratio", term: "Hazard ratio", aliases: ["hazard ratio", "HR"], definition: "d", seeAlso: [] },
  { id: "censoring", term: "Censoring", aliases: ["censored", "censoring"], definition: "d", seeAlso: [] },
];

describe("finding a term's first use", () => {
  it("takes the longest alias: 'hazard ratio' is not a use of 'hazard'", () => {
    expect(termUses("The hazard ratio compares hazards.", demo).map((u) => [u.id, u.text])).toEqual([
      ["hazard-ratio", "hazard ratio"],
      ["hazard", "hazards"],
    ]);
  });
  it("skips code, math, headings, quotations, HTML and other links; counts glossary links", () => {
    const text = [
      "# Censoring in a heading",
      "> censored, quoted from the paper",
      "`censored` in code and $censored$ in math, [censored](https://x.org) in a link, uncensored.",
      "```ts\nconst censored = 1;\n```",
      "Then [right-censored](glossary.ipynb#censoring) and censored.",
    ].join("\n\n");
    const uses = termUses(text, demo);
    expect(uses.map((u) => [u.text, u.linked])).toEqual([
      ["right-censored", true],
      ["censored", false],
    ]);
  });
  it("links each first use once, and is idempotent", () => {
    const once = linkFirstUses("Censored patients are censored; the hazard and the hazard.", demo);
    expect(once.text).toBe(
      "[Censored](glossary.ipynb#censoring) patients are censored; the [hazard](glossary.ipynb#hazard) and the hazard.",
    );
    expect(linkFirstUses(once.text, demo).linked).toEqual([]);
    expect(firstUses(once.text, demo).every((u) => u.linked)).toBe(true);
  });
});

describe("every notebook links each term at its first use", () => {
  const ids = new Set(terms.map((t) => t.id));
  for (const file of sources) {
    it(file, () => {
      const source = readFileSync(join(NOTEBOOK_SOURCES_DIR, file), "utf8");
      const unlinked = firstUses(source, terms)
        .filter((u) => !u.linked)
        .map((u) => `${u.id} ("${u.text}")`);
      expect(unlinked, "run `npm run glossary -- --link` and review the diff").toEqual([]);
      const broken = termUses(source, terms).filter((u) => u.linked && !ids.has(u.linkedTo ?? ""));
      expect(broken.map((u) => u.linkedTo)).toEqual([]);
    });
  }
});
