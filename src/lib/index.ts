/**
 * The survival library: what anyone with survival data imports. It reads no files and imports nothing
 * from the paper companion (src/paper). Notebooks import the compiled form, `import * as L from
 * "../dist/lib"` (tslab compiles a notebook with its own folder as root).
 */
export * from "./core";
export * from "./distributions";
export * from "./survival";
export * from "./time-dependent";
export * from "./competing-risks";
export * from "./parametric";
export * from "./hypothesis";
export * from "./simulation";
export * from "./figures";
export * from "./formula";
export * from "./frontend";
// survreg(formula, data) and survreg(y, covariates) are one function — the front end's, which delegates to the
// kernel — and so are fineGray(formula, data) and fineGray(time, status, covariates).
export { fineGray, survreg } from "./frontend";
export * from "./teaching";
export { LIBRARY_VERSION } from "./version";
