// The self-evaluation workbook as Excel shows it (openpyxl as an independent reader): money in the
// target tables' format (万元 with two decimals, more when typed; 元 whole), scores as typed, and the
// foot line's 联系电话 … 填报日期 in a merged area wide enough for its text (right-aligned text
// wider than its cell loses its start: “系电话…”).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSelfevalXlsx } from '../../src-shared/export';
import type { JixiaoDocument } from '../../src-shared/model';
import { loadSeed, python } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-numbers-'));

const CELLS = `
import json, sys, openpyxl
from openpyxl.utils import get_column_letter
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
cells = {c.coordinate: [c.value, c.number_format] for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))}
foot = None
for rng in ws.merged_cells.ranges:
  v = ws.cell(rng.min_row, rng.min_col).value
  if isinstance(v, str) and v.startswith('联系电话'):
    c = ws.cell(rng.min_row, rng.min_col)
    width = sum(ws.column_dimensions[get_column_letter(i)].width for i in range(rng.min_col, rng.max_col + 1))
    foot = { 'text': v, 'width': width, 'pt': c.font.sz }
print(json.dumps({ 'cells': cells, 'foot': foot }))
`;

interface Info { cells: Record<string, [number, string]>; foot: { text: string; width: number; pt: number } | null }

async function info(doc: JixiaoDocument, name: string): Promise<Info> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await exportSelfevalXlsx(doc));
  return python<Info>(CELLS, file);
}

/** The width a text needs in Excel's column units (a digit of the 11 pt default font; a Chinese character is two). */
const needUnits = (text: string, pt: number) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0) * (pt / 11);

describe('self-evaluation workbook: numbers and the foot line', () => {
  it('万元: money with two decimals (3 → 3.00, 2.9648 exact), scores as typed', async () => {
    const doc = loadSeed('selfeval-2019-a');
    expect(doc.meta.unit).toBe('万元');
    const { cells } = await info(doc, 'wan');
    // 二、预算执行情况: 预算数 C6, 到位数 E6, 执行数 G6 and the 财政资金 row below.
    expect(cells.C6).toEqual([3, '0.00']);
    expect(cells.E6).toEqual([3, '0.00']);
    expect(cells.G6).toEqual([2.9648, '0.0000']);
    expect(cells.C7).toEqual([3, '0.00']);
    // 自评得分 of the first indicator and the total: as typed.
    expect(cells.H12).toEqual([9, '0']);
    expect(cells.H22).toEqual([95, '0']);
  });

  it('元: money as whole numbers', async () => {
    const doc = loadSeed('selfeval-2019-a');
    doc.meta.unit = '元';
    const f = doc.projects[0].selfeval!.funds;
    f.planned.total = '30000';
    f.spent.total = '29648.5';
    const { cells } = await info(doc, 'yuan');
    expect(cells.C6).toEqual([30000, '0']);
    expect(cells.G6).toEqual([29648.5, '0.0']); // a typed fraction is kept exactly
  });

  it('national form with phone and date: the foot’s right part is wide enough for 联系电话 … 填报日期', async () => {
    const doc = loadSeed('selfeval-2019-a');
    doc.meta.selfevalTemplateId = 'selfeval-national-2020';
    Object.assign(doc.projects[0].selfeval!, { phone: '0319-5776425', date: '2020年3月15日' });
    const { foot, cells } = await info(doc, 'national');
    expect(foot?.text).toBe('联系电话：0319-5776425\u3000\u3000填报日期：2020年3月15日');
    expect(foot!.width).toBeGreaterThanOrEqual(needUnits(foot!.text, foot!.pt));
    expect(Object.values(cells).some(([v, f]) => v === 3 && f === '0.00')).toBe(true);
  });
});
