// End-to-end: the 绩效自评 tab of a document whose self-evaluation form is the structured (一体化)
// one (issue 18): the indicator grid shows the profile's columns; `≥95%` typed with the IME into
// 指标值 fills 指标性质 | 指标值 | 度量单位 as one undo step; 指标性质 is chosen from its dropdown; 权重
// summed live; the fund block and the foot fields are the form's.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

const FIXTURE = join(import.meta.dirname, '../fixtures/profiles/selfeval-structured.jixiao');

let h: Harness;
let page: Page;
let g: GridDriver;
const field = (name: string) => page.locator(`[data-testid="selfeval-form"] [data-field="${name}"]`);
const sum = (key: string) => page.getByTestId(`weight-sum-${key}`);
const parts = (row: number) => Promise.all(['operator', 'target', 'unit'].map((c) => g.text(row, c)));

beforeAll(async () => {
  if (!existsSync(join(import.meta.dirname, '../../dist/renderer/index.html'))) throw new Error('先运行 npm run build:web（npm test 会自动构建）');
  h = await startHarness({ viewport: { width: 1600, height: 1000 } });
  page = h.page;
  const path = join(h.dir, 'docs', '一体化自评.jixiao');
  copyFileSync(FIXTURE, path);
  await page.goto(h.host.url);
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.host.url).origin });
  await openThroughUi(page, path);
  await page.getByTestId('tab-selfeval').click();
  await page.getByTestId('project-item').first().click();
  g = await gridDriver(page, 'selfeval-indicator-grid');
  await g.cell(0, 'name').waitFor();
});
harnessHooks(() => h);

