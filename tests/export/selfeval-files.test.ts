// The self-evaluation files as Excel/Word read them (openpyxl / python-docx as independent readers):
// the Hebei export has the fixture's merged ranges exactly, every cell of a merged area bordered,
// 宋体, A4 portrait fitted to one page, footer page numbers; the docx has one portrait table per page
// in a fixed grid summing to the text width.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSelfevalDocx, exportSelfevalXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import type { JixiaoDocument } from '../../src-shared/model';
import { colIndex, python, unzip, xml } from './helpers';
import { fixturePath } from '../fixtures/paths';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Cells of the table's merged areas (rows 4 … last-1: title, year, org and foot lines have no frame)
 * without a thin border on every side, read from the raw XML (openpyxl re-derives merged cells'
 * borders from the range edges, so it cannot tell).
 */
function unbordered(bytes: Uint8Array): string[] {
  const files = unzip(bytes);
  const styles = xml.parse(files['xl/styles.xml']).styleSheet;
  const xfs = styles.cellXfs.xf as Node[];
  const borders = styles.borders.border as Node[];
  const ws = xml.parse(files['xl/worksheets/sheet1.xml']).worksheet;
  const style = new Map<string, number>();
  let last = 0;
  for (const row of ws.sheetData.row as Node[]) {
    last = Math.max(last, Number(row['@r']));
    for (const c of (row.c ?? []) as Node[]) style.set(c['@r'], Number(c['@s'] ?? 0));
  }
  const bad: string[] = [];
  for (const m of (ws.mergeCells.mergeCell as Node[]).map((x) => x['@ref'] as string)) {
    const [a, b] = m.split(':');
    const r0 = Number(/\d+/.exec(a)![0]), r1 = Number(/\d+/.exec(b)![0]);
    if (r0 <= 3 || r0 === last) continue;
    for (let r = r0; r <= r1; r++) for (let c = colIndex(a); c <= colIndex(b); c++) {
      const addr = String.fromCharCode(65 + c) + r;
      const border = borders[Number(xfs[style.get(addr) ?? 0]['@borderId'])];
      if (!['left', 'right', 'top', 'bottom'].every((side) => border[side]?.['@style'] === 'thin')) bad.push(addr);
    }
  }
  return bad;
}

const FIXTURE = fixturePath('selfeval-2019-a');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-files-'));

function fixtureDoc(): JixiaoDocument {
  const r = importOffice(new Uint8Array(readFileSync(`${FIXTURE}.xlsx`)), 'a.xlsx');
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const XLSX_INFO = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
fonts = sorted({c.font.name for row in ws.iter_rows(min_row=4, max_row=ws.max_row - 1) for c in row if c.value is not None})
print(json.dumps({ 'sheets': wb.sheetnames, 'merges': sorted(str(r) for r in ws.merged_cells.ranges), 'fonts': fonts,
  'orientation': ws.page_setup.orientation, 'paper': ws.page_setup.paperSize, 'fitW': ws.page_setup.fitToWidth, 'fitH': ws.page_setup.fitToHeight,
  'footer': ws.oddFooter.center.text }))
`;

const DOCX_INFO = `
import json, sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
t = d.tables[0]
grid = [int(g.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w')) for g in t._tbl.tblGrid.findall('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol')]
print(json.dumps({ 'tables': len(d.tables), 'w': s.page_width.twips, 'h': s.page_height.twips, 'orient': str(s.orientation),
  'text': s.page_width.twips - s.left_margin.twips - s.right_margin.twips, 'grid': grid,
  'paras': [p.text for p in d.paragraphs if p.text.strip()], 'firstRow': [c.text for c in t.rows[0].cells] }))
`;

describe('self-evaluation files', () => {
  it('xlsx (Hebei): the fixture merged ranges, borders on every merged cell, 宋体, A4 portrait on one page', async () => {
    const file = join(dir, 'hebei.xlsx');
    writeFileSync(file, await exportSelfevalXlsx(fixtureDoc()));
    const ours = python<{ sheets: string[]; merges: string[]; fonts: string[]; orientation: string; paper: number; fitW: number; fitH: number; footer: string }>(XLSX_INFO, file);
    const theirs = python<{ merges: string[] }>(XLSX_INFO, `${FIXTURE}.xlsx`);
    expect(ours.sheets).toEqual(['自评1']);
    expect(ours.merges).toEqual(theirs.merges);
    expect(unbordered(readFileSync(file))).toEqual([]);
    expect(ours.fonts).toEqual(['宋体']);
    expect([ours.orientation, ours.paper, ours.fitW, ours.fitH]).toEqual(['portrait', 9, 1, 1]);
    expect(ours.footer).toBe('第 &P 页 共 &N 页');
  });

  it('docx: A4 portrait, one table per project, fixed grid summing to the text width, title/year/org/foot lines', async () => {
    const file = join(dir, 'hebei.docx');
    const doc = fixtureDoc();
    doc.projects.push({ ...structuredClone(doc.projects[0]), id: 'p2', name: '第二个项目' });
    writeFileSync(file, await exportSelfevalDocx(doc));
    const info = python<{ tables: number; w: number; h: number; orient: string; text: number; grid: number[]; paras: string[]; firstRow: string[] }>(DOCX_INFO, file);
    expect([info.tables, info.w, info.h]).toEqual([2, 11906, 16838]);
    expect(info.orient).toMatch(/PORTRAIT/);
    expect(info.grid.reduce((a, b) => a + b, 0)).toBe(info.text);
    expect(info.grid).toHaveLength(8);
    expect(info.paras.slice(0, 4)).toEqual(['部门预算项目绩效自评表', '（2019年度）', '填报部门：劳动监察大队\t金额单位：万元', '填报人：张明静\t联系电话：5776425']);
    expect(info.firstRow.slice(0, 3)).toEqual(['一、基本情况', '项目名称', '劳动监察专项资金']);
  });
});
