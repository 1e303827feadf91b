export * from './types';
export * from './summary';
export { auditWorkbook, HEADER_ROWS } from './workbook';
export { opinionDocx, opinionFileName, opinionLayout } from './opinion';
export { auditHtml } from './html';
