import { isAbsolute, relative } from "node:path";
import { REPO_ROOT } from "../repo-root";
import type { Registry } from "./registry";

/**
 * Where a registry was read from, for display and JSON: relative to the repository when the file is
 * inside it ("data/published.json"), otherwise as given — so outputs do not depend on where the project
 * is checked out. Cost: O(path length).
 *
 * @example
 * registrySource(loadRegistry()) // "data/published.json"
 */
export function registrySource(registry: Pick<Registry, "source">): string {
  if (!isAbsolute(registry.source)) return registry.source;
  const rel = relative(REPO_ROOT, registry.source);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? registry.source : rel.split("\\").join("/");
}
