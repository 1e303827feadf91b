// The department-wide tab shows and edits every field of the table the file carries (nothing silent):
// 金额合计 with its 财政拨款 / 其他资金 in a 合计 row under the tasks, in their columns; 部门职能职责概述
// above 年度总体目标; the 审核's tasks-sum findings and find hits select those fields; the indicators'
// 一级/二级 offer the profile's vocabulary — in the real renderer in Debian's Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDeptTask, newDeptWide, newDocument, newProjectIndicator, type JixiaoDocument } from '../../src-shared/model';
import { docScreenshot, harnessHooks, openThroughUi, startHarness, type Harness } from './harness';
import { openDeptWide, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let tasks: GridDriver;
let inds: GridDriver;
let path: string;

const field = (f: string) => page.getByTestId(`dept-${f}`);
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const selectedText = () => page.evaluate(() => { const el = document.activeElement as HTMLInputElement | null; return el?.value?.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) ?? null; });
const saved = (): JixiaoDocument => JSON.parse(readFileSync(path, 'utf8'));
const modified = () => page.getByTestId('status-modified').textContent();
const panel = () => page.getByTestId('find-panel');
const box = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  // As an imported 88号 form leaves it: 金额合计 split in 财政拨款 / 其他资金 (其他资金 off by 5), no 职能职责 yet.
  const doc = newDocument({ templateId: 'national-88-dept', deptName: '某县卫生健康局', year: 2027, unit: '万元' });
  doc.deptWide = newDeptWide({
    goal: '提升基本公共卫生服务均等化水平。',
    total: '120', totalFiscal: '100', totalOther: '25',
    tasks: [
      newDeptTask({ name: '公共卫生服务', content: '家庭医生签约', total: '80', fiscal: '70', other: '10' }),
      newDeptTask({ name: '疾病预防控制', content: '免疫规划', total: '40', fiscal: '30', other: '10' }),
    ],
    indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '签约人数', value: '≥2000人' })],
  });
  ({ path, tasks, inds } = await openDeptWide(h, doc, '部门整体字段.jixiao', 1, '疾病预防控制'));
});
harnessHooks(() => h);

describe('金额合计 row under the tasks', () => {
  it('shows 金额合计 and its 财政拨款 / 其他资金 under the task amounts, in their columns', async () => {
    await expect.poll(() => field('total').inputValue()).toBe('120.00');
    expect(await field('totalFiscal').inputValue()).toBe('100.00');
    expect(await field('totalOther').inputValue()).toBe('25.00');
    for (const [f, col] of [['total', 'total'], ['totalFiscal', 'fiscal'], ['totalOther', 'other']] as const) {
      const [cell, input] = [await box(tasks.cell(1, col)), await box(field(f))];
      expect(Math.abs(cell.x - input.x)).toBeLessThan(6);
      expect(Math.abs(cell.width - input.width)).toBeLessThan(8);
    }
    expect(await page.getByTestId('dept-total-row').locator('.label').textContent()).toBe('金额合计');
    // right under the last task, not under the grid's empty space
    const [last, row] = [await box(tasks.cell(1, 'total')), await box(page.getByTestId('dept-total-row'))];
    expect(row.y - (last.y + last.height)).toBeGreaterThanOrEqual(0);
    expect(row.y - (last.y + last.height)).toBeLessThan(12);
  });

  it('50000元 typed into 财政拨款 of a 万元 document is 5, with a note; abc is refused at the field; one Ctrl+Z undoes it', async () => {
    await field('totalFiscal').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(1);
    expect(await page.getByTestId('cell-message').textContent()).toContain('“abc”不是有效的金额');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(0);
    await expect.poll(() => field('totalFiscal').inputValue()).toBe('100.00');

    await field('totalFiscal').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50000');
    await tasks.imeCompose('yuan');
    await tasks.imeCommit('元');
    await expect.poll(() => field('totalFiscal').inputValue()).toBe('50000元');
    await page.keyboard.press('Enter');
    await expect.poll(() => field('totalFiscal').inputValue()).toBe('5.00');
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('已按万元换算：50000元 = 5万元');
    await page.keyboard.press('Control+S');
    await expect.poll(() => saved().deptWide!.totalFiscal).toBe('5');
    await page.getByTestId('tab-deptWide').click(); // out of the text box: Ctrl+Z is the document's
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field('totalFiscal').inputValue()).toBe('100.00');
    await page.keyboard.press('Control+S');
    await expect.poll(() => saved().deptWide!.totalFiscal).toBe('100');
    expect(saved().deptWide!.total).toBe('120');
  });

  it('a task amount typed in 元 is converted with the same note', async () => {
    await tasks.cell(0, 'fiscal').click();
    await expect.poll(() => tasks.active()).toBe('0,fiscal');
    await page.keyboard.type('800000元');
    await page.keyboard.press('Enter');
    await expect.poll(() => tasks.text(0, 'fiscal')).toBe('80.00');
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('已按万元换算：800000元 = 80万元');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => tasks.text(0, 'fiscal')).toBe('70.00');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
  });

  it('the 审核 finding on 其他资金 (tasks 20, 金额合计 25) marks the field; a click on it selects the field', async () => {
    const findings = page.getByTestId('findings-panel');
    await findings.waitFor();
    const sum = findings.locator('[data-code="deptwide.tasks-sum"]');
    await expect.poll(() => sum.count()).toBe(1);
    expect(await sum.textContent()).toContain('其他资金');
    await expect.poll(() => field('totalOther').getAttribute('class')).toContain('cell-error');
    expect(await field('totalFiscal').getAttribute('class')).not.toContain('cell-error');
    await docScreenshot(page, 'dept-wide-total-finding', page.getByTestId('dept-wide'));
    await page.getByTestId('tab-duty').click();
    await sum.click();
    await expect.poll(() => page.getByTestId('tab-deptWide').getAttribute('aria-selected')).toBe('true');
    await expect.poll(activeTestId).toBe('dept-totalOther');
    expect(await selectedText()).toBe('25.00');
    // corrected: the finding goes
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect.poll(() => sum.count()).toBe(0);
    await expect.poll(() => field('totalOther').getAttribute('class')).not.toContain('cell-error');
    await page.keyboard.press('Control+S');
    await expect.poll(() => saved().deptWide!.totalOther).toBe('20');
  });
});

