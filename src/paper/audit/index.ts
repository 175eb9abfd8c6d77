export { buildRegistry, loadRegistry, REGISTRY_SCHEMA_PATH } from "./registry";
export type {
  EntryKind,
  Exclusion,
  LoadedEntry,
  Locator,
  PaperInfo,
  PaperSection,
  Registry,
  RegistryEntry,
  Relations,
  Scale,
  Statement,
  StatisticTest,
} from "./registry";
export { registryCoverage } from "./registry-coverage";
export type { RegistryCoverage } from "./registry-coverage";
export { AUDIT_VERDICTS, FINDING_CLASSES, SEVERITIES } from "./finding";
export type { AuditFinding, AuditVerdict, FindingClass, PrintedValue, Severity } from "./finding";
export { entryLabel } from "./label";
export { runAudit, DEFAULT_PLUGINS } from "./run-audit";
export type { AuditPlugin, NotebookLink } from "./audit-plugin";
export { li2026Plugin } from "./li-2026-plugin";
export { countVerdicts } from "./count-verdicts";
export type { AuditCounts } from "./count-verdicts";
export { auditSummary } from "./audit-summary";
export type { AuditSummary, RankedFinding } from "./audit-summary";
export { auditSummaryToHtml } from "./audit-summary-html";
export type { AuditSummaryHtmlOptions } from "./audit-summary-html";
export { auditToHtml } from "./audit-to-html";
export type { AuditHtmlOptions } from "./audit-to-html";
export { auditPage } from "./audit-page";
export { auditToJson } from "./format-audit";
export { formatAuditTable } from "./format-audit-table";
export { headingAnchor } from "./heading-anchor";
export { REVIEW_CSS } from "./review-css";
