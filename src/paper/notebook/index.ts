export { figureHtml, plotlyLibraryHtml, scriptSafeJson, PLOTLY_LIBRARY_MARKER } from "./figure-html";
export type { PlotlyFigureSpec } from "./figure-html";
export { showFigure, showTable, showResult, showHtml, showMarkdown, plotlySource } from "./show";
export { computable } from "./computable";
