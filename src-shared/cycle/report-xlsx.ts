// The comparison as an .xlsx in the official style of our reports (the sheet writer of the 批量审核
// workbook: 宋体, thin borders on every cell, a title row and a header row frozen at the top, filters,
// measured row heights, A4 landscape fitted to width): sheet 对比明细 lists each difference, sheet 汇总
// one line per table.
import ExcelJS from 'exceljs';
import { addSheet, type Column } from '../audit/workbook';
import { withSongtiDefaultFont } from '../export/xlsx';
import { DIFF_KIND_LABEL, DIFF_ROW_LABEL, type DiffKind, type DiffReport } from './diff';

export const DIFF_SHEETS = { changes: '对比明细', summary: '汇总' } as const;

interface ChangeRow { n: number; group: string; where: string; kind: string; old: string; new: string; percent: string }
const CHANGE_COLUMNS: Column<ChangeRow>[] = [
  { key: 'n', title: '序号', widthCh: 6 }, { key: 'group', title: '表格', widthCh: 22 }, { key: 'where', title: '位置', widthCh: 40 },
  { key: 'kind', title: '类型', widthCh: 12 }, { key: 'old', title: '原内容', widthCh: 34 }, { key: 'new', title: '新内容', widthCh: 34 },
  { key: 'percent', title: '变化', widthCh: 10 },
];

type SummaryRow = Record<'table' | 'line' | DiffKind, string | number>;
const KINDS = Object.keys(DIFF_KIND_LABEL) as DiffKind[];
const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { key: 'table', title: '表格', widthCh: 30 }, ...KINDS.map((k) => ({ key: k, title: DIFF_KIND_LABEL[k], widthCh: 8 })), { key: 'line', title: '说明', widthCh: 60 },
];

export async function diffToXlsx(report: DiffReport, titles: { old: string; new: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  const heading = `${titles.old} → ${titles.new}`;
  addSheet(wb, DIFF_SHEETS.changes, `对比明细（${heading}）`, CHANGE_COLUMNS, report.entries.map((e, i): ChangeRow => ({
    n: i + 1, group: e.group, where: e.where, kind: `${DIFF_KIND_LABEL[e.kind]}${DIFF_ROW_LABEL[e.row]}`,
    old: e.kind === 'added' ? '' : e.old, new: e.kind === 'removed' ? '' : e.new, percent: e.percent ?? '',
  })));
  const zero = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<DiffKind, number>;
  addSheet(wb, DIFF_SHEETS.summary, `对比汇总（${heading}）`, SUMMARY_COLUMNS, report.summary.length
    ? report.summary.map((s): SummaryRow => ({ table: s.title, ...s.counts, line: s.line }))
    : [{ table: '全部', ...zero, line: '两份文档没有差异。' }]);
  const buf = await wb.xlsx.writeBuffer();
  return withSongtiDefaultFont(new Uint8Array(buf as ArrayBuffer));
}
