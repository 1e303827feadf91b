import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../../src-shared/export';
import { DUTY_SHARES, PROJECT_SHARES } from '../../src-shared/layout';
import { loadSeed, python, SEEDS, unzip, wText, xml } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature
type Node = Record<string, any>;
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

async function read(bytes: Uint8Array) {
  const files = unzip(bytes);
  const body = xml.parse(files['word/document.xml'])['w:document']['w:body'];
  return { files, body, tables: arr<Node>(body['w:tbl']), paragraphs: arr<Node>(body['w:p']) };
}

describe.each(SEEDS)('docx export of %s', (seed) => {
  const doc = loadSeed(seed);

  it('is an A4 landscape section with page-number footer', async () => {
    const { body, files } = await read(await exportDocx(doc));
    const sect = body['w:sectPr'];
    expect(sect['w:pgSz']['@w:orient']).toBe('landscape');
    expect(Number(sect['w:pgSz']['@w:w'])).toBe(16838);
    expect(Number(sect['w:pgSz']['@w:h'])).toBe(11906);
    const footerId = sect['w:footerReference']['@r:id'];
    const rels = files['word/_rels/document.xml.rels'];
    const target = new RegExp(`Id="${footerId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const footer = files[`word/${target}`];
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(wText(xml.parse(footer)['w:ftr'])).toMatch(/^第 .* 页 共 .* 页$/);
  });

  it('has fixed-layout tables whose grid sums to the text width, repeating headers, unsplittable rows', async () => {
    const { body, tables } = await read(await exportDocx(doc));
    const sect = body['w:sectPr'];
    const textWidth = Number(sect['w:pgSz']['@w:w']) - Number(sect['w:pgMar']['@w:left']) - Number(sect['w:pgMar']['@w:right']);
    expect(tables.length).toBe((doc.dutyTable.duties.length ? 1 : 0) + doc.projects.length * 2);
    for (const t of tables) {
      expect(t['w:tblPr']['w:tblLayout']['@w:type']).toBe('fixed');
      const grid = arr<Node>(t['w:tblGrid']['w:gridCol']).map((g) => Number(g['@w:w']));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth);
      expect(Number(t['w:tblPr']['w:tblW']['@w:w'])).toBe(textWidth);
      expect([DUTY_SHARES.length, PROJECT_SHARES.length]).toContain(grid.length);
      const rows = arr<Node>(t['w:tr']);
      for (const r of rows) {
        expect(r['w:trPr']).toHaveProperty('w:cantSplit');
        // every row covers the whole grid (gridSpan included)
        const span = arr<Node>(r['w:tc']).reduce((n, tc) => n + Number(tc['w:tcPr']['w:gridSpan']?.['@w:val'] ?? 1), 0);
        expect(span).toBe(grid.length);
      }
      const firstText = wText(rows[0]);
      if (firstText.startsWith('职责活动')) {
        expect(rows[0]['w:trPr']).toHaveProperty('w:tblHeader');
        expect(rows[1]['w:trPr']).toHaveProperty('w:tblHeader');
        expect(rows[2]['w:trPr']).not.toHaveProperty('w:tblHeader');
      } else if (firstText.startsWith('一级指标')) {
        expect(rows[0]['w:trPr']).toHaveProperty('w:tblHeader');
        expect(wText(rows[0])).toBe('一级指标二级指标三级指标绩效指标描述指标值指标值确定依据');
      } else {
        expect(firstText.startsWith('项目编码')).toBe(true);
      }
    }
  });

  it('merges with vMerge/gridSpan and sets East Asian fonts', async () => {
    const { files, tables } = await read(await exportDocx(doc));
    const xmlText = files['word/document.xml'];
    expect(xmlText).toContain('w:eastAsia="宋体"');
    expect(xmlText).toContain('w:eastAsia="黑体"');
    const restarts = (xmlText.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    const continues = (xmlText.match(/<w:vMerge\/>/g) ?? []).length;
    expect(restarts).toBeGreaterThan(0);
    expect(continues).toBeGreaterThanOrEqual(restarts);
    expect(xmlText).toContain('<w:gridSpan w:val="4"/>');
    const styles = files['word/styles.xml'];
    expect(styles).toMatch(/<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/);
    if (doc.dutyTable.duties.length) {
      const header = arr<Node>(tables[0]['w:tr'])[0];
      const cells = arr<Node>(header['w:tc']);
      expect(cells[5]['w:tcPr']['w:gridSpan']['@w:val']).toBe('4'); // 评价标准
      expect(cells[0]['w:tcPr']['w:vMerge']['@w:val']).toBe('restart');
    }
  });

  it('reads back with python-docx: headings, numbering, amounts, orientation', async () => {
    const file = join(tmp, `${seed}.docx`);
    writeFileSync(file, await exportDocx(doc));
    const r = python<{ orientation: number; width: number; height: number; paragraphs: string[]; cells: string[][] }>(`
import json, sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
cells = [[c.text for c in row.cells] for t in d.tables for row in t.rows]
print(json.dumps(dict(orientation=int(s.orientation), width=s.page_width, height=s.page_height,
  paragraphs=[p.text for p in d.paragraphs], cells=cells), ensure_ascii=False))
`, file);
    expect(r.orientation).toBe(1); // WD_ORIENT.LANDSCAPE
    expect(r.width).toBeGreaterThan(r.height);
    const flat = r.cells.flat();
    if (doc.dutyTable.duties.length) {
      expect(r.paragraphs).toContain(`${doc.meta.year}年部门职责-工作活动绩效目标`);
      expect(flat).toContain(`一、${doc.dutyTable.duties[0].title}`);
      expect(flat).toContain(`\u3000\u30001、${doc.dutyTable.duties[0].activities[0].title}`);
      expect(flat).toContain('1235.00');
    }
    doc.projects.forEach((p, i) => expect(r.paragraphs).toContain(`${i + 1}、${p.name}绩效目标表`));
    if (doc.projects.length) {
      expect(r.paragraphs.some((p) => p.startsWith(`${doc.meta.deptCode}${doc.meta.deptName}`) && p.endsWith('单位：万元'))).toBe(true);
      expect(flat).toContain('25.00');
      expect(flat).toContain('100.00');
      // python-docx repeats a vertically merged cell's text in each row it covers
      const first = r.cells.findIndex((row) => row[0] === '一级指标');
      expect(r.cells[first + 1][0]).toBe('产出指标');
    }
  });
});

describe('docx options', () => {
  it('chosen projects keep their document numbers', async () => {
    const doc = loadSeed('laishui-2020-a');
    const { paragraphs } = await read(await exportDocx(doc, { projects: [1] }));
    const texts = paragraphs.map(wText);
    expect(texts).toContain(`2、${doc.projects[1].name}绩效目标表`);
    expect(texts.filter((t) => t.endsWith('绩效目标表'))).toHaveLength(1);
  });

  it('escapes XML special characters and drops control characters', async () => {
    const doc = loadSeed('laishui-2020-a');
    doc.projects[0].name = 'A&B <测试> "引号"\u0001';
    const { files, paragraphs } = await read(await exportDocx(doc, { projects: [0] }));
    expect(paragraphs.map(wText)).toContain('1、A&B <测试> "引号"绩效目标表');
    expect(files['word/document.xml']).not.toContain('\u0001');
  });
});
