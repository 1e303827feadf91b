// The 批量审核 window's channels through the host API's dispatch (validation, coded Chinese errors).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostApi } from '../../src-main/host-api';
import type { AuditStatus } from '../../src-shared/ipc';
import { makeAuditFolder } from './folder';

const work = mkdtempSync(join(tmpdir(), 'jixiao-audit-host-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const api = createHostApi({ userDataDir: join(work, 'user'), documentsDir: work });

describe('audit channels', () => {
  it('start → status until finished → write the summary workbook', async () => {
    const folder = await makeAuditFolder(join(work, 'in'), { withHostile: false });
    const started = await api.dispatch('audit:start', { paths: [folder] });
    expect(started).toMatchObject({ ok: true, value: { total: 4 } });
    const id = (started as { value: { id: string } }).value.id;
    const early = await api.dispatch('audit:write', { id, path: join(work, 'early.xlsx') });
    let status: AuditStatus | undefined;
    await expect.poll(async () => {
      const r = await api.dispatch('audit:status', { id });
      status = r.ok ? (r.value as AuditStatus) : undefined;
      return status?.finished;
    }, { timeout: 60_000 }).toBe(true);
    // asked right after the start, before any worker thread is even up: refused with its own code
    expect(early).toMatchObject({ ok: false, code: 'audit.not-finished' });
    expect(status!.done).toBe(4);
    expect(status!.entries!.map((e) => `${e.file}:${e.status}`).sort())
      .toEqual(['bad/laishui-2020-a.docx:read', 'bad/linxi-2019.xlsx:read', 'good/clean.jixiao:read', 'good/clean.xlsx:read', 'notes.txt:skipped']);
    const written = await api.dispatch('audit:write', { id, path: join(work, '汇总.xlsx') });
    expect(written).toEqual({ ok: true, value: { path: join(work, '汇总.xlsx') } });
    expect(readFileSync(join(work, '汇总.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 90_000);

  it('a missing folder, an unknown batch, a bad request: coded failures in Chinese', async () => {
    const missing = await api.dispatch('audit:start', { paths: [join(work, '没有这个文件夹')] });
    expect(missing).toMatchObject({ ok: false, code: 'file.not-found' });
    const unknown = await api.dispatch('audit:status', { id: 'nope' });
    expect(unknown).toMatchObject({ ok: false, code: 'audit.unknown-job' });
    expect((unknown as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await api.dispatch('audit:start', { paths: [] })).toMatchObject({ ok: false, code: 'ipc.bad-request' });
  });
});