describe('部门职能职责概述', () => {
  it('is shown above 年度总体目标 once the document has it; typed through the input method, one undo step', async () => {
    // The 88号 department form does not print it and the document has none: no field.
    expect(await field('functions').count()).toBe(0);
    const doc = saved();
    doc.deptWide!.functions = '';
    writeFileSync(path, JSON.stringify(doc, null, 2));
    await openThroughUi(page, path);
    await page.getByTestId('tab-deptWide').click();
    await field('functions').waitFor();
    const [fn, goal] = [await box(field('functions')), await box(field('goal'))];
    expect(fn.y + fn.height).toBeLessThanOrEqual(goal.y);
    expect(await field('functions').evaluate((el) => el.tagName)).toBe('TEXTAREA');

    await field('functions').click();
    await tasks.imeCompose('fuze');
    await tasks.imeCommit('负责全县卫生健康工作');
    await page.keyboard.press('Enter'); // a new line in the text, as in 年度总体目标
    await tasks.imeCompose('zhidao');
    await tasks.imeCommit('指导基层医疗卫生机构');
    await expect.poll(() => field('functions').inputValue()).toBe('负责全县卫生健康工作\n指导基层医疗卫生机构');
    await field('goal').click(); // blur commits
    await page.keyboard.press('Control+S');
    await expect.poll(() => saved().deptWide!.functions).toBe('负责全县卫生健康工作\n指导基层医疗卫生机构');
    await docScreenshot(page, 'dept-wide-fields');
    await page.getByTestId('tab-deptWide').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => field('functions').inputValue()).toBe('');
    await expect.poll(modified).not.toBe('已保存');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => field('functions').inputValue()).toBe('负责全县卫生健康工作\n指导基层医疗卫生机构');
  });

  it('a find hit in it focuses the field and selects it', async () => {
    await tasks.cell(0, 'content').click();
    await page.keyboard.press('Control+H');
    await panel().waitFor();
    await panel().getByTestId('find-query').fill('基层医疗');
    const hit = panel().getByTestId('find-hit').filter({ hasText: '部门职能职责概述' });
    await expect.poll(() => hit.count()).toBe(1);
    await hit.click();
    await expect.poll(activeTestId).toBe('dept-functions');
    expect(await selectedText()).toBe('负责全县卫生健康工作\n指导基层医疗卫生机构');
    await panel().press('Escape');
  });
});

describe('一级/二级 of the table’s indicators', () => {
  it('offer the profile’s vocabulary, as in a project’s indicator grid', async () => {
    const options = inds.host.locator('.cell-options .cell-option');
    await inds.cell(0, 'level1').click();
    await expect.poll(() => inds.active()).toBe('0,level1');
    await page.keyboard.press('F2');
    await expect.poll(() => options.allTextContents()).toEqual(['产出指标', '效益指标', '满意度指标']);
    await page.keyboard.press('Escape');
    await inds.cell(0, 'level2').click();
    await expect.poll(() => inds.active()).toBe('0,level2');
    await page.keyboard.press('F2');
    await expect.poll(() => options.allTextContents()).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    await page.keyboard.press('Escape');
    expect(h.problems).toEqual([]);
  });
});
