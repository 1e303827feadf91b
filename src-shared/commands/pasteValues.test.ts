// Pasted amounts follow the rules of typing (parseAmountInput): a unit converts exactly, with a
// note for the toast; what is not an amount of the column's kind is not pasted and is listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type JixiaoDocument } from '../model';
import { applyEdit } from './patch';
import { dutyRows } from './dutyRows';
import { pasteDutyBlock, pasteMessage, pasteProjectIndicatorBlock } from './paste';
import { pasteSelfEvalBlock, initSelfEvalEdit, SELFEVAL_INDICATOR_FIELDS } from './selfeval';
import { pasteIndicatorCells } from './indicatorCells';
import { pastedCellRows } from './pasteValues';

const load = (name: string): JixiaoDocument =>
  DocumentSchema.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/seeds/${name}.jixiao`, import.meta.url), 'utf8')));

describe('pasted amounts', () => {
  const doc = load('linxi-2019'); // 万元
  const rows = dutyRows(doc);
  const budgetCol = 1;

  it('50000元 into 年度预算数 of a 万元 table is 5, with a note; 八十万 is 80', () => {
    const res = pasteDutyBlock(doc, 0, budgetCol, [['50000元'], ['八十万']]);
    const next = applyEdit(doc, res.edit!);
    const d0 = next.dutyTable.duties[rows[0].dutyIndex];
    expect(d0.budget).toBe('5');
    expect(res.notes).toEqual(['已按万元换算：50000元 = 5万元', '已按万元换算：八十万 = 80万元']);
    expect(res.problems).toEqual([]);
    expect(pasteMessage(res, '差')).toBe('已粘贴 2 行 × 1 列；已按万元换算 2 个金额：50000元 = 5万元；八十万 = 80万元');
  });

  it('a percent, a word or an unsure numeral in 年度预算数 is not pasted and says why', () => {
    const res = pasteDutyBlock(doc, 0, budgetCol, [['25%'], ['约五万'], ['一千二']]);
    expect(res.edit).toBeNull();
    expect(res.problems.map((p) => [p.row, p.text, p.message])).toEqual([
      [0, '25%', '“25%”是百分比，这里应填金额（本表单位：万元），未粘贴'],
      [1, '约五万', expect.stringContaining('“约五万”不是有效的金额')],
      [2, '一千二', expect.stringContaining('无法确定“一千二”是多少')],
    ]);
    expect(doc.dutyTable.duties[0].budget).toBe('1235'); // untouched
  });

  it('self-evaluation 分值/得分 take points, not money', () => {
    const laishui = load('laishui-2020-a');
    const p = laishui.projects[0];
    const d = applyEdit(laishui, initSelfEvalEdit(laishui).edit!);
    const res = pasteSelfEvalBlock(d, p.id, 0, ['weight', 'score'], 0, [['10分', '10元']]);
    const se = applyEdit(d, res.edit!).projects[0].selfeval!;
    expect(se.indicators[0].weight).toBe('10');
    expect(res.problems.map((x) => x.message)).toEqual(['“10元”是金额，这里应填分数（如 8 或 8.5），未粘贴']);
    const chinese = pasteSelfEvalBlock(d, p.id, 0, ['weight'], 0, [['十'], ['九点五']]);
    expect(pasteMessage(chinese, '分值')).toBe('已粘贴 2 行 × 1 列；已按数字读取 2 个数：十 = 10分；九点五 = 9.5分');
  });
});

describe('one value pasted onto a merged 一级/二级 cell fills its run, as typing does', () => {
  // Laishui project 1: 一级 产出指标 rows 0–1, 效果指标 rows 2–3; 二级 社会效益指标 rows 2–3.
  const doc = load('laishui-2020-a');
  const before = doc.projects[0].indicators;
  const levels = (d: JixiaoDocument) => d.projects[0].indicators.map((i) => `${i.level1}|${i.level2}|${i.name}`);
  const COLUMNS = ['level1', 'level2', 'level3', 'description', 'value', 'basis'] as const; // the Hebei profile's

  it('the rows of the run, from the table before the paste; one row otherwise', () => {
    expect(pastedCellRows(before, 1, 'level1', 1)).toEqual([0, 1]);
    expect(pastedCellRows(before, 3, 'level2', 1)).toEqual([2, 3]);
    expect(pastedCellRows(before, 0, 'level2', 1)).toEqual([0]); // 时效指标 alone
    expect(pastedCellRows(before, 1, 'level1', 2)).toEqual([1]); // a block of two lines goes line by line
    expect(pastedCellRows(before, 1, 'name', 1)).toEqual([1]);
    expect(pastedCellRows(before, 5, 'level1', 1)).toEqual([5]); // a new row past the end
  });

  // Both paste commands of the project grid: the Hebei column order and a profile's columns.
  const pastes = {
    block: (row: number, col: number, m: string[][]) => pasteProjectIndicatorBlock(doc, 'lsp1', row, col, m),
    cells: (row: number, col: number, m: string[][]) => pasteIndicatorCells(doc, 'lsp1', row, col, m, COLUMNS, false),
  };
  for (const [name, paste] of Object.entries(pastes)) {
    it(`${name}: 一级 on the run's second row changes both rows, one edit; undo restores both`, () => {
      const res = paste(1, 0, [['效益指标']]);
      const next = applyEdit(doc, res.edit!);
      expect(levels(next)).toEqual(levels(doc).map((l, r) => (r < 2 ? l.replace(/^产出指标/, '效益指标') : l)));
      expect(applyEdit(next, res.edit!, 'undo')).toEqual(doc);
    });

    it(`${name}: 二级 changes its run inside the 一级 run; a line of several cells fills each merged cell's run`, () => {
      expect(levels(applyEdit(doc, paste(2, 1, [['经济效益指标']]).edit!)).slice(1, 5)).toEqual([
        '产出指标|质量指标|参保率（%）', '效果指标|经济效益指标|享受保险基金补助覆盖面（%）', '效果指标|经济效益指标|参保面（%）', '满意度指标|服务对象满意度指标|群众满意度',
      ]);
      expect(levels(applyEdit(doc, paste(0, 0, [['效益指标', '数量指标', '新名']]).edit!)).slice(0, 3)).toEqual([
        '效益指标|数量指标|新名', '效益指标|质量指标|参保率（%）', '效果指标|社会效益指标|享受保险基金补助覆盖面（%）',
      ]);
    });

    it(`${name}: a block of several lines still goes line by line`, () => {
      expect(levels(applyEdit(doc, paste(1, 0, [['甲'], ['乙']]).edit!)).slice(0, 4).map((l) => l.split('|')[0])).toEqual(['产出指标', '甲', '乙', '效果指标']);
    });
  }

  it('the self-evaluation grid too', () => {
    const se = load('selfeval-2019-a'); // 一级 产出指标 rows 0–3, 二级 数量指标 rows 0–2
    const res = pasteSelfEvalBlock(se, 'se19p1', 2, SELFEVAL_INDICATOR_FIELDS, 1, [['效率指标']]);
    const next = applyEdit(se, res.edit!);
    expect(next.projects[0].selfeval!.indicators.map((i) => i.level2).slice(0, 5)).toEqual(['效率指标', '效率指标', '效率指标', '质量指标', '社会效益指标']);
    expect(applyEdit(next, res.edit!, 'undo')).toEqual(se);
  });
});
