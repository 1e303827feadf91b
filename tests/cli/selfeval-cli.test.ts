// `jixiao import` takes self-evaluation files (also into an existing document with --into), and
// `jixiao export --selfeval` writes the 绩效自评表 in both formats.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runExport } from '../../src-main/cli/export';
import { runImport } from '../../src-main/cli/import';
import { openDocumentFile } from '../../src-main/services/storage';
import { importOffice } from '../../src-shared/import';
import { newDocument, newProject } from '../../src-shared/model';
import { serializeDocument } from '../../src-shared/model/load';
import { fixturePath } from '../fixtures/paths';

const FIXTURE = fixturePath('selfeval-2019-a');

async function cli(run: typeof runExport, args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await run(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('jixiao import / export with self-evaluation tables', () => {
  it('imports a self-evaluation .docx, then exports it with --selfeval to both formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-cli-'));
    const doc = join(dir, '自评.jixiao');
    const imp = await cli(runImport, [`${FIXTURE}.docx`, '-o', doc]);
    expect(imp.code).toBe(0);
    expect(imp.out.join('\n')).toContain('绩效自评表「劳动监察专项资金」');
    const { document } = await openDocumentFile(doc);
    expect(document.projects[0].selfeval?.total).toBe('95');

    const xlsx = join(dir, 'a.xlsx'), docx = join(dir, 'a.docx');
    const exp = await cli(runExport, [doc, '--selfeval', '--xlsx', xlsx, '--docx', docx]);
    expect(exp.code).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(xlsx))['xl/workbook.xml'])).toMatch(/<sheet [^>]*name="自评1"/);
    for (const f of [xlsx, docx]) {
      const back = importOffice(new Uint8Array(readFileSync(f)), f);
      if (!back.ok) throw new Error(back.message);
      expect(back.report.unplaced).toEqual([]);
      expect(back.document.projects[0].selfeval?.indicators.map((i) => i.score)).toEqual(document.projects[0].selfeval?.indicators.map((i) => i.score));
    }
    // default names next to the input
    expect((await cli(runExport, [doc, '--selfeval'])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['劳动监察大队2019年绩效自评表.xlsx', '劳动监察大队2019年绩效自评表.docx']));
  });

  it('--into attaches the table to the project of the same name in an existing document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-cli-'));
    const path = join(dir, '局.jixiao');
    const doc = newDocument({ deptCode: '323', deptName: '唐山高新区人社局', year: 2019, unit: '万元', templateId: 'hebei-2020' });
    doc.projects.push(newProject('hebei-2020', { code: 'X-1', name: '劳动监察专项资金' }));
    writeFileSync(path, serializeDocument(doc));
    const r = await cli(runImport, [`${FIXTURE}.xlsx`, '--into', path]);
    expect(r.code).toBe(0);
    const { document } = await openDocumentFile(path);
    expect(document.projects).toHaveLength(1);
    expect(document.projects[0].code).toBe('X-1');
    expect(document.projects[0].selfeval?.implementer).toBe('劳动和社会保障监察大队');
    expect(document.meta.deptName).toBe('唐山高新区人社局');
  });

  it('--selfeval on a document without self-evaluation fails with a Chinese message and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-se-cli-'));
    const path = join(dir, '空.jixiao');
    const doc = newDocument({ deptName: '某局', year: 2020, unit: '万元', templateId: 'hebei-2020' });
    doc.projects.push(newProject('hebei-2020', { name: '项目甲' }));
    writeFileSync(path, serializeDocument(doc));
    const r = await cli(runExport, [path, '--selfeval', '--xlsx', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('没有可导出的绩效自评表');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
