export { exportXlsx, layoutToXlsx } from './xlsx';
export { exportDocx, layoutToDocx } from './docx';
export { renderPrintHtml, layoutToHtml } from './print-html';
export { defaultExportName } from './names';
export type { LayoutOptions as ExportOptions } from '../layout';
export { exportSelfevalXlsx, exportSelfevalDocx, renderSelfevalPrintHtml } from './selfeval';
export { defaultSelfevalExportName } from './names';
export { exportExchangeXlsx, exchangeRows } from './exchange';
