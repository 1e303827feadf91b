// A file with both the target tables and self-evaluation tables (as a department's annual disclosure
// bundles them): each self-evaluation table lands on the project of the same name; a cell that fits
// no field is reported with its place and a reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDocx, exportSelfevalDocx } from '../../src-shared/export';
import { readDocx } from '../../src-shared/import/docx';
import { recognise } from '../../src-shared/import/recognise';
import { DEFAULT_ZIP_LIMITS, openZip } from '../../src-shared/import/zip';
import { importOffice } from '../../src-shared/import';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { fixturePath } from '../fixtures/paths';

const laishui = (): JixiaoDocument => DocumentSchema.parse(JSON.parse(readFileSync('tests/fixtures/seeds/laishui-2020-a.jixiao', 'utf8')));

describe('target tables and self-evaluation tables in one file', () => {
  it('attaches each self-evaluation to the project of the same name and reports what it cannot place', async () => {
    const targets = laishui();
    const r = importOffice(new Uint8Array(readFileSync(fixturePath('selfeval-2019-a.docx'))), 'a.docx');
    if (!r.ok) throw new Error(r.message);
    const selfevals = r.document;
    selfevals.projects[0].name = targets.projects[2].name; // the self-evaluation of the third project
    const a = readDocx(openZip(await exportDocx(targets), DEFAULT_ZIP_LIMITS));
    const b = readDocx(openZip(await exportSelfevalDocx(selfevals), DEFAULT_ZIP_LIMITS));
    // a stray note in the self-evaluation's 基本情况 row
    const info = b.rows.find((row) => row.cells.some((c) => c.text === '一、基本情况'))!;
    info.cells.push({ col: 8, span: 1, text: '见附件' });
    const { document, report } = recognise({ format: 'docx', rows: [...a.rows, ...b.rows.map((row) => ({ ...row, sheet: `B${row.sheet}` }))], stray: [] }, 'bundle.docx');
    expect(document.projects.map((p) => p.name)).toEqual(targets.projects.map((p) => p.name));
    expect(document.projects.map((p) => p.selfeval !== undefined)).toEqual(targets.projects.map((_, i) => i === 2));
    expect(document.projects[2].code).toBe(targets.projects[2].code);
    expect(document.projects[2].selfeval!.total).toBe('95');
    expect(report.tables.filter((t) => t.kind === 'selfeval').map((t) => t.name)).toEqual([targets.projects[2].name]);
    expect(report.unplaced).toEqual([{ sheet: `B${info.sheet}`, row: info.row, column: 9, text: '见附件', reason: '自评表基本情况中无法识别的单元格' }]);
  });
});
