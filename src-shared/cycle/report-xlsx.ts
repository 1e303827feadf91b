// The comparison as an .xlsx in the official style (宋体, thin borders on every cell, wrapped text,
// frozen header row with filters, A4 landscape fitted to width): sheet 对比明细 lists each
// difference, sheet 汇总 one line per table.
import ExcelJS from 'exceljs';
import { mmToExcelWidth, withSongtiDefaultFont } from '../export/xlsx';
import { textHeightPt } from '../layout/measure';
import { DIFF_KIND_LABEL, DIFF_ROW_LABEL, type DiffKind, type DiffReport } from './diff';

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10, charset: 134 };

export const DIFF_SHEETS = { changes: '对比明细', summary: '汇总' } as const;

interface Column { header: string; /** mm */ width: number; align?: 'center' | 'left' }

function table(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.columns = columns.map((c) => ({ width: mmToExcelWidth(c.width) }));
  ws.mergeCells(1, 1, 1, columns.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { ...FONT, size: 14, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 20;
  rows.forEach((r, k) => {
    const row = ws.getRow(3 + k);
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== '') cell.value = v;
      cell.font = FONT;
      cell.alignment = { horizontal: columns[i].align ?? 'left', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    // Our own heights (as the table export does): viewers do not grow rows for wrapped text.
    row.height = Math.max(16, ...r.map((v, i) => textHeightPt(String(v), columns[i].width, FONT.size)));
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } };
}

export async function diffToXlsx(report: DiffReport, titles: { old: string; new: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  const heading = `${titles.old} → ${titles.new}`;
  table(wb, DIFF_SHEETS.changes, `对比明细（${heading}）`, [
    { header: '序号', width: 12, align: 'center' }, { header: '表格', width: 40 }, { header: '位置', width: 70 },
    { header: '类型', width: 22, align: 'center' }, { header: '原内容', width: 62 }, { header: '新内容', width: 62 }, { header: '变化', width: 18, align: 'center' },
  ], report.entries.map((e, i) => [
    i + 1, e.group, e.where, `${DIFF_KIND_LABEL[e.kind]}${DIFF_ROW_LABEL[e.row]}`,
    e.kind === 'added' ? '' : e.old, e.kind === 'removed' ? '' : e.new, e.percent ?? '',
  ]));
  const kinds = Object.keys(DIFF_KIND_LABEL) as DiffKind[];
  table(wb, DIFF_SHEETS.summary, `对比汇总（${heading}）`, [
    { header: '表格', width: 60 }, ...kinds.map((k) => ({ header: DIFF_KIND_LABEL[k], width: 16, align: 'center' as const })), { header: '说明', width: 120 },
  ], report.summary.length
    ? report.summary.map((s) => [s.title, ...kinds.map((k) => s.counts[k]), s.line])
    : [['全部', ...kinds.map(() => 0), '两份文档没有差异。']]);
  const buf = await wb.xlsx.writeBuffer();
  return withSongtiDefaultFont(new Uint8Array(buf as ArrayBuffer));
}
