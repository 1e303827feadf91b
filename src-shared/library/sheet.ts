// 指标库 as one worksheet, to share a department's library: `jixiao library export|import`. Written
// with ExcelJS in the house style (宋体, borders, frozen header, filter); read back with our own
// hardened xlsx reader, by header names, so a sheet re-saved by Excel/WPS (columns moved) still reads.
import ExcelJS from 'exceljs';
import { xmlSafeXlsx } from '../export/xlsx';
import { ImportFailure } from '../import/types';
import { DEFAULT_ZIP_LIMITS, isZip, openZip } from '../import/zip';
import { readXlsx } from '../import/xlsx';
import { dropUnsavable } from '../import/grid';
import { newEntry, type LibraryEntry, type LibrarySource } from './entry';

export const LIBRARY_SHEET = '指标库';

const COLUMNS = [
  ['类别', 8], ['一级指标', 12], ['二级指标', 14], ['工作活动', 18], ['指标名称', 24], ['指标说明', 28],
  ['指标值', 12], ['优', 10], ['良', 10], ['中', 10], ['差', 10], ['指标值确定依据', 14], ['单位', 6],
  ['出现次数', 8], ['来源', 30], ['内置', 6],
] as const;
type Header = (typeof COLUMNS)[number][0];

const KIND_LABEL = { project: '项目', duty: '部门职责' } as const;

const formatSource = (s: LibrarySource) => `${s.dept}|${s.year}|${s.document}`;
function parseSource(t: string): LibrarySource | null {
  const [dept, year, ...doc] = t.split('|');
  const y = Number(year);
  return Number.isInteger(y) && doc.length > 0 ? { dept, year: y, document: doc.join('|') } : null;
}

export async function libraryToXlsx(entries: readonly LibraryEntry[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet(LIBRARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  for (const e of entries) {
    ws.addRow([
      KIND_LABEL[e.kind], e.level1, e.level2, e.context, e.name, e.description, e.value, ...e.bands, e.basis, e.unit,
      e.count, e.seen.map(formatSource).join('\n'), e.builtin ? '是' : '',
    ]);
  }
  const border = { style: 'thin' as const };
  ws.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: '宋体', size: 10, bold: n === 1, charset: 134 };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: n === 1 ? 'center' : 'left' };
      cell.border = { top: border, left: border, bottom: border, right: border };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return xmlSafeXlsx(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
}

export type LibrarySheetResult =
  | { ok: true; entries: LibraryEntry[]; skipped: { row: number; reason: string }[]; /** what the reader noted: cells kept without a character Word/Excel cannot hold (import/grid.ts dropUnsavable) */ notes: string[] }
  | { ok: false; code: string; message: string };

/** Entries of a library sheet; rows without a 指标名称 or with an unknown 类别 are skipped and listed. */
export function libraryFromXlsx(bytes: Uint8Array, fileName: string): LibrarySheetResult {
  try {
    if (!isZip(bytes)) throw new ImportFailure('import.not-office', `「${fileName}」不是 Excel（.xlsx）文件。`);
    const zip = openZip(bytes, DEFAULT_ZIP_LIMITS);
    if (!zip.entries.has('xl/workbook.xml')) throw new ImportFailure('import.not-office', `「${fileName}」不是 Excel（.xlsx）文件。`);
    const stream = readXlsx(zip);
    dropUnsavable(stream);
    const rows = stream.rows;
    const headerRow = rows.find((r) => r.cells.some((c) => c.text.trim() === '指标名称') && r.cells.some((c) => c.text.trim() === '类别'));
    if (!headerRow) return { ok: false, code: 'library.no-sheet', message: `「${fileName}」中没有指标库表（需要“类别”“指标名称”等列标题）。` };
    const col = new Map<Header, number>();
    for (const c of headerRow.cells) {
      const h = COLUMNS.find(([name]) => name === c.text.trim());
      if (h) col.set(h[0], c.col);
    }
    const entries: LibraryEntry[] = [];
    const skipped: { row: number; reason: string }[] = [];
    for (const r of rows) {
      if (r.sheet !== headerRow.sheet || r.row <= headerRow.row) continue;
      const get = (h: Header) => { const i = col.get(h); return i === undefined ? '' : r.cells.find((c) => c.col === i)?.text ?? ''; };
      const name = get('指标名称').trim();
      if (!name) { if (r.cells.some((c) => c.text.trim())) skipped.push({ row: r.row, reason: '没有指标名称' }); continue; }
      const kindText = get('类别').trim();
      const kind = kindText === KIND_LABEL.duty ? 'duty' : kindText === KIND_LABEL.project || kindText === '' ? 'project' : null;
      if (!kind) { skipped.push({ row: r.row, reason: `类别“${kindText}”应为“项目”或“部门职责”` }); continue; }
      const seen = get('来源').split('\n').map(parseSource).filter((s): s is LibrarySource => s !== null);
      const count = Number(get('出现次数'));
      entries.push(newEntry({
        kind, name, level1: get('一级指标').trim(), level2: get('二级指标').trim(), context: get('工作活动'),
        description: get('指标说明'), value: get('指标值'), bands: [get('优'), get('良'), get('中'), get('差')],
        basis: get('指标值确定依据'), unit: get('单位').trim(), seen,
        count: Number.isInteger(count) && count >= 0 ? count : seen.length, builtin: get('内置').trim() === '是',
      }));
    }
    return { ok: true, entries, skipped, notes: stream.warnings ?? [] };
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'import.corrupt', message: `「${fileName}」无法读取（${e instanceof Error ? e.message : String(e)}）。` };
  }
}
