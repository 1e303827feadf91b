import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadDocumentText } from '../model/load';
import { newDeptWide, newDutyIndicator, newProjectIndicator } from '../model/factory';
import type { JixiaoDocument } from '../model/schema';
import {
  buildSuggestIndex, deleteEntries, dutyFill, emptyLibrary, entryKey, learnFromDocument, libraryEntries, libraryFromXlsx,
  libraryToXlsx, mergeEntries, newEntry, pinyinInitials, projectFill, readLibraryFile, suggest, toLibraryFile, unitOf,
} from '.';

const seed = (name: string): JixiaoDocument => {
  const r = loadDocumentText(readFileSync(join(import.meta.dirname, '../../tests/fixtures/seeds', `${name}.jixiao`), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.document;
};

describe('dedup keys', () => {
  it('treats width, spaces and 效果/效益 as the same indicator; kind and level-1 keep entries apart', () => {
    const a = entryKey({ kind: 'project', level1: '效果指标', name: '参保率（%）' });
    expect(entryKey({ kind: 'project', level1: '效益指标', name: ' 参保率(%) ' })).toBe(a);
    expect(entryKey({ kind: 'project', level1: '产出指标', name: '参保率（%）' })).not.toBe(a);
    expect(entryKey({ kind: 'duty', level1: '', name: '参保率（%）' })).not.toBe(a);
  });

  it('reads the unit from the value, else from a bracket at the end of the name', () => {
    expect(unitOf('参保率', '≥95%')).toBe('%');
    expect(unitOf('日常检查企业数（家）', '')).toBe('家');
    expect(unitOf('培训', '完成')).toBe('');
  });
});

describe('learning from documents', () => {
  it('learns every named indicator of the seeds, once per name and level', () => {
    const lib = emptyLibrary();
    const builtins = lib.entries.size;
    const doc = seed('laishui-2020-a');
    const r = learnFromDocument(lib, doc, 'laishui.jixiao');
    const names = new Set(doc.projects.flatMap((p) => p.indicators.map((i) => entryKey({ kind: 'project', level1: i.level1, name: i.name.trim() }))));
    const dutyNames = new Set(doc.dutyTable.duties.flatMap((d) => [d, ...d.activities]).flatMap((a) => a.indicators.map((i) => entryKey({ kind: 'duty', level1: '', name: i.name.trim() }))));
    const builtinKeys = new Set([...emptyLibrary().entries.keys()]);
    const fresh = [...names, ...dutyNames].filter((k) => !k.endsWith('|') && !builtinKeys.has(k));
    expect(r.added).toBe(fresh.length);
    expect(lib.entries.size).toBe(builtins + fresh.length);
  });

  it('learns the department-wide table’s indicators as project indicators', () => {
    const lib = emptyLibrary();
    const doc = { ...seed('laishui-2020-a'), deptWide: newDeptWide({ indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '家庭医生签约人数', value: '≥2000人' })] }) };
    learnFromDocument(lib, doc, 'dept.jixiao');
    expect(libraryEntries(lib).find((e) => e.name === '家庭医生签约人数')).toMatchObject({ kind: 'project', level1: '产出指标', value: '≥2000人', unit: '人' });
  });

  it('counts a document once however often it is learned (every save), and a second document again', () => {
    const lib = emptyLibrary();
    const doc = seed('linxi-2019');
    learnFromDocument(lib, doc, 'a.jixiao');
    const again = learnFromDocument(lib, doc, 'a.jixiao');
    expect(again).toEqual({ added: 0, updated: 0 });
    const key = entryKey({ kind: 'duty', level1: '', name: doc.dutyTable.duties[0].activities[0].indicators[0].name });
    expect(lib.entries.get(key)?.count).toBe(1);
    learnFromDocument(lib, doc, 'b.jixiao');
    expect(lib.entries.get(key)?.count).toBe(2);
    expect(lib.entries.get(key)?.seen.map((s) => s.document)).toEqual(['a.jixiao', 'b.jixiao']);
  });

  it('newer years win for the cells, older ones only fill blanks', () => {
    const lib = emptyLibrary();
    const mk = (year: number, value: string, basis: string): JixiaoDocument => ({
      ...seed('laishui-2020-a'), meta: { ...seed('laishui-2020-a').meta, year },
      dutyTable: { duties: [], note: '' },
      projects: [{ ...seed('laishui-2020-a').projects[0], indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '测试指标甲', value, basis })] }],
    });
    learnFromDocument(lib, mk(2020, '≥90%', ''), 'x');
    learnFromDocument(lib, mk(2019, '≥80%', '计划标准'), 'y');
    const e = lib.entries.get(entryKey({ kind: 'project', level1: '产出指标', name: '测试指标甲' }))!;
    expect(e.value).toBe('≥90%');
    expect(e.basis).toBe('计划标准');
    learnFromDocument(lib, mk(2021, '≥95%', ''), 'z');
    expect(lib.entries.get(entryKey(e))!.value).toBe('≥95%');
  });
});

