import { describe, expect, it } from 'vitest';
import { applyEdit } from '../commands';
import { newDocument, newProject, newProjectIndicator } from '../model';
import { parseProjectClipboard, pasteProjectEdit, projectClipboardText } from './project-clipboard';

function source() {
  const doc = newDocument({ deptName: '涞水县人力资源和社会保障局', year: 2020, unit: '万元' });
  doc.projects = [newProject('hebei-2020', {
    name: '2020年城乡居民养老保险个人缴费补贴', budget: '169.94', fiscal: '169.94', schedule: ['25', '50', '75', '100'],
    indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '补贴人数', value: '≥1万人', basis: '冀财社【2019】74号' })],
  })];
  return doc;
}

describe('复制为新项目 across documents', () => {
  it('round-trips through the clipboard text and pastes with new ids, from links, amounts in the target unit', () => {
    const src = source();
    const text = projectClipboardText(src, src.projects[0].id)!;
    const clip = parseProjectClipboard(text)!;
    expect(clip.project.name).toBe('2020年城乡居民养老保险个人缴费补贴');
    const target = newDocument({ year: 2021, unit: '元' });
    target.projects = [newProject('hebei-2020', { name: '已有项目' })];
    const { edit, id } = pasteProjectEdit(target, clip, 1);
    const after = applyEdit(target, edit);
    expect(edit.label).toBe('粘贴为新项目');
    expect(after.projects.map((p) => p.name)).toEqual(['已有项目', '2020年城乡居民养老保险个人缴费补贴']);
    const p = after.projects[1];
    expect(p.id).toBe(id);
    expect(p.id).not.toBe(src.projects[0].id);
    expect(p.from).toBe(src.projects[0].id);
    expect([p.budget, p.fiscal, p.schedule]).toEqual(['1699400', '1699400', ['25', '50', '75', '100']]);
    expect(p.indicators[0]).toMatchObject({ from: src.projects[0].indicators[0].id, basis: '冀财社【2019】74号' });
    expect(p.indicators[0].id).not.toBe(src.projects[0].indicators[0].id);
    expect(applyEdit(after, edit, 'undo')).toEqual(target);
  });

  it('anything else on the clipboard is not a project', () => {
    for (const t of ['', '参保率\t≥90%', '{"format":"other"}', '{not json', JSON.stringify({ format: 'jixiao-project', unit: '万元', project: { name: 1 } })]) {
      expect(parseProjectClipboard(t)).toBeNull();
    }
  });
});
