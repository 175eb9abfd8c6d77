import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIBRARY_VERSION } from "../../src/lib/version";
import { REPO_ROOT } from "../../scripts/lib/paths";

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides: Record<string, string>;
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
});