describe('suggestions', () => {
  const lib = emptyLibrary();
  learnFromDocument(lib, seed('laishui-2020-a'), 'laishui');
  learnFromDocument(lib, seed('linxi-2019'), 'linxi');
  const index = buildSuggestIndex(libraryEntries(lib));

  it('pinyin initials of Chinese names', () => {
    expect(pinyinInitials('服务对象满意度')).toBe('fwdxmyd');
    expect(pinyinInitials('参保率（%）')).toBe('cbl');
  });

  it('finds by prefix, then substring, then pinyin initials (myd → 满意度…)', () => {
    const byPrefix = suggest(index, '服务', { kind: 'project' });
    expect(byPrefix.length).toBeGreaterThan(0);
    expect(byPrefix.every((e) => e.name.includes('服务'))).toBe(true);
    expect(byPrefix[0].name.startsWith('服务')).toBe(true);
    expect(suggest(index, '满意度', { kind: 'project' }).every((e) => e.name.includes('满意度'))).toBe(true);
    const myd = suggest(index, 'myd', { kind: 'project', limit: 50 });
    expect(myd.length).toBeGreaterThan(2);
    expect(myd.every((e) => e.name.includes('满意度'))).toBe(true);
    expect(suggest(index, 'fwdxmyd', { kind: 'project' }).map((e) => e.name)).toContain('服务对象满意度');
  });

  it('keeps kinds apart and prefers the row’s 一级', () => {
    expect(suggest(index, '率', { kind: 'duty', limit: 100 }).every((e) => e.kind === 'duty')).toBe(true);
    for (const [level1, expected] of [['产出指标', '产出指标'], ['效果指标', '效益指标'], ['效益指标', '效果指标']]) {
      const preferred = suggest(index, '率', { kind: 'project', level1, limit: 3 });
      expect([level1, expected]).toContain(preferred[0].level1);
    }
  });

  it('every suggestion matches the query somehow (property)', () => {
    const names = libraryEntries(lib).map((e) => e.name);
    fc.assert(fc.property(fc.constantFrom(...names), fc.nat(3), fc.nat(4), (name, start, len) => {
      const q = name.slice(start, start + len + 1);
      for (const e of suggest(index, q, { kind: 'project', limit: 20 })) {
        const n = e.name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
        const qq = q.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
        expect(n.includes(qq) || pinyinInitials(e.name).includes(qq)).toBe(true);
      }
    }), { numRuns: 200 });
  });
});

describe('filling a row from a suggestion', () => {
  const entry = newEntry({ kind: 'project', level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', description: '满意程度', value: '≥90%', basis: '行业标准' });

  it('fills only blank cells and never overwrites typed text', () => {
    const row = newProjectIndicator({ level1: '满意度指标', name: '满意', value: '≥95%' });
    expect(projectFill(row, entry)).toEqual({ name: '服务对象满意度', level2: '服务对象满意度指标', description: '满意程度', basis: '行业标准' });
  });

  it('duty rows: blank bands only', () => {
    const d = newEntry({ kind: 'duty', name: '预算执行率', bands: ['≥95%', '≥90%', '≥80%', '<80%'] });
    const row = newDutyIndicator({ name: '预算', bands: ['=100%', '', '', ''] });
    expect(dutyFill(row, d)).toEqual({ name: '预算执行率', bands: ['=100%', '≥90%', '≥80%', '<80%'] });
    expect(dutyFill({ ...row, name: '预算执行率', bands: ['1', '2', '3', '4'] }, d)).toEqual({});
  });
});

describe('the library file', () => {
  it('round-trips learned entries and deleted built-ins; built-ins are not written', () => {
    const lib = emptyLibrary();
    learnFromDocument(lib, seed('linxi-2019'), 'linxi');
    const builtin = [...lib.entries.entries()].find(([, e]) => e.builtin)!;
    const learned = [...lib.entries.entries()].find(([, e]) => !e.builtin)!;
    expect(deleteEntries(lib, [builtin[0], learned[0]])).toBe(2);
    const file = toLibraryFile(lib);
    expect(file.entries.some((e) => e.builtin)).toBe(false);
    const back = readLibraryFile(JSON.stringify(file));
    if (!back.ok) throw new Error(back.message);
    expect(libraryEntries(back.library).map(entryKey).sort()).toEqual(libraryEntries(lib).map(entryKey).sort());
    expect(libraryEntries(back.library).some((e) => entryKey(e) === builtin[0])).toBe(false);
  });

  it('drops malformed entries with a count and refuses a file that is not a library', () => {
    const r = readLibraryFile(JSON.stringify({ format: 'jixiao-library', version: 1, entries: [{ kind: 'project' }, 5], hidden: [] }));
    expect(r.ok && r.dropped).toBe(2);
    expect(readLibraryFile('{"format":"x"}').ok).toBe(false);
    expect(readLibraryFile('{not json').ok).toBe(false);
  });
});

describe('the shared sheet', () => {
  it('exports and imports back the same entries', async () => {
    const lib = emptyLibrary();
    learnFromDocument(lib, seed('laishui-2020-a'), 'laishui.jixiao');
    learnFromDocument(lib, seed('linxi-2019'), 'linxi.jixiao');
    const entries = libraryEntries(lib);
    const bytes = await libraryToXlsx(entries);
    const back = libraryFromXlsx(bytes, 'lib.xlsx');
    if (!back.ok) throw new Error(back.message);
    expect(back.skipped).toEqual([]);
    const strip = (e: (typeof entries)[number]) => ({ ...e, bands: e.bands.map((b) => b) });
    expect(back.entries.map(strip)).toEqual(entries.map(strip));
    const other = emptyLibrary();
    const merged = mergeEntries(other, back.entries);
    const builtinKeys = new Set(emptyLibrary().entries.keys());
    const learned = entries.filter((e) => !e.builtin);
    expect(merged.added).toBe(learned.filter((e) => !builtinKeys.has(entryKey(e))).length);
    expect(libraryEntries(other).map(entryKey).sort()).toEqual(entries.map(entryKey).sort());
  });

  it('refuses a workbook without a library sheet, and bytes that are not xlsx', async () => {
    const r = libraryFromXlsx(new TextEncoder().encode('hello'), 'x.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'import.not-office' });
  });
});
