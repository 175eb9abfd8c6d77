import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { normaliseText } from "../../../src/paper/audit/paper-numbers";
import { auditSummary } from "../../../src/paper/audit/audit-summary";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { runAudit } from "../../../src/paper/audit/run-audit";

const DIR = join(__dirname, "..", "..", "fixtures", "audit", "mini-paper");
const REPO = join(__dirname, "..", "..", "..");
/** `npm run audit -- …args` without npm: tsx's CLI on scripts/audit.ts, from the repository root. */
const audit = (args: string[]) =>
  execFileSync(
    process.execPath,
    [join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), join(REPO, "scripts", "audit.ts"), ...args],
    {
      cwd: REPO,
      encoding: "utf8",
      stdio: "pipe",
    },
  );
const registry = loadRegistry(join(DIR, "numbers.json"));
const findings = runAudit(registry);
const found = findings.filter((f) => f.verdict === "finding");

/** The planted errors of README.md: check, an id it must use, class, severity — worked out by hand. */
const PLANTED: readonly [string, string, string, string][] = [
  ["statistic-p", "s3.pain2.p", "decision-changing", "critical"], // 2·P(T58 ≥ 1.20) = 0.235
  ["total", "s2.n", "contradiction", "minor"], // 31 + 30 = 61 ≠ 60: one patient
  ["same-quantity", "s2.usual.n", "contradiction", "minor"], // 30 vs 29
  ["same-quantity", "abs.followup", "contradiction", "minor"], // 14.2 vs 14.8: 4 % of the value
  ["grim", "s3.leg.pain.mean", "contradiction", "minor"], // 3.45·17 = 58.65
  ["quantile-feasibility", "s3.discharge.median", "conditional", "minor"], // 16th of 31 whole numbers ≠ 4.5
  ["paired-design", "t1.chisq", "design concern", "minor"], // McNemar agrees
  ["percent", "s3.women.edu.pct", "rounding-level", "note"], // 38.7097 → 38.71, printed 38.72
  ["p-reporting", "t1.p", "reporting", "note"], // P = 0.000
  ["unnamed-test", "s3.satisfaction.p", "reporting", "minor"],
  ["missing-n", "s3.3m.median", "reporting", "minor"],
];

describe("a made-up mini paper, audited with no code of its own (tests/fixtures/audit/mini-paper)", () => {
  it("loads a registry with its own sections, α and no plug-in", () => {
    expect(registry.sections).toEqual(["abstract", "2", "3", "Table 1", "Table 2", "Table 3"]);
    expect([registry.alpha, registry.alphaSource]).toEqual([0.05, "s2.alpha"]);
  });

  it("every quote is in the paper's text", () => {
    const text = normaliseText(readFileSync(join(DIR, "paper.md"), "utf8"));
    for (const e of registry.entries) expect(text, e.id).toContain(normaliseText(e.locator.quote));
  });

  it.each(PLANTED)("finds the planted %s on %s: %s, %s", (check, id, cls, severity) => {
    const f = found.find((x) => x.check === check && x.ids.includes(id));
    expect(f, `${check} ${id}`).toBeDefined();
    expect([f!.class, f!.severity]).toEqual([cls, severity]);
    expect(f!.printed.find((p) => p.id === id)?.quote).toBe(registry.get(id).locator.quote);
  });

  it("finds every class at least once, and nothing but the planted errors", () => {
    expect(new Set(found.map((f) => f.class))).toEqual(
      new Set(["decision-changing", "contradiction", "conditional", "design concern", "rounding-level", "reporting"]),
    );
    const matched = new Set(PLANTED.map(([check, id]) => found.find((f) => f.check === check && f.ids.includes(id))));
    expect(matched.size).toBe(PLANTED.length);
    expect(found.length).toBe(PLANTED.length);
  });

  it.each([
    ["total", "abs.n"], // 31 + 29 = 60
    ["percent", "s3.women.usual.pct"], // 11/29 = 37.93
    ["statistic-p", "abs.pain.p"], // t(58) = 2.10 → 0.0401
    ["statistic-p", "s3.disability.p"], // F(2, 57) = 4.20 → 0.0199
    ["statistic-p", "s3.correlation.p"], // r(48) = 0.35 → 0.0127
    ["statistic-p", "t1.p"], // χ²(1) = 22.79 → 1.8e-6, printed 0.000
    ["statistic-p", "t2.p"], // χ²(1) = 3.21 → 0.0732
    ["statistic-p", "t3.p"], // Wald z = 0.693/0.2604 → 0.0078
    ["grim", "s3.back.pain.mean"], // 59/17 = 3.4706
    ["grimmer", "s3.back.pain.mean"], // SD 1.0073 of a real sample
    ["subgroup-recombination", "s3.age.mean"], // 61.18 (7.98)
    ["chisq-from-counts", "t1.chisq"], // 22.794
    ["chisq-from-counts", "t2.chisq"], // 3.2096
    ["paired-design", "t2.chisq"], // independent data, independent test
    ["cox-row", "t3.b"],
    ["km-median-ci", "abs.median-survival"], // 7.9 either side
    ["km-feasibility", "abs.median-survival"], // 8 deaths after 12 months
    ["same-quantity", "s2.edu.n"], // 31 and 31
  ])("control %s on %s passes", (check, id) => {
    const f = findings.find((x) => x.check === check && x.ids.includes(id) && x.verdict !== "finding");
    expect(f?.verdict, `${check} ${id}`).toBe("passes");
  });

  it("ranks the decision error first in the reviewer's summary; no notebook links without a plug-in", () => {
    const s = auditSummary(findings, registry);
    expect([s.findings[0].check, s.findings[0].class]).toEqual(["statistic-p", "decision-changing"]);
    expect(s.findings.every((f) => f.link === null)).toBe(true);
  });
});

describe("npm run audit -- --registry numbers.json --out dir", () => {
  const out = mkdtempSync(join(tmpdir(), "mini-audit-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("audits the mini paper with one command: audit.json and a self-contained audit.html", () => {
    const stdout = audit(["--registry", join(DIR, "numbers.json"), "--out", out]);
    expect(stdout).toContain(`${findings.length} checks: `);
    const json = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    expect(json.counts.byVerdict.finding).toBe(found.length);
    const html = readFileSync(join(out, "audit.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("Reviewer's summary");
    expect(html).toContain("t(58) = 1.20 gives p = 0.2350");
    expect(html).not.toMatch(/<script|https?:\/\/(?!doi\.org)/);
  });

  it("an invalid registry stops with the entry and the field named", () => {
    const bad = join(out, "bad.json");
    const json = JSON.parse(readFileSync(join(DIR, "numbers.json"), "utf8"));
    json.entries[3].relations.sameAs = ["no.such.entry"];
    writeFileSync(bad, JSON.stringify(json));
    let message = "";
    try {
      audit(["--registry", bad, "--out", out]);
    } catch (e) {
      message = String((e as { stderr: string }).stderr);
    }
    expect(message).toContain(
      'entries[3].relations.sameAs[0] = "no.such.entry": entry "abs.followup": refers to no entry',
    );
  });
});
