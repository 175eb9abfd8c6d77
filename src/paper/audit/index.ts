export { buildRegistry, loadRegistry } from "./registry";
export type {
  EntryKind,
  Exclusion,
  LoadedEntry,
  Locator,
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
export type { AuditFinding, Verdict } from "./finding";
export { runAudit } from "./run-audit";
export { auditToHtml, countVerdicts } from "./audit-to-html";
export { formatAuditTable, auditToJson } from "./format-audit";
