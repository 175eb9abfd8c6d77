export {
  figureBundle,
  figureHtml,
  figureTitle,
  plotlyLibraryHtml,
  scriptSafeJson,
  PLOTLY_LIBRARY_MARKER,
  PLOTLY_NBEXTENSION_PATH,
} from "./figure-html";
export type { PlotlyFigureSpec } from "./figure-html";
export { showFigure, showTable, showResult, showHtml, showMarkdown, plotlySource, plotlyBundlePath } from "./show";
export { computable } from "./computable";
