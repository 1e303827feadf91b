// `doc:read` (新年度 / 对比 read another year's file without opening it) and the 'any' open dialog.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostApi } from '../../src-main/host-api';
import type { ReadDocument } from '../../src-shared/ipc';
import { FIXTURE_DIR } from '../fixtures/paths';

const root = mkdtempSync(join(tmpdir(), 'jixiao-docread-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const picked: string[] = [];
const api = createHostApi({ userDataDir: join(root, 'user'), documentsDir: root, platform: { pickOpen: async (kind) => { picked.push(kind); return '/x/上年.docx'; } } });
const seeds = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const FIX = FIXTURE_DIR;

describe('doc:read', () => {
  it('reads a .jixiao and an Office file as documents, without adding them to the recent files', async () => {
    const a = await api.dispatch('doc:read', { path: join(seeds, 'linxi-2019.jixiao') });
    expect(a.ok && (a.value as ReadDocument).kind).toBe('jixiao');
    expect(a.ok && (a.value as ReadDocument).document.meta.year).toBe(2019);
    const b = await api.dispatch('doc:read', { path: join(FIX, 'laishui-2020-a.docx') });
    expect(b.ok && (b.value as ReadDocument).kind).toBe('import');
    expect(b.ok && (b.value as ReadDocument).document.projects.length).toBeGreaterThan(5);
    const recent = await api.dispatch('recent:list', {});
    expect(recent).toEqual({ ok: true, value: [] });
  });

  it('an unreadable file answers a code and a Chinese message; the file is left as it was', async () => {
    const bad = join(root, 'bad.jixiao');
    writeFileSync(bad, '{"format":"jixiao"');
    const r = await api.dispatch('doc:read', { path: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.code).toMatch(/^file\./); expect(r.message).toMatch(/[\u4e00-\u9fff]/); }
    expect(readFileSync(bad, 'utf8')).toBe('{"format":"jixiao"');
    const x = await api.dispatch('doc:read', { path: join(root, 'none.docx') });
    expect(x.ok || x.code).toBe('import.unreadable');
  });

  it("dialog:pickOpen accepts kind 'any' and rejects an unknown kind", async () => {
    expect(await api.dispatch('dialog:pickOpen', { kind: 'any' })).toEqual({ ok: true, value: '/x/上年.docx' });
    expect(picked).toEqual(['any']);
    expect((await api.dispatch('dialog:pickOpen', { kind: 'exe' })).ok).toBe(false);
  });
});

describe('menu: 文件 › 从上年生成… / 与…对比', () => {
  it('are in the 文件 menu after the 导入 items and send rollover / compare', async () => {
    const { menuTemplate } = await import('../../src-main/electron/menu');
    const sent: string[] = [];
    const file = menuTemplate({ recent: [], send: (c) => sent.push(c.command) })[0];
    const items = (file.submenu as { label?: string; click?: () => void }[]).filter((i) => i.label);
    const labels = items.map((i) => i.label);
    const at = labels.indexOf('从上年生成…');
    expect(at).toBeGreaterThan(labels.indexOf('导入 Excel/Word…'));
    expect(labels.slice(at, at + 2)).toEqual(['从上年生成…', '与…对比']);
    items.find((i) => i.label === '从上年生成…')!.click!();
    items.find((i) => i.label === '与…对比')!.click!();
    expect(sent).toEqual(['rollover', 'compare']);
  });
});
