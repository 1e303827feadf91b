import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXlsx } from '../../src-shared/export';
import { buildLayout, DUTY_SHARES, PRINTABLE_WIDTH_MM, PROJECT_SHARES } from '../../src-shared/layout';
import { mmToExcelWidth } from '../../src-shared/export/xlsx';
import { formatAmount } from '../../src-shared/model';
import { colIndex, loadSeed, python, SEEDS, unzip, xml } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature
type Node = Record<string, any>;
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));

interface Sheet { name: string; ws: Node; cells: Map<string, { v: string; s: number; t?: string }>; merges: string[] }

async function read(bytes: Uint8Array) {
  const files = unzip(bytes);
  const wb = xml.parse(files['xl/workbook.xml']).workbook;
  const rels = xml.parse(files['xl/_rels/workbook.xml.rels']).Relationships.Relationship as Node[];
  const shared = ((xml.parse(files['xl/sharedStrings.xml'] ?? '<sst/>').sst?.si ?? []) as Node[]).map((si) => typeof si.t === 'object' ? si.t['#text'] ?? '' : String(si.t ?? ''));
  const styles = xml.parse(files['xl/styles.xml']).styleSheet;
  const sheets: Sheet[] = (wb.sheets.sheet as Node[]).map((s) => {
    const target = rels.find((r) => r['@Id'] === s['@r:id'])!['@Target'];
    const ws = xml.parse(files[`xl/${target.replace(/^\/?xl\//, '')}`]).worksheet;
    const cells = new Map<string, { v: string; s: number; t?: string }>();
    for (const row of (ws.sheetData.row ?? []) as Node[]) {
      for (const c of (row.c ?? []) as Node[]) {
        const raw = c.v === undefined ? '' : String(c.v);
        cells.set(c['@r'], { v: c['@t'] === 's' ? shared[Number(raw)] : raw, s: Number(c['@s'] ?? 0), t: c['@t'] });
      }
    }
    const merges = ((ws.mergeCells?.mergeCell ?? []) as Node[]).map((m) => m['@ref'] as string);
    return { name: s['@name'], ws, cells, merges };
  });
  return { files, wb, sheets, styles };
}

