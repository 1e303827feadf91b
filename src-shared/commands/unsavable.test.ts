// Characters Word/Excel files cannot hold (U+FFFE, U+FFFF, C0 controls, lone surrogates) are refused
// where text comes in — a typed cell or field, a pasted cell, a replacement — with the code point
// named in the message; the document keeps what it had (model/text.ts unsavableChars).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type JixiaoDocument } from '../model';
import { replaceAll, replaceOne, findAll } from '../find';
import { CommandError, setCellEdit, setCellsEdit, setMetaEdit } from './commands';
import { insertDeptTask, pasteDeptTasks, setDeptWideFieldEdit, setTaskCellsEdit } from './deptWide';
import { pasteIndicatorCells, setIndicatorCellsEdit } from './indicatorCells';
import { applyEdit } from './patch';
import { pasteDutyBlock, pasteMessage, pasteProjectIndicatorBlock } from './paste';
import { dutyRows } from './dutyRows';
import { initSelfEvalEdit, pasteSelfEvalBlock } from './selfeval';

const load = (name: string): JixiaoDocument =>
  DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));
const refusal = (f: () => unknown) => { try { f(); } catch (e) { if (e instanceof CommandError) return e.message; throw e; } return null; };

describe('text Word/Excel cannot hold is refused at input', () => {
  const linxi = load('linxi-2019');
  const laishui = load('laishui-2020-a');

  it('a typed cell or field: the Chinese reason names the code point; nothing changes', () => {
    expect(refusal(() => setCellEdit(linxi, 'lxd1a1i1', 'bands.1', '≥95%\uFFFE'))).toBe('含有无法保存到 Word/Excel 的字符 U+FFFE，已拒绝');
    expect(refusal(() => setCellEdit(laishui, 'lsp1', 'name', '养老\u0001保险'))).toBe('含有无法保存到 Word/Excel 的字符 U+0001，已拒绝');
    expect(refusal(() => setCellsEdit(laishui, [{ rowId: 'lsp1i1', field: 'level1', value: '产出\uD800' }], '编辑合并单元格'))).toBe('含有无法保存到 Word/Excel 的字符 U+D800，已拒绝');
    expect(refusal(() => setIndicatorCellsEdit(laishui, [{ rowId: 'lsp1i1', column: 'level3', text: 'x\uFFFF' }], false))).toBe('含有无法保存到 Word/Excel 的字符 U+FFFF，已拒绝');
    expect(refusal(() => setMetaEdit(linxi, { deptName: '临西县\u001F人社局' }))).toBe('部门名称含有无法保存到 Word/Excel 的字符 U+001F，已拒绝');
    // tab, line breaks and characters beyond U+FFFF are text like any other
    expect(applyEdit(linxi, setCellEdit(linxi, 'lxd1a1i1', 'bands.1', '≥95%\t𠀀\n')!).dutyTable.duties[0].activities[0].indicators[0].bands[1]).toBe('≥95%\t𠀀\n');
  });

  it('the department-wide table too', () => {
    const { edit, id } = insertDeptTask(laishui, 0);
    const d = applyEdit(laishui, edit);
    expect(refusal(() => setTaskCellsEdit(d, [{ taskId: id, field: 'name', text: '公共\uFFFE卫生' }]))).toBe('含有无法保存到 Word/Excel 的字符 U+FFFE，已拒绝');
    expect(refusal(() => setDeptWideFieldEdit(d, 'goal', '目标\u0000'))).toBe('含有无法保存到 Word/Excel 的字符 U+0000，已拒绝');
    const res = pasteDeptTasks(d, 0, 0, [['公共\uFFFE卫生', '内容']]);
    expect(res.problems.map((p) => p.message)).toEqual(['含有无法保存到 Word/Excel 的字符 U+FFFE，未粘贴']);
    expect(applyEdit(d, res.edit!).deptWide!.tasks[0]).toMatchObject({ name: '', content: '内容' });
  });

  it('a pasted cell is not pasted and is listed with the reason; the rest of the block goes in', () => {
    const at = dutyRows(linxi).findIndex((r) => r.indicatorId === 'lxd1a1i1');
    const duty = pasteDutyBlock(linxi, at, 4, [['好\uFFFE', '≥95%']]);
    expect(duty.problems).toEqual([{ row: 0, col: 0, text: '好\uFFFE', message: '含有无法保存到 Word/Excel 的字符 U+FFFE，未粘贴' }]);
    expect(pasteMessage(duty, '差')).toBe('已粘贴 1 行 × 2 列；1 个单元格未粘贴：含有无法保存到 Word/Excel 的字符 U+FFFE，未粘贴');
    const ind = (d: JixiaoDocument) => d.dutyTable.duties[0].activities[0].indicators[0];
    const next = applyEdit(linxi, duty.edit!);
    expect(ind(next).name).toBe(ind(linxi).name);
    expect(ind(next).bands[0]).toBe('≥95%');
    expect(pasteDutyBlock(linxi, 0, 0, [['职责\u0002']]).problems.map((p) => p.message)).toEqual(['含有无法保存到 Word/Excel 的字符 U+0002，未粘贴']);

    for (const res of [
      pasteProjectIndicatorBlock(laishui, 'lsp1', 0, 2, [['参保\uFFFF率', '描述']]),
      pasteIndicatorCells(laishui, 'lsp1', 0, 2, [['参保\uFFFF率', '描述']], ['level1', 'level2', 'level3', 'description', 'value', 'basis'], false),
    ]) {
      expect(res.problems).toEqual([{ row: 0, col: 0, text: '参保\uFFFF率', message: '含有无法保存到 Word/Excel 的字符 U+FFFF，未粘贴' }]);
      const ind = applyEdit(laishui, res.edit!).projects[0].indicators[0];
      expect([ind.name, ind.description]).toEqual([laishui.projects[0].indicators[0].name, '描述']);
    }

    const se = applyEdit(laishui, initSelfEvalEdit(laishui).edit!);
    const res = pasteSelfEvalBlock(se, 'lsp1', 0, ['name', 'actual'], 0, [['名\uDC00', '95%']]);
    expect(res.problems.map((p) => p.message)).toEqual(['含有无法保存到 Word/Excel 的字符 U+DC00，未粘贴']);
    expect(applyEdit(se, res.edit!).projects[0].selfeval!.indicators[0].actual).toBe('95%');
  });

  it('a replacement is refused before anything is replaced; finding such a character (to remove it) is allowed', () => {
    const o = { wholeCell: false, matchCase: false, matchWidth: false, scope: { table: 'all' as const } };
    const all = replaceAll(linxi, '就业', '就\uFFFE业', o);
    expect(all).toMatchObject({ edit: null, replaced: 0, refused: '替换为的内容含有无法保存到 Word/Excel 的字符 U+FFFE，已拒绝' });
    const hit = findAll(linxi, '就业', o)[0];
    expect(replaceOne(linxi, hit, '就业', '\u0007', o).refused).toBe('替换为的内容含有无法保存到 Word/Excel 的字符 U+0007，已拒绝');
    // An older document holding one: found, and replaced by nothing.
    const old = { ...linxi, meta: { ...linxi.meta, deptName: '临西县\uFFFE人社局' } };
    const clean = replaceAll(old, '\uFFFE', '', o);
    expect(clean.refused).toBeUndefined();
    expect(applyEdit(old, clean.edit!).meta.deptName).toBe('临西县人社局');
  });
});
