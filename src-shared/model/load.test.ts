/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke wrongly-typed values into documents */
import { describe, expect, it } from 'vitest';
import { loadDocumentText, serializeDocument, MAX_DOCUMENT_BYTES } from './load';
import { newDocument, newProject, newDuty, newActivity, newDutyIndicator, newProjectIndicator } from './factory';
import { SCHEMA_VERSION, type JixiaoDocument } from './schema';

function sample(): JixiaoDocument {
  const doc = newDocument({ deptCode: '323', deptName: '临西县人力资源和社会保障局', year: 2019 });
  doc.dutyTable.duties.push(newDuty({
    id: 'd1', title: '促进就业管理', budget: '1235',
    activities: [newActivity({ id: 'a1', title: '就业服务', budget: '349.5', indicators: [newDutyIndicator({ id: 'i1', name: '培训次数', bands: ['≥10', '≥8', '≥5', '<5'] })] })],
  }));
  doc.projects.push(newProject('hebei-2020', { id: 'p1', name: '养老保险', budget: '100', fiscal: '100', indicators: [newProjectIndicator({ id: 'pi1', level1: '产出指标', value: '≥95%' })] }));
  return doc;
}

const ok = (text: string) => {
  const r = loadDocumentText(text);
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.issues)}`);
  return r;
};

describe('loadDocumentText', () => {
  it('round-trips a document exactly, without repairs', () => {
    const doc = sample();
    const r = ok(serializeDocument(doc));
    expect(r.document).toEqual(doc);
    expect(r.repairs).toEqual([]);
    expect(serializeDocument(r.document)).toBe(serializeDocument(doc));
  });

  it('serializes with the envelope first, 2-space indent and a trailing newline', () => {
    const text = serializeDocument(sample());
    expect(text.startsWith('{\n  "format": "jixiao",\n  "schemaVersion": 3,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps unknown fields at every level', () => {
    const doc = sample() as unknown as Record<string, any>;
    doc.future = { x: 1 };
    doc.meta.colour = 'red';
    doc.dutyTable.duties[0].activities[0].indicators[0].weight = 3;
    doc.projects[0].approvedBy = '李四';
    const r = ok(JSON.stringify(doc));
    const out = r.document as unknown as Record<string, any>;
    expect(out.future).toEqual({ x: 1 });
    expect(out.meta.colour).toBe('red');
    expect(out.dutyTable.duties[0].activities[0].indicators[0].weight).toBe(3);
    expect(out.projects[0].approvedBy).toBe('李四');
  });

  it('accepts a BOM', () => {
    expect(loadDocumentText(`\ufeff${serializeDocument(sample())}`).ok).toBe(true);
  });

  it('refuses text that is not a jixiao file', () => {
    for (const t of ['', 'hello', 'PK\u0003\u0004', '[1,2]', '{"a":1}', '{"format":"other","schemaVersion":1}']) {
      expect(loadDocumentText(t)).toMatchObject({ ok: false, code: 'file.not-jixiao' });
    }
  });

  it('calls a truncated jixiao file corrupt', () => {
    const text = serializeDocument(sample());
    const r = loadDocumentText(text.slice(0, text.length / 2));
    expect(r).toMatchObject({ ok: false, code: 'file.corrupt' });
    if (!r.ok) expect(r.message).toMatch(/不完整|损坏/);
  });

  it('refuses a newer schema version with a Chinese message', () => {
    const r = loadDocumentText(JSON.stringify({ ...sample(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(r).toMatchObject({ ok: false, code: 'file.newer-version' });
    if (!r.ok) expect(r.message).toContain(`第 ${SCHEMA_VERSION + 1} 版`);
  });

  it('refuses a missing or invalid schemaVersion', () => {
    for (const v of [undefined, '1', 0, 1.5]) {
      expect(loadDocumentText(JSON.stringify({ ...sample(), schemaVersion: v }))).toMatchObject({ ok: false, code: 'file.corrupt' });
    }
  });

  it('refuses text over the size cap before parsing', () => {
    const big = 'x'.repeat(MAX_DOCUMENT_BYTES + 1);
    expect(loadDocumentText(big)).toMatchObject({ ok: false, code: 'file.too-large' });
  });

  it('canonicalizes amounts typed by hand, silently when lossless', () => {
    const doc = sample() as unknown as Record<string, any>;
    doc.dutyTable.duties[0].budget = '1,235.00';
    doc.projects[0].budget = 100.5;
    doc.projects[0].schedule = ['25%', '50', 75, '100'];
    const r = ok(JSON.stringify(doc));
    expect(r.document.dutyTable.duties[0].budget).toBe('1235');
    expect(r.document.projects[0].budget).toBe('100.5');
    expect(r.document.projects[0].schedule).toEqual(['25', '50', '75', '100']);
    expect(r.repairs).toEqual([]);
  });

  it('tolerates one bad row: repairs it, keeps the rest, and says what it did', () => {
    const doc = sample() as unknown as Record<string, any>;
    doc.projects.push(newProject('hebei-2020', { id: 'p2', name: '第二个项目' }));
    doc.projects[0].budget = '一百万';
    doc.projects[0].indicators.push('not a row');
    doc.dutyTable.duties[0].activities[0].indicators[0].bands = ['≥10', '≥8'];
    const r = ok(JSON.stringify(doc));
    expect(r.document.projects).toHaveLength(2);
    expect(r.document.projects[0].budget).toBe('');
    expect(r.document.projects[0].indicators).toHaveLength(1);
    expect(r.document.projects[1].name).toBe('第二个项目');
    expect(r.document.dutyTable.duties[0].activities[0].indicators[0].bands).toEqual(['≥10', '≥8', '', '']);
    expect(r.repairs.join('\n')).toContain('一百万');
    expect(r.repairs.join('\n')).toMatch(/项目 1“养老保险”的指标第 2 行不是有效的数据行/);
  });

  it('defaults missing fields and generates missing ids', () => {
    const r = ok(JSON.stringify({
      format: 'jixiao', schemaVersion: 1,
      meta: { deptCode: '1', deptName: '某局', year: '2020', unit: '元', templateId: 'national-2021' },
      dutyTable: { duties: [{ title: '职责一', activities: [{ title: '活动一', indicators: [{ name: '指标' }] }] }] },
      projects: [{ name: '项目一' }],
    }));
    const d = r.document;
    expect(d.meta.year).toBe(2020);
    expect(d.dutyTable.note).toBe('');
    expect(d.dutyTable.duties[0].id).toMatch(/^d_/);
    expect(d.dutyTable.duties[0].activities[0].indicators[0]).toMatchObject({ name: '指标', bands: ['', '', '', ''] });
    expect(d.projects[0]).toMatchObject({ name: '项目一', budget: '', schedule: ['', '', '', ''], indicators: [] });
  });

  it('regenerates duplicate ids with a note', () => {
    const doc = sample();
    doc.projects.push({ ...doc.projects[0], name: '复制的项目' });
    const r = ok(JSON.stringify(doc));
    expect(r.document.projects[0].id).toBe('p1');
    expect(r.document.projects[1].id).not.toBe('p1');
    expect(r.repairs.join()).toMatch(/项目 2“复制的项目”的行标识“p1”与其他行重复/);
  });

  it('notes an unknown template and an invalid unit', () => {
    const doc = sample() as unknown as Record<string, any>;
    doc.meta.templateId = 'shanxi-2030';
    doc.meta.unit = '千元';
    const r = ok(JSON.stringify(doc));
    expect(r.document.meta.unit).toBe('万元');
    expect(r.document.meta.templateId).toBe('shanxi-2030');
    expect(r.repairs.join()).toMatch(/千元/);
    expect(r.repairs.join()).toMatch(/shanxi-2030/);
  });

  it('repairs ids and text fields of the wrong type', () => {
    const doc = sample() as unknown as Record<string, any>;
    doc.dutyTable.duties[0].activities[0].indicators[0].id = { nested: true };
    doc.meta.preparer = { no: 1 };
    const r = ok(JSON.stringify(doc));
    expect(r.document.dutyTable.duties[0].activities[0].indicators[0].id).toMatch(/^i_/);
    expect(r.document.meta.preparer).toBe('');
    expect(r.repairs.join()).toMatch(/指标 1的行标识无效/);
    expect(r.repairs.join()).toMatch(/填表人/);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['null', '1', '"s"', '{"format":"jixiao","schemaVersion":1,"meta":null,"dutyTable":5,"projects":{}}',
      '{"format":"jixiao","schemaVersion":1,"projects":[null,1,"x",[]]}', '{"format":"jixiao","schemaVersion":1e400}'];
    for (const t of inputs) {
      const r = loadDocumentText(t);
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('text Word/Excel cannot hold, in a file written elsewhere', () => {
  it('is removed on opening with a located note, so no export drops it silently', () => {
    const doc = newDocument({ deptCode: '1', deptName: '某局', year: 2024, unit: '万元' });
    doc.projects = [newProject(doc.meta.templateId, { name: '项目甲', indicators: [newProjectIndicator({ name: '受益\uFFFE人数', value: '≥100人' })] })];
    doc.dutyTable.duties = [newDuty({ title: '职责\u0007一' })];
    const r = loadDocumentText(serializeDocument(doc));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.projects[0].indicators[0].name).toBe('受益人数');
    expect(r.document.dutyTable.duties[0].title).toBe('职责一');
    expect(r.repairs).toEqual([
      '部门职责-工作活动 › 职责 1 › 职责活动中有无法保存到 Word/Excel 的字符 U+0007，已删除。',
      '项目 1 › 指标 1 › 三级指标中有无法保存到 Word/Excel 的字符 U+FFFE，已删除。',
    ]);
    // A clean file: nothing to say.
    const clean = loadDocumentText(serializeDocument(r.document));
    expect(clean.ok && clean.repairs).toEqual([]);
  });
});
