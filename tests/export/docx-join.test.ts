// The Word 项目绩效目标表 reads as one table, as on the official form: between a project's upper
// block (…绩效目标) and its indicator table there is only the paragraph that keeps Word from joining
// them (the indicator header must stay a table's first row to repeat on the next page), and it is
// too low to show: no gap under 绩效目标.
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../src-shared/export';
import { loadSeed, unzip } from './helpers';

describe('docx: a project block is one table on paper', () => {
  it('only a paragraph at most 1 pt high, with no text, between 绩效目标 and the indicator header', async () => {
    const doc = loadSeed('laishui-2020-a');
    const xml = unzip(await exportDocx(doc, { dutyTable: false }))['word/document.xml'];
    const between = [...xml.matchAll(/<\/w:tbl>([\s\S]*?)<w:tbl>/g)].map((m) => m[1]);
    expect(between).toHaveLength(doc.projects.length * 2 - 1); // inside each project, and from one project to the next
    const inside = between.filter((_, i) => i % 2 === 0);
    expect(inside).toHaveLength(doc.projects.length);
    for (const gap of inside) {
      const paras = gap.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
      expect(paras).toHaveLength(1);
      expect(gap).not.toMatch(/<w:t[ >]/);
      const line = /<w:spacing [^>]*w:line="(\d+)" w:lineRule="exact"/.exec(paras[0] ?? '');
      expect(line).not.toBeNull();
      expect(Number(line![1])).toBeLessThanOrEqual(20);
      expect(paras[0]).toMatch(/w:before="0"/);
      expect(paras[0]).toMatch(/w:after="0"/);
    }
    // the table after the gap starts with the indicator header row
    const second = xml.split('</w:tbl>')[1];
    expect(second).toContain('一级指标');
  });
});