describe.each(SEEDS)('xlsx export of %s', (seed) => {
  const doc = loadSeed(seed);

  it('has the official sheets, page setup, print titles and footer', async () => {
    const { wb, sheets } = await read(await exportXlsx(doc));
    const expected = [...(doc.dutyTable.duties.length ? ['部门职责-工作活动'] : []), ...(doc.projects.length ? ['项目绩效目标表'] : [])];
    expect(sheets.map((s) => s.name)).toEqual(expected);
    for (const s of sheets) {
      const ps = s.ws.pageSetup;
      expect(ps['@orientation']).toBe('landscape');
      expect(ps['@paperSize']).toBe('9');
      expect(ps['@fitToWidth']).toBe('1');
      expect(ps['@fitToHeight']).toBe('0');
      expect(s.ws.sheetPr.pageSetUpPr['@fitToPage']).toBe('1');
      expect(s.ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
      expect(Number(s.ws.pageMargins['@left'])).toBeCloseTo(15 / 25.4, 3);
    }
    const titles = (wb.definedNames?.definedName ?? []) as Node[];
    if (doc.dutyTable.duties.length) {
      const pt = titles.find((d) => d['@name'] === '_xlnm.Print_Titles' && d['@localSheetId'] === '0');
      expect(pt?.['#text']).toBe("'部门职责-工作活动'!$3:$4");
      const duty = sheets[0];
      expect(duty.ws.sheetViews.sheetView.pane['@ySplit']).toBe('4');
      expect(duty.ws.sheetViews.sheetView.pane['@state']).toBe('frozen');
    }
  });

  it('writes column widths from the layout model', async () => {
    const { sheets } = await read(await exportXlsx(doc));
    for (const s of sheets) {
      const shares = s.name === '部门职责-工作活动' ? DUTY_SHARES : PROJECT_SHARES;
      const widths: number[] = [];
      for (const c of s.ws.cols.col as Node[]) for (let i = Number(c['@min']); i <= Number(c['@max']); i++) widths[i - 1] = Number(c['@width']);
      expect(widths).toHaveLength(shares.length);
      const total = shares.reduce((a, b) => a + b, 0);
      shares.forEach((sh, i) => expect(widths[i]).toBeCloseTo(mmToExcelWidth((sh / total) * PRINTABLE_WIDTH_MM), 1));
    }
  });

  it('borders every cell of every merged table area, wraps and centres vertically', async () => {
    const { sheets, styles } = await read(await exportXlsx(doc));
    const xfs = styles.cellXfs.xf as Node[];
    const borders = (styles.borders.border as Node[]);
    const fonts = styles.fonts.font as Node[];
    for (const s of sheets) {
      const tableMerges = s.merges.filter((ref) => s.cells.get(ref.split(':')[0])?.s && xfs[s.cells.get(ref.split(':')[0])!.s]['@borderId'] !== '0');
      expect(tableMerges.length).toBeGreaterThan(3);
      for (const ref of tableMerges) {
        const [a, b] = ref.split(':');
        const r0 = Number(/\d+/.exec(a)![0]), r1 = Number(/\d+/.exec(b)![0]);
        for (let r = r0; r <= r1; r++) {
          for (let c = colIndex(a); c <= colIndex(b); c++) {
            const addr = String.fromCharCode(65 + c) + r;
            const cell = s.cells.get(addr);
            expect(cell, `${s.name} ${addr} in ${ref}`).toBeDefined();
            const xf = xfs[cell!.s];
            const border = borders[Number(xf['@borderId'])];
            for (const side of ['left', 'right', 'top', 'bottom']) expect(border[side]?.['@style'], `${addr} ${side}`).toBe('thin');
            expect(xf.alignment['@wrapText']).toBe('1');
            expect(xf.alignment['@vertical']).toBe('center');
            expect(fonts[Number(xf['@fontId'])].name['@val']).toBe('宋体');
          }
        }
      }
    }
  });

  it('writes the generated numbering, indentation and amounts as numbers with the unit format', async () => {
    const { sheets, styles } = await read(await exportXlsx(doc));
    const xfs = styles.cellXfs.xf as Node[];
    const numFmts = new Map(((styles.numFmts?.numFmt ?? []) as Node[]).map((n) => [n['@numFmtId'], n['@formatCode']]));
    const texts = (s: Sheet) => [...s.cells.values()].map((c) => c.v);
    if (doc.dutyTable.duties.length) {
      const duty = sheets[0];
      const col = (letter: string) => [...duty.cells.entries()].filter(([k]) => k.startsWith(letter) && /^[A-Z]\d+$/.test(k)).map(([, v]) => v);
      const titles = col('A').map((c) => c.v);
      doc.dutyTable.duties.forEach((d, i) => expect(titles).toContain(`${['一', '二', '三', '四', '五', '六', '七'][i]}、${d.title}`));
      expect(titles).toContain(`\u3000\u30001、${doc.dutyTable.duties[0].activities[0].title}`);
      const budgets = col('B').filter((c) => c.v !== '' && c.t !== 's');
      expect(budgets.length).toBeGreaterThan(0);
      for (const b of budgets) {
        const fmtId = xfs[b.s]['@numFmtId'];
        expect(fmtId === '2' || numFmts.get(fmtId) === '0.00').toBe(true); // built-in 2 is 0.00
        expect(Number.isFinite(Number(b.v))).toBe(true);
      }
      // a blank budget stays empty, never 0.00
      const blankActivity = doc.dutyTable.duties.flatMap((d) => d.activities).find((a) => a.budget === '');
      if (blankActivity) expect(texts(duty)).not.toContain('0');
    }
    if (doc.projects.length) {
      const proj = sheets[sheets.length - 1];
      const all = texts(proj);
      doc.projects.forEach((p, i) => expect(all).toContain(`${i + 1}、${p.name}绩效目标表`));
      expect(all).toContain('一级指标');
      expect(all).toContain('指标值确定依据');
      expect(all).toContain('其中：财政资金');
      expect(all).toContain(`${doc.meta.deptCode}${doc.meta.deptName}`);
      expect(all).toContain('单位：万元');
    }
  });

  it('reads back with openpyxl (an independent reader): merges, print titles, fit to width, values', async () => {
    const file = join(tmp, `${seed}.xlsx`);
    writeFileSync(file, await exportXlsx(doc));
    const r = python<{ sheets: { name: string; orientation: string; fitW: number; fitH: number; titles: string | null; merges: string[]; a3: string; fontA3: string; values: string[] }[] }>(`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    out.append(dict(name=ws.title, orientation=ws.page_setup.orientation, fitW=ws.page_setup.fitToWidth, fitH=ws.page_setup.fitToHeight,
        titles=ws.print_title_rows, merges=[str(m) for m in ws.merged_cells.ranges], a3=str(ws['A3'].value), fontA3=ws['A3'].font.name,
        values=[str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]))
print(json.dumps({'sheets': out}, ensure_ascii=False))
`, file);
    for (const s of r.sheets) {
      expect(s.orientation).toBe('landscape');
      expect(s.fitW).toBe(1);
      expect(s.fitH).toBe(0);
      expect(s.merges.length).toBeGreaterThan(3);
    }
    if (doc.dutyTable.duties.length) {
      expect(r.sheets[0].titles).toBe('$3:$4');
      expect(r.sheets[0].merges).toContain('F3:I3'); // 评价标准 over the four bands
      expect(r.sheets[0].merges).toContain('A3:A4');
      expect(r.sheets[0].a3).toBe('职责活动');
      expect(r.sheets[0].fontA3).toBe('宋体');
      const d0 = doc.dutyTable.duties[0];
      expect(r.sheets[0].values).toContain(String(Number(d0.budget)));
    }
    if (doc.projects.length) {
      const p = r.sheets[r.sheets.length - 1];
      expect(p.values.filter((v) => v === '一级指标').length).toBeGreaterThanOrEqual(doc.projects.length);
      const p0 = doc.projects[0];
      expect(p.values).toContain(p0.code);
      expect(p.values.some((v) => Number(v) === Number(p0.budget))).toBe(true);
      expect(formatAmount(p0.budget, '万元')).toMatch(/\.\d\d$/);
    }
  });
});

describe('xlsx options', () => {
  const doc = loadSeed('laishui-2020-a');

  it('one sheet per project, each with the indicator header as print titles', async () => {
    const { sheets, wb } = await read(await exportXlsx(doc, { sheetPerProject: true }));
    expect(sheets).toHaveLength(doc.projects.length);
    expect(sheets[0].name).toBe(`1、${doc.projects[0].name}`.slice(0, 31));
    const titles = (wb.definedNames.definedName as Node[]).filter((d) => d['@name'] === '_xlnm.Print_Titles');
    expect(titles).toHaveLength(doc.projects.length);
    for (const t of titles) {
      const s = sheets[Number(t['@localSheetId'])];
      const row = Number(/\$(\d+):/.exec(t['#text'])![1]);
      expect(s.cells.get(`A${row}`)?.v).toBe('一级指标');
    }
  });

  it('chosen projects only, keeping their numbers; duty table can be left out', async () => {
    const { sheets } = await read(await exportXlsx(doc, { projects: [2, 4] }));
    const all = [...sheets[0].cells.values()].map((c) => c.v);
    expect(all).toContain(`3、${doc.projects[2].name}绩效目标表`);
    expect(all).toContain(`5、${doc.projects[4].name}绩效目标表`);
    expect(all).not.toContain(`1、${doc.projects[0].name}绩效目标表`);
    const noDuty = await read(await exportXlsx({ ...doc, dutyTable: loadSeed('linxi-2019').dutyTable }, { dutyTable: false, projects: [0] }));
    expect(noDuty.sheets.map((s) => s.name)).toEqual(['项目绩效目标表']);
    await expect(exportXlsx(loadSeed('linxi-2019'), { dutyTable: false })).rejects.toThrow(/没有可导出的内容/);
  });

  it('several projects on one sheet: a page break before each block, header repeated after our own breaks', async () => {
    const { sheets } = await read(await exportXlsx(doc));
    const ws = sheets[0].ws;
    const breaks = ((ws.rowBreaks?.brk ?? []) as Node[] | Node);
    const list = Array.isArray(breaks) ? breaks : [breaks];
    expect(list.length).toBeGreaterThanOrEqual(doc.projects.length - 1);
    // after every break, the next rows are a heading or a repeated indicator header
    for (const b of list) {
      const next = Number(b['@id']) + 1;
      const a = sheets[0].cells.get(`A${next}`)?.v ?? '';
      expect(/^\d+、.*绩效目标表$/.test(a) || a === '一级指标', `row ${next}: ${a}`).toBe(true);
    }
  });

  it('layout row heights grow with the text (merged cells included)', () => {
    const layout = buildLayout(doc);
    const rows = layout.parts[0].tables[1].rows;
    const heights = rows.map((r) => r.heightPt);
    expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights) * 1.5);
  });
});
