// Red-team cases the variants test cannot say in its shared `notes` (they happen in one format only):
// a hidden row of a workbook is read and said; a Word table split at a page break whose second half
// has a coarser grid (as LibreOffice/WPS save it) is put on the first half's grid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { FORMS_DIR } from '../fixtures/paths';

function imported(name: string) {
  const r = importOffice(new Uint8Array(readFileSync(join(FORMS_DIR, name))), name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

describe('red-team quirks', () => {
  it('a hidden row of a workbook is imported and said in the report', () => {
    const r = imported('sichuan-structured-flat-export-2023.xlsx');
    expect(r.report.warnings).toContain('工作表「项目支出绩效目标表」第 5 行是隐藏行（打印时看不到），其内容已照常导入，请核对。');
    // row 5 is the second indicator of the first project
    expect(r.document.projects[0].indicators[1].name).toBe('食品安全抽检合格率');
  });

  it('a hidden column with text (项目编码 of the flat export) is imported and said once', () => {
    const r = imported('sichuan-structured-flat-export-2023.xlsx');
    expect(r.report.warnings.filter((w) => w.includes('隐藏列'))).toEqual(['工作表「项目支出绩效目标表」第 B 列是隐藏列（打印时看不到），其内容已照常导入，请核对。']);
    expect(r.document.projects[0].code).not.toBe('');
  });

  it('the percent-formatted 0.95 under 度量单位 % is read as 95, said', () => {
    const r = imported('sichuan-structured-flat-export-2023.xlsx');
    expect(r.report.warnings.some((w) => w.includes('指标值「95%」的单位「%」已在度量单位列，数值读作 95。'))).toBe(true);
  });
});
