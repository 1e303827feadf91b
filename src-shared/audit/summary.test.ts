import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocumentText } from '../model/load';
import type { JixiaoDocument } from '../model';
import { auditDocument, exitCodeOf, reasonOf, summaryRow, tableOf, topCodes, totalsOf } from './summary';
import type { AuditEntry, AuditFinding, ReadFile } from './types';

const load = (rel: string): JixiaoDocument => {
  const r = loadDocumentText(readFileSync(join(__dirname, '..', '..', rel), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.document;
};

const f = (code: string, severity: string = 'error'): AuditFinding =>
  ({ code, severity, table: '部门职责-工作活动', where: '', text: '', message: '', path: { rowId: 'x', field: 'name' } }) as AuditFinding;

const read = (findings: AuditFinding[]): ReadFile => ({
  status: 'read', file: 'a.jixiao', path: '/in/a.jixiao', source: 'jixiao', deptCode: '1', deptName: '局', year: 2020, tables: { duty: true, projects: 0, selfeval: 0 }, findings,
});

describe('batch audit summary', () => {
  it('top codes: the three most frequent, most frequent first, ties in the order met', () => {
    const list = ['b', 'a', 'a', 'c', 'c', 'c', 'd', 'b'].map((c) => f(c));
    expect(topCodes(list)).toEqual([{ code: 'c', count: 3 }, { code: 'b', count: 2 }, { code: 'a', count: 2 }]);
    expect(summaryRow(read(list)).topCodes).toBe('c×3，b×2，a×2');
  });

  it('exit code: 2 if any file is unreadable, else 1 if any has errors, else 0 (warnings and skipped files do not count)', () => {
    const ok = read([f('w', 'warning')]);
    const bad = read([f('e')]);
    const lost: AuditEntry = { status: 'unreadable', file: 'x.docx', path: '/in/x.docx', code: 'import.encrypted', message: '…' };
    const skip: AuditEntry = { status: 'skipped', file: 'x.txt', path: '/in/x.txt' };
    expect(exitCodeOf([ok, skip])).toBe(0);
    expect(exitCodeOf([ok, bad, skip])).toBe(1);
    expect(exitCodeOf([ok, bad, lost])).toBe(2);
    expect(totalsOf([ok, bad, lost, skip])).toEqual({ files: 3, passed: 1, withErrors: 1, unreadable: 1, skipped: 1, errors: 1, warnings: 1 });
  });

  it('unreadable reasons in Chinese for each reader code', () => {
    expect(['import.encrypted', 'import.legacy-format', 'import.no-table', 'import.corrupt', 'import.too-large', 'audit.timeout', 'audit.memory'].map(reasonOf))
      .toEqual(['已加密（有打开密码）', '旧版 .doc/.xls 格式', '不是绩效目标表', '文件损坏或格式不对', '文件过大', '超时', '内存超限']);
    expect(reasonOf('file.too-large')).toBe('文件过大');
    expect(reasonOf('something.new')).toBe('无法打开');
  });

  it('counts 错误 and 警告 only: another level (提示) is not counted and not listed', () => {
    const doc = load('tests/fixtures/seeds/linxi-2019.jixiao');
    const all = auditDocument(doc, { file: 'linxi.jixiao', path: '/in/linxi.jixiao' }, 'jixiao');
    expect(all.findings.length).toBeGreaterThan(0);
    const e = read([f('a'), f('b', 'warning'), f('c', 'info')]);
    expect(summaryRow(e)).toMatchObject({ errors: 1, warnings: 1 });
    expect(auditDocument(doc, { file: 'x', path: '/in/x' }, 'jixiao').findings.every((x) => x.severity === 'error' || x.severity === 'warning')).toBe(true);
  });

  it('tables found: the duty table, the projects, and projects with a self-evaluation part (schema v2)', () => {
    const v2 = load('tests/fixtures/frozen/v2-selfeval-from-links.jixiao');
    const withSelfeval = v2.projects.filter((p) => p.selfeval).length;
    expect(withSelfeval).toBeGreaterThan(0);
    expect(auditDocument(v2, { file: 'v2.jixiao', path: '/in/v2.jixiao' }, 'jixiao').tables).toEqual({ duty: v2.dutyTable.duties.length > 0, projects: v2.projects.length, selfeval: withSelfeval });
    const laishui = auditDocument(load('tests/fixtures/seeds/laishui-2020-a.jixiao'), { file: 'l.jixiao', path: '/in/l.jixiao' }, 'jixiao');
    expect(laishui.tables).toEqual({ duty: false, projects: 12, selfeval: 0 });
  });

  it('a finding’s table is named with the project’s number and name', () => {
    const doc = load('tests/fixtures/seeds/laishui-2020-a.jixiao');
    expect(tableOf(doc, `项目 2 › 产出指标 › 参保率 › 指标值`)).toBe(`项目绩效目标表 › 项目 2 ${doc.projects[1].name.trim()}`);
    expect(tableOf(doc, '部门职责-工作活动 › 一、x')).toBe('部门职责-工作活动');
    expect(tableOf(doc, '部门整体 › 金额合计')).toBe('部门整体绩效目标表');
    expect(tableOf(doc, '')).toBe('文件信息');
  });
});
