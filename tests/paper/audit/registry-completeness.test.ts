import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { paperNumberTokens, paperSections } from "../../../src/paper/audit/paper-numbers";
import { registryCoverage } from "../../../src/paper/audit/registry-coverage";

const paper = readFileSync(
  join(__dirname, "..", "..", "..", "data", "paper", "li-2026-front-surg-spinal-metastases-lung.md"),
  "utf8",
);
const registry = loadRegistry();

describe("registry completeness against the paper copy", () => {
  it("splits the abstract, §2.1–§5 and the six tables into sections", () => {
    expect(
      paperSections(paper)
        .map((s) => s.section)
        .sort(),
    ).toEqual([
      "2.1",
      "2.2",
      "2.3",
      "3",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "5",
      "Table 1",
      "Table 2",
      "Table 3",
      "Table 4",
      "Table 5",
      "Table 6",
      "abstract",
    ]);
  });

  it("tokenizes digits, signed numbers and number words, but not numbers glued to words", () => {
    const texts = paperNumberTokens(paper).map((t) => `${t.section}:${t.text}`);
    expect(texts).toContain("Table 6:-1.118");
    expect(texts).toContain("Table 4:-2.353");
    expect(texts).toContain("4.3:One");
    expect(texts).toContain("abstract:one");
    expect(texts.some((t) => t.endsWith(":2023136"))).toBe(false); // ethics number LL-KY-2023136-01
  });

  it("covers every number in the audited sections by an entry or a reasoned exclusion", () => {
    const c = registryCoverage(registry, paper);
    const listing = c.uncovered.map((t) => `  [${t.section}] ${t.text}  …${t.context}…`).join("\n");
    expect(c.tokenCount).toBeGreaterThan(300);
    expect(c.uncovered, `numbers neither registered nor excluded:\n${listing}`).toEqual([]);
  });

  it("finds every printed entry's quote (holding its value) in the entry's section", () => {
    expect(registryCoverage(registry, paper).unlocatedEntries).toEqual([]);
  });

  it("finds every evidence statement's quote in its section", () => {
    expect(registryCoverage(registry, paper).unlocatedStatements).toEqual([]);
  });

  it("finds every exclusion's quote in its section, and every exclusion gives a reason", () => {
    expect(registryCoverage(registry, paper).unlocatedExclusions).toEqual([]);
    for (const x of registry.exclusions) expect(x.reason.length, x.quote).toBeGreaterThan(5);
  });

  it("fails when a number is dropped from the registry", () => {
    const without = { ...registry, entries: registry.entries.filter((e) => e.id !== "t3.chisq") };
    const uncovered = registryCoverage(without, paper).uncovered.map((t) => `${t.section}:${t.text}`);
    expect(uncovered).toEqual(["Table 3:21.79"]);
  });

  it("uses the unchanged paper copy (same text as the shared original, when present)", () => {
    const shared = "/work/shared/paper/li-2026-front-surg-spinal-metastases-lung.md";
    let original: string | null = null;
    try {
      original = readFileSync(shared, "utf8");
    } catch {
      original = null; // a fresh clone has no /work/shared
    }
    if (original !== null) expect(paper === original).toBe(true);
    expect(paper).toContain("doi: 10.3389/fsurg.2026.1743422");
  });
});
