/**
 * Public entry of the library: a re-export of each area's barrel. Notebooks import the compiled
 * form, `import { ... } from "../dist"` (tslab cannot compile files outside the notebook folder).
 */
export * from "./core";
export * from "./survival";
export * from "./hypothesis";
export * from "./audit";
export * from "./cohort";
export * from "./reproduction";
export * from "./figures";
export * from "./notebook";
export * from "./limitations";
export { LIBRARY_VERSION } from "./version";
