// 审核意见 .docx, one per department's file: its findings grouped by table, ready to send back.
// Written as a layout model and handed to the docx writer of our exports (same fonts, borders, page
// setup and footer as the tables themselves).
import { layoutToDocx } from '../export/docx';
import { PAGE, PRINTABLE_HEIGHT_MM, PRINTABLE_WIDTH_MM, type Layout, type LayoutCell, type LayoutPart, type LayoutRow } from '../layout';
import { byTable, count, placeIn, severityLabel } from './summary';
import type { ReadFile } from './types';

const BODY = { family: '宋体', sizePt: 10.5, fallbacks: ['SimSun', 'Noto Serif CJK SC'] };
const HEI = { family: '黑体', sizePt: 16, fallbacks: ['SimHei', 'Noto Sans CJK SC'] };
/** 序号, 级别, 位置, 单元格原文, 问题及修改建议, 代码 — shares of the printable width. */
const SHARES = [5, 6, 24, 19, 31, 15];
const HEAD = ['序号', '级别', '位置', '单元格原文', '问题及修改建议', '代码'];

const cell = (col: number, text: string, header = false): LayoutCell => ({
  col, text, colSpan: 1, rowSpan: 1, align: header || col < 2 ? 'center' : 'left', indent: 0, bold: header, kind: header ? 'header' : 'text',
});
const row = (texts: string[], header = false): LayoutRow => ({ cells: texts.map((t, i) => cell(i, t, header)), heightPt: 0, header });

/** The file name of a file's 审核意见: its path with separators made safe, so names never collide. */
export function opinionFileName(file: string): string {
  const m = /^(.*)\.(jixiao|xlsx|docx)$/i.exec(file.replace(/^\/+/, ''));
  const name = m ? `${m[1]}（${m[2].toLowerCase()}）` : file;
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return `${name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}审核意见.docx`;
}

export function opinionLayout(e: ReadFile): Layout {
  const total = SHARES.reduce((a, b) => a + b, 0);
  const columnsMm = SHARES.map((s) => (s / total) * PRINTABLE_WIDTH_MM);
  const dept = `${e.deptCode}${e.deptName}`.trim() || '（未填写部门）';
  const errors = count(e, 'error'), warnings = count(e, 'warning');
  const part = (title: string, titleStyle: LayoutPart['titleStyle'], orgLeft: string, orgRight: string, rows: LayoutRow[], note: string): LayoutPart => ({
    kind: 'duty', sheetName: '审核意见', columnsMm, title, titleStyle, orgLeft, orgRight, note, pageBreakBefore: false,
    tables: rows.length ? [{ kind: 'duty', headerRows: 1, rows, fontPt: BODY.sizePt }] : [],
  });
  const summary = errors + warnings === 0
    ? '审核通过：没有发现错误或警告。'
    : `共 ${errors} 个错误、${warnings} 个警告。错误须修改后重新报送；警告请逐条核实。`;
  const parts: LayoutPart[] = [part(`${e.year || ''} 年度绩效目标表审核意见`.trim(), 'title', dept, `文件：${e.file}`, [], summary)];
  let n = 0;
  for (const [table, list] of byTable(e.findings)) {
    const rows = [row(HEAD, true), ...list.map((f) => row([
      String(++n), severityLabel(f.severity), placeIn(f), f.text,
      f.suggestion ? `${f.message}（建议写作：“${f.suggestion}”）` : f.message, f.code,
    ]))];
    parts.push(part(table, 'heading', '', `${list.length} 条`, rows, ''));
  }
  return {
    page: PAGE, printableWidthMm: PRINTABLE_WIDTH_MM, printableHeightMm: PRINTABLE_HEIGHT_MM,
    fonts: { body: BODY, title: HEI, heading: { ...HEI, sizePt: 12 }, org: BODY },
    unit: '', deptName: e.deptName, year: e.year, title: `${e.deptName}${e.year || ''}年绩效目标表审核意见`, parts,
  };
}

export function opinionDocx(e: ReadFile): Uint8Array {
  return layoutToDocx(opinionLayout(e));
}