describe('the structured self-evaluation in the 绩效自评 tab', () => {
  it('shows the profile columns in order, the parts in their own cells, the fund block and the foot fields', async () => {
    const headers = await g.host.locator('.ag-header-cell-text').allTextContents();
    expect(headers.slice(0, 10)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
    expect(headers.slice(10)).toEqual(['完成情况', '计算得分']);
    expect(await parts(0)).toEqual(['≥', '10000', '亩']);
    expect(await parts(4)).toEqual(['定性', '明显改善', '']);
    expect([await g.text(0, 'actual'), await g.text(0, 'weight'), await g.text(0, 'score')]).toEqual(['10200', '30', '30']);
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 90 / 90');
    expect(await sum('产出指标').textContent()).toBe('产出指标 60 / 60');
    expect(await sum('total').getAttribute('class')).not.toContain('mismatch');

    // 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 over 总额 … 其他资金
    const head = await page.getByTestId('se-fund-head').locator('td').allTextContents();
    expect(head).toEqual(['', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因']);
    const rows = await Promise.all(['total', 'fiscal', 'fiscalSpecial', 'unitOwn', 'other'].map((r) => page.getByTestId(`se-fund-${r}`).locator('td.sub').textContent()));
    expect(rows).toEqual(['总额', '其中：财政资金', '财政专户管理资金', '单位资金', '其他资金']);
    expect(await field('selfeval.funds.planned.unitOwn').inputValue()).toBe('20.00');
    expect(await field('selfeval.progressByRow.unitOwn').inputValue()).toBe('90%');
    expect(await field('selfeval.fundsReason').inputValue()).toBe('部分工程尾款按合同约定于2024年支付。');
    expect(await field('selfeval.conclusion').inputValue()).toBe('项目总体完成情况良好，自评得分96.5分，等级为优。');
    expect(await field('selfeval.measures').inputValue()).toBe('加快配套设施建设，加强项目后期管护。');
    expect([await field('selfeval.manager').inputValue(), await field('selfeval.financeManager').inputValue()]).toEqual(['王军', '赵丽']);
    await docScreenshot(page, 'selfeval-structured-tab');
    await page.locator('.se-summary').scrollIntoViewIfNeeded();
    await docScreenshot(page, 'selfeval-structured-foot', page.locator('.se-summary'));
  });

  it('≥95% typed with the IME into 指标值 fills the three cells as one undo step', async () => {
    await g.cell(1, 'target').click();
    await expect.poll(() => g.active()).toBe('1,target');
    await g.imeCompose('dayu');
    await g.imeCommit('≥95%');
    await page.keyboard.press('Enter');
    await expect.poll(() => parts(1)).toEqual(['≥', '95', '%']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => parts(1)).toEqual(['=', '100', '%']);
    await page.keyboard.press('Control+y');
    await expect.poll(() => parts(1)).toEqual(['≥', '95', '%']);
  });

  it('指标性质 is a dropdown (F2) with the target grid’s choices; 定性 is picked from it; Tab moves on', async () => {
    await g.cell(2, 'operator').click();
    await page.keyboard.press('F2');
    await expect.poll(() => g.mode()).toBe('edit');
    const options = g.host.locator('.cell-options .cell-option');
    await expect.poll(() => options.allTextContents()).toEqual(['≥', '≤', '=', '>', '<', '区间', '定性']);
    await options.filter({ hasText: '定性' }).click();
    await expect.poll(() => g.text(2, 'operator')).toBe('定性');
    await expect.poll(() => options.count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => g.text(2, 'operator')).toBe('≤');
    await g.cell(2, 'operator').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => g.active()).toBe('2,target');
    await page.keyboard.press('Tab');
    await expect.poll(() => g.active()).toBe('2,unit');
  });

  it('a text 指标性质 cannot take is refused at the cell; the document is unchanged', async () => {
    await g.cell(3, 'operator').click();
    await g.imeCompose('dayue');
    await g.imeCommit('大约');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-message').textContent()).toContain('“大约”不是可选的指标性质');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(0);
    expect(await g.text(3, 'operator')).toBe('≥');
  });

  it('权重 edits update the sums live; an invalid 权重 gets a cell message; 得分 through the amount rules', async () => {
    await g.cell(0, 'weight').click();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 80 / 90');
    expect(await sum('total').getAttribute('class')).toContain('mismatch');
    expect(await sum('产出指标').textContent()).toBe('产出指标 50 / 60');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 90 / 90');

    await g.cell(0, 'weight').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-message').textContent()).toContain('权重：“abc”不是有效的分数');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(0);
    expect(await g.text(0, 'weight')).toBe('30');

    await g.cell(3, 'score').click();
    await g.imeCompose('shisan');
    await g.imeCommit('十三');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(3, 'score')).toBe('13');
    await page.getByTestId('toast').filter({ hasText: '已按数字读取：十三 = 13分' }).waitFor();
  });

  it('Ctrl+V of rows copied from Excel/WPS fills the profile columns and adds rows, one undo step', async () => {
    await g.cell(5, 'level1').click();
    await expect.poll(() => g.active()).toBe('5,level1');
    const block = [
      ['满意度指标', '服务对象满意度指标', '项目区群众满意度', '≥', '92', '%', '95', '5', '5', ''],
      ['满意度指标', '服务对象满意度指标', '监理单位满意度', '≥', '90', '%', '93', '3', '3', ''],
    ].map((r) => r.join('\t')).join('\n');
    await page.evaluate((t) => navigator.clipboard.writeText(t), block);
    await page.keyboard.press('Control+V');
    await expect.poll(() => g.text(6, 'name')).toBe('监理单位满意度');
    expect(await parts(6)).toEqual(['≥', '90', '%']);
    expect(await parts(5)).toEqual(['≥', '92', '%']);
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 93 / 90');
    expect(await sum('total').getAttribute('class')).toContain('mismatch');
    await page.keyboard.press('Control+z');
    await expect.poll(() => g.host.locator('.ag-row[row-index="6"]').count()).toBe(0);
    expect(await parts(5)).toEqual(['≥', '90', '%']);
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 90 / 90');
    expect(h.problems).toEqual([]);
  });
});
