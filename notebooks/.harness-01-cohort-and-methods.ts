require("module").prototype.require = ((orig) => function (id) { return id === "tslab" ? orig.call(this, "/tmp/oc/h/tslab-stub.js") : orig.call(this, id); })(require("module").prototype.require);
// ---- cell 1
console.log("@@cell 1");
import * as L from "/work/wt/own-cohort/dist/lib"; // the survival library
import * as P from "/work/wt/own-cohort/dist/paper"; // this paper: data, analyses, display
const { study, source } = P.loadStudy();
P.showMarkdown(`**Data:** ${source.label}.`);
// ---- cell 2
console.log("@@cell 2");
P.showHtml(
  study.synthetic
    ? P.fidelityToHtml(P.loadFidelityReport())
    : "<p>User cohort: no reconstruction report applies.</p>",
);
// ---- cell 3
console.log("@@cell 3");
P.showTable(P.characteristicsTable(study), {
  caption:
    `Patient characteristics (${study.synthetic ? "SYNTHETIC cohort" : "user cohort"}): n ` +
    `(%), mean ± SD, median (P25, P75) with SPSS quartiles`,
});
// ---- cell 4
console.log("@@cell 4");
const registry = P.loadRegistry();
const findings = P.runAudit(registry);
P.showHtml(P.auditToHtml(findings, { idPrefix: "s2.", caption: "Audit of §2" }));
P.showHtml(
  P.auditToHtml(findings, {
    idPrefix: "s4.1",
    verdict: "inconsistent",
    caption: "Audit of §4.1: inconsistent checks",
  }),
);
P.showHtml(
  P.scorecardToHtml(P.scorecard(study, findings, { registry: registry }), {
    idPrefixes: ["s4.1", "s2."],
    caption: "Published vs reproduced: §2 and §4.1 (SYNTHETIC cohort: matches are by construction)",
  }),
);
// ---- cell 5
console.log("@@cell 5");
P.showHtml(
  P.auditToHtml(
    findings.filter((f) => f.check.startsWith("flag-")),
    { caption: "Methodological flags" },
  ),
);