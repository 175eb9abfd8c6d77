/**
 * `npm run build` — compiles src/ to dist/ (CommonJS, .d.ts, source maps), which the notebooks import.
 * Skipped when dist/ was already built from the same sources (see scripts/lib/build.ts).
 *
 *   --force   compile even when dist/ is current
 */
import { buildLibrary } from "./lib/build";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--force");
if (unknown.length > 0) {
  console.error(`build: unknown argument ${unknown[0]} (the only option is --force)`);
  process.exit(2);
}
try {
  buildLibrary({ force: args.includes("--force") });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}
