// 审核汇总.xlsx: sheets 汇总, 问题明细, 无法读取 (and 已跳过), in the official style of our exports —
// 宋体, thin borders on every cell, a title row and a bold header row frozen at the top, filters.
import ExcelJS from 'exceljs';
import { withSongtiDefaultFont } from '../export/xlsx';
import { LINE_HEIGHT_EM, lineCount, ROW_PADDING_PT } from '../layout/measure';
import {
  DETAIL_COLUMNS, detailRows, readEntries, skippedEntries, SUMMARY_COLUMNS, summaryRow, totalsLine, totalsOf,
  UNREADABLE_COLUMNS, unreadableEntries, unreadableRow,
} from './summary';
import type { AuditEntry, ReadFile, UnreadableFile } from './types';

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 11, charset: 134 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const STATUS_FILL: Record<string, ExcelJS.Fill> = {
  有错误: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } },
  无法读取: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
};
/** Column width in characters of 宋体 11 (8 px digits at 96 dpi, see mmToExcelWidth) → mm. */
const chToMm = (ch: number) => ((ch * 8 + 5) / 96) * 25.4;

/** Row height for wrapped text, measured as our exports do: Excel and LibreOffice do not grow rows
 *  of a generated file by themselves, so long messages would overlap the next row. */
function rowHeightPt(texts: string[], widthsCh: number[], lines: Map<string, number>): number {
  let most = 1;
  texts.forEach((t, i) => {
    if (t.length * 2 < widthsCh[i]) return; // fits on one line whatever the characters
    const key = `${widthsCh[i]}|${t}`; // the same message recurs on many rows: measure it once
    let n = lines.get(key);
    if (n === undefined) lines.set(key, n = lineCount(t, chToMm(widthsCh[i]), FONT.size));
    most = Math.max(most, n);
  });
  return Math.ceil(most * FONT.size * LINE_HEIGHT_EM + ROW_PADDING_PT);
}

/** Rows frozen at the top of every sheet: the title and the column headers. */
export const HEADER_ROWS = 2;

export type Column<R> = { key: keyof R; title: string; widthCh: number };

export function addSheet<R>(wb: ExcelJS.Workbook, name: string, title: string, columns: Column<R>[], rows: R[], fillOf?: (r: R) => ExcelJS.Fill | undefined): void {
  const lines = new Map<string, number>();
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROWS}` },
  });
  ws.columns = columns.map((c) => ({ width: c.widthCh }));
  ws.mergeCells(1, 1, 1, columns.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { ...FONT, size: 14, bold: true };
  t.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 24;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => (r[c.key] === '' ? null : r[c.key] as ExcelJS.CellValue))); // '' = an empty cell
    const fill = fillOf?.(r);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof cell.value === 'number' ? 'center' : 'left' };
      if (fill) cell.fill = fill;
    });
    row.height = rowHeightPt(columns.map((c) => String(r[c.key] ?? '')), columns.map((c) => c.widthCh), lines);
  }
  ws.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS + rows.length, column: columns.length } };
}

/** The summary workbook of a batch; entries in the order they should be listed. */
export async function auditWorkbook(entries: AuditEntry[], when = new Date()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = wb.modified = when;
  const listed = entries.filter((e): e is ReadFile | UnreadableFile => e.status !== 'skipped');
  addSheet(wb, '汇总', `批量审核汇总\u3000${totalsLine(totalsOf(entries))}`, SUMMARY_COLUMNS, listed.map(summaryRow), (r) => STATUS_FILL[r.status]);
  const details = readEntries(entries).flatMap(detailRows);
  addSheet(wb, '问题明细', `问题明细\u3000共 ${details.length} 条（错误和警告）`, DETAIL_COLUMNS, details);
  const unreadable = unreadableEntries(entries).map(unreadableRow);
  addSheet(wb, '无法读取', `无法读取的文件\u3000共 ${unreadable.length} 个`, UNREADABLE_COLUMNS, unreadable);
  const skipped = skippedEntries(entries).map((e) => ({ file: e.file, reason: '不是绩效目标表文件（.jixiao、.xlsx、.docx）' }));
  addSheet(wb, '已跳过', `未审核的其他文件\u3000共 ${skipped.length} 个`, [{ key: 'file', title: '文件', widthCh: 50 }, { key: 'reason', title: '原因', widthCh: 40 }], skipped);
  // Stored, not deflated: withSongtiDefaultFont re-zips the package anyway (one compression, not two).
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return withSongtiDefaultFont(new Uint8Array(buf as ArrayBuffer));
}
