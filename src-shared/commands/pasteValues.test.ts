// Pasted amounts follow the rules of typing (parseAmountInput): a unit converts exactly, with a
// note for the toast; what is not an amount of the column's kind is not pasted and is listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type JixiaoDocument } from '../model';
import { applyEdit } from './patch';
import { dutyRows } from './dutyRows';
import { pasteDutyBlock, pasteMessage } from './paste';
import { pasteSelfEvalBlock, initSelfEvalEdit } from './selfeval';

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
