import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { newDocument } from '../model';
import { defaultExportName, defaultSelfevalExportName } from './names';

describe('default file names (one rule for the editor, the desktop host and the CLI)', () => {
  const doc = newDocument({ ...newDocument().meta, deptName: '涞水县人力资源和社会保障局', year: 2020 });
  it('{部门名称}{年度}年绩效目标表 / 绩效自评表, for every kind of file the program proposes', () => {
    expect(defaultExportName(doc, 'xlsx')).toBe('涞水县人力资源和社会保障局2020年绩效目标表.xlsx');
    expect(defaultExportName(doc, 'jixiao')).toBe('涞水县人力资源和社会保障局2020年绩效目标表.jixiao');
    expect(defaultSelfevalExportName(doc, 'pdf')).toBe('涞水县人力资源和社会保障局2020年绩效自评表.pdf');
  });
  it('replaces characters a file name cannot hold, and names a department left blank', () => {
    const odd = newDocument({ ...doc.meta, deptName: '局/科:室' });
    expect(defaultExportName(odd, 'docx')).toBe('局_科_室2020年绩效目标表.docx');
    expect(defaultExportName(newDocument({ ...doc.meta, deptName: '' }), 'docx')).toBe('未命名部门2020年绩效目标表.docx');
  });
  it('the editor proposes these names and writes no rule of its own', () => {
    const actions = readFileSync(new URL('../../src-renderer/app/actions.tsx', import.meta.url), 'utf8');
    expect(actions).toContain("defaultExportName(s.doc, 'jixiao')");
    expect(actions).not.toMatch(/年绩效目标表\.\$\{/);
  });
});
