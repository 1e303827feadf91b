// The host's export/print service exports the self-evaluation when the request asks for it
// (options.selfeval), and import:read attaches self-evaluation tables to the open document (into).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createHostApi } from '../../src-main/host-api';
import type { ImportOutcome } from '../../src-shared/ipc';
import { importOffice } from '../../src-shared/import';
import { newDocument, newProject, type JixiaoDocument } from '../../src-shared/model';
import { fixturePath } from '../fixtures/paths';

const FIXTURE = fixturePath('selfeval-2019-a');

function fixtureDoc(): JixiaoDocument {
  const r = importOffice(new Uint8Array(readFileSync(`${FIXTURE}.docx`)), 'a.docx');
  if (!r.ok) throw new Error(r.message);
  r.document.meta.deptName = '唐山高新区人社局';
  return r.document;
}

describe('host export:write / import:read for the self-evaluation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-host-'));
  let html = '';
  const api = createHostApi({ userDataDir: join(dir, 'user'), documentsDir: dir, platform: { htmlToPdf: async (h) => { html = h; return new Uint8Array([37, 80, 68, 70]); } } });

  it('writes the 绩效自评表 with its default name, in the self-evaluation layout', async () => {
    const r = await api.dispatch('export:write', { document: fixtureDoc(), format: 'xlsx', path: null, nearPath: null, options: { selfeval: true } });
    if (!r.ok) throw new Error(r.message);
    const path = (r.value as { path: string }).path;
    expect(path).toBe(join(dir, '唐山高新区人社局2019年绩效自评表.xlsx'));
    const files = unzipSync(readFileSync(path));
    expect(strFromU8(files['xl/workbook.xml'])).toMatch(/name="自评1"/);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toMatch(/orientation="portrait"/);
  });

  it('prints the self-evaluation to PDF from its own print HTML (A4 portrait)', async () => {
    const r = await api.dispatch('export:write', { document: fixtureDoc(), format: 'pdf', path: join(dir, 'a.pdf'), nearPath: null, options: { selfeval: true } });
    expect(r.ok).toBe(true);
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('部门预算项目绩效自评表');
    expect(html).toContain('四、年度绩效指标完成情况');
  });

  it('import:read with into attaches the table to the open document', async () => {
    const open = newDocument({ deptName: '某局', year: 2019, unit: '万元', templateId: 'hebei-2020' });
    open.projects.push(newProject('hebei-2020', { code: 'C-9', name: '劳动监察专项资金' }));
    const r = await api.dispatch('import:read', { path: `${FIXTURE}.xlsx`, into: open });
    if (!r.ok) throw new Error(r.message);
    const { document } = r.value as ImportOutcome;
    expect(document.projects.map((p) => [p.code, p.selfeval?.grade])).toEqual([['C-9', '优']]);
  });
});
