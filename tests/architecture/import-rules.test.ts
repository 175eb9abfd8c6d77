import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

interface Cruise {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string } }[] };
}

function cruise(cwd: string): Cruise {
  const r = spawnSync(DEPCRUISE, ["src", "--config", CONFIG, "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!r.stdout) throw new Error(`depcruise failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Cruise;
}

/** Area of a source file: src/lib/<area> or src/paper/<area>; the two entry points are not areas. */
function area(path: string): string | null {
  const m = /^src\/(lib|paper)\/([^/]+?)(\.ts)?(\/|$)/.exec(path);
  if (!m || (m[3] && m[2] === "index")) return null;
  return `${m[1]}/${m[2]}`;
}

/** A cycle in the area graph, as a list of areas, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (a: string): string[] | null => {
    state.set(a, "active");
    stack.push(a);
    for (const b of graph.get(a) ?? []) {
      if (state.get(b) === "active") return [...stack.slice(stack.indexOf(b)), b];
      if (!state.has(b)) {
        const c = visit(b);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(a, "done");
    return null;
  };
  for (const a of graph.keys()) {
    if (!state.has(a)) {
      const c = visit(a);
      if (c) return c;
    }
  }
  return null;
}

describe("import rules (.dependency-cruiser.cjs)", () => {
  const result = cruise(ROOT);

  it("src/ breaks none: the library never imports the paper side or reads files, no area reaches into another's internal/, no run-time cycles", () => {
    const lines = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(lines).toEqual([]);
  });

  it("areas (src/lib/* and src/paper/*) import each other without a cycle, type-only imports included", () => {
    const graph = new Map<string, Set<string>>();
    for (const m of result.modules) {
      const from = area(m.source);
      if (!from) continue;
      for (const d of m.dependencies) {
        const to = area(d.resolved);
        if (to && to !== from) {
          if (!graph.has(from)) graph.set(from, new Set());
          graph.get(from)!.add(to);
        }
      }
    }
    expect(graph.size).toBeGreaterThan(8);
    expect(findCycle(graph)).toBeNull();
    // The one direction between the two sides.
    for (const [from, tos] of graph) {
      if (from.startsWith("lib/")) for (const to of tos) expect(to, `${from} → ${to}`).toMatch(/^lib\//);
    }
  });

  it("the cycle finder sees a cycle between areas", () => {
    const g = new Map([
      ["paper/a", new Set(["paper/b"])],
      ["paper/b", new Set(["paper/c"])],
      ["paper/c", new Set(["paper/a"])],
    ]);
    expect(findCycle(g)).toEqual(["paper/a", "paper/b", "paper/c", "paper/a"]);
  });

  it("every rule fires on a planted violation (tests/fixtures/architecture)", () => {
    const planted = cruise(join(ROOT, "tests", "fixtures", "architecture"));
    const fired = new Set(planted.summary.violations.map((v) => v.rule.name));
    expect([...fired].sort()).toEqual([
      "library-never-imports-paper",
      "library-reads-no-files",
      "no-circular",
      "no-reaching-into-internal",
      "src-never-imports-tooling",
    ]);
    // The paper side may read files: the planted paper module is not flagged.
    expect(planted.summary.violations.some((v) => v.from.startsWith("src/paper/gamma/paper-value"))).toBe(false);
  });
});
