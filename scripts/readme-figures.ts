/**
 * `npm run readme-figures` — renders the key figures of the synthetic cohort to docs/figures/*.png for
 * the README (Kaplan–Meier by postoperative BMA, Table 6 forest plot, Frankel flow, ODI trajectories),
 * through scripts/render-figures.ts (headless Debian Chromium, plotly inlined). Re-run after the cohort
 * or a figure function changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forestPlotFigure, frankelFlowFigure, kaplanMeierFigure, scoreTrajectoryFigure } from "../src/lib/figures";
import {
  coxForestRows,
  coxTable6Fit,
  frankelCrosstab,
  scoreTrajectoryInput,
  survivalByFactor,
} from "../src/paper/reproduction";
import { loadStudy } from "../src/paper";
import { launchChromium } from "./lib/browser-check";
import { REPO_ROOT } from "./lib/paths";
import { openFigureRenderer } from "./render-figures";

async function main(): Promise<void> {
  const { study } = loadStudy({});
  const bma = survivalByFactor(study, "postBma");
  const note = "Synthetic cohort reconstructed from published aggregates — not patient data";
  const figures = {
    "km-postoperative-bma": kaplanMeierFigure(
      bma.groups.map((g) => ({ label: `Postoperative BMA: ${g.label} (n = ${g.n})`, steps: g.fit.steps })),
      { title: "Survival by postoperative BMA", note, logRankP: bma.logRank.pValue! },
    ),
    "forest-table6": forestPlotFigure(coxForestRows(coxTable6Fit(study)).rows, {
      title: "Table 6 (one-year model, Breslow ties)",
      note,
    }),
    "frankel-flow": frankelFlowFigure(frankelCrosstab(study).table2, {
      title: "Frankel grade before → after surgery",
      note,
    }),
    "odi-trajectories": scoreTrajectoryFigure(scoreTrajectoryInput(study, "odi"), {
      scoreName: "ODI",
      yTitle: "ODI (% disability)",
      title: "Disability before and after surgery",
      note,
    }),
  };
  const browser = await launchChromium();
  try {
    const renderer = await openFigureRenderer(
      browser,
      readFileSync(join(REPO_ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js"), "utf8"),
    );
    for (const [name, fig] of Object.entries(figures)) {
      await renderer.render(fig, join(REPO_ROOT, "docs", "figures", `${name}.png`));
      console.log(`wrote docs/figures/${name}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: Error) => {
  console.error(`readme-figures: ${e.message}`);
  process.exit(1);
});
