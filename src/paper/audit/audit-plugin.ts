import type { AuditFinding } from "./finding";
import type { Registry } from "./registry";

/** A notebook section where a finding is discussed at length: notebook file stem and heading text. */
export interface NotebookLink {
  /** Notebook file name without extension, e.g. "03-neurological-function". */
  readonly notebook: string;
  /** The heading's text as written in the notebook (its anchor is {@link headingAnchor} of it). */
  readonly heading: string;
}

/**
 * A paper's own checks, beside the generic ones that the registry's relations switch on. A plug-in
 * declares which registries it applies to (e.g. by DOI), adds its checks, and may say where each finding
 * is discussed (links in the reviewer's summary). Another paper needs no plug-in: `npm run audit` runs
 * every generic check on any registry file.
 */
export interface AuditPlugin {
  readonly name: string;
  readonly appliesTo: (registry: Registry) => boolean;
  readonly checks: (registry: Registry) => readonly AuditFinding[];
  readonly link?: (finding: AuditFinding, registry: Registry) => NotebookLink | null;
}
