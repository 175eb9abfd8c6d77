import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIBRARY_VERSION } from "../../src/lib/version";
import { REPO_ROOT } from "../../scripts/lib/paths";

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides: Record<string, string | Record<string, string>>;
};

describe("package", () => {
  it("library version printed by notebooks equals package.json's", () => {
    expect(LIBRARY_VERSION).toBe(pkg.version);
  });
  it("pins every dependency exactly (the lockfile pins the rest)", () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
  it("overrides danfojs-node's non-registry xlsx and binary-downloading tfjs-node", () => {
    expect(pkg.overrides).toMatchObject({
      xlsx: "npm:xlsx@0.18.5",
      "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0",
    });
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; name?: string; resolved?: string }>;
    };
    expect(lock.packages["node_modules/xlsx"].version).toBe("0.18.5");
    expect(lock.packages["node_modules/@tensorflow/tfjs-node"].name).toBe("@tensorflow/tfjs");
  });

  it("overrides request's vulnerable form-data and tough-cookie with fixed releases, and the lockfile resolves them", () => {
    expect(pkg.overrides.request).toEqual({ "form-data": "2.5.6", "tough-cookie": "4.1.4" });
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    const versions = (name: string): [string, string][] =>
      Object.entries(lock.packages)
        .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
        .map(([path, p]) => [path, p.version ?? ""]);
    const atLeast = (v: string, min: [number, number, number]): boolean => {
      const [a, b, c] = v.split(".").map(Number);
      return a !== min[0] ? a > min[0] : b !== min[1] ? b > min[1] : c >= min[2];
    };
    // form-data: CVE-2025-7783 fixed in 2.5.4, 3.0.4, 4.0.4; tough-cookie: CVE-2023-26136 fixed in 4.1.3.
    const formData = versions("form-data");
    expect(formData.map(([path]) => path).sort()).toEqual([
      "node_modules/form-data",
      "node_modules/request/node_modules/form-data",
    ]);
    for (const [path, v] of formData)
      expect(
        v.startsWith("2.") ? atLeast(v, [2, 5, 4]) : v.startsWith("3.") ? atLeast(v, [3, 0, 4]) : atLeast(v, [4, 0, 4]),
        `${path}@${v}`,
      ).toBe(true);
    expect(lock.packages["node_modules/request/node_modules/form-data"].version).toBe("2.5.6");
    const cookies = versions("tough-cookie");
    expect(cookies.length).toBeGreaterThan(0);
    for (const [path, v] of cookies) expect(atLeast(v, [4, 1, 3]), `${path}@${v}`).toBe(true);
    // xlsx: no fixed release on the npm registry (README, "Dependencies and security"); only danfojs-node uses it.
    expect(versions("xlsx")).toEqual([["node_modules/xlsx", "0.18.5"]]);
  });
});
