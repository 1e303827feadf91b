// The department-wide table (部门（单位）整体支出绩效目标表, issue 18) in a document of the national
// 88号 department form: its own tab; 年度主要任务 rows inserted and typed like any grid (one undo step
// each); the tasks' 总额 added up beside 金额合计, red when they differ; 年度总体目标; its indicators.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDocument } from '../../src-shared/model';
import { docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let tasks: GridDriver;
let inds: GridDriver;
let path: string;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  path = join(h.dir, 'docs', '部门整体.jixiao');
  writeFileSync(path, JSON.stringify(newDocument({ templateId: 'national-88-dept', deptName: '某县卫生健康局', year: 2027 }), null, 2));
  await page.goto(h.host.url);
  await openThroughUi(page, path);
  tasks = await gridDriver(page, 'dept-task-grid');
  inds = await gridDriver(page, 'dept-indicator-grid');
});
harnessHooks(() => h);

describe('department-wide tab', () => {
  it('年度主要任务: insert, type name and amounts, 金额合计 compared live; Ctrl+Z undoes one step', async () => {
    await page.getByTestId('tab-deptWide').click();
    await tasks.host.waitFor();
    expect(await tasks.host.locator('.ag-header-cell-text').allTextContents()).toEqual(['任务名称', '主要内容', '总额', '财政拨款', '其他资金']);
    await page.getByTestId('task-insert-below').click();
    await expect.poll(() => tasks.active()).toBe('0,name');
    await tasks.imeCompose('gonggong');
    await tasks.imeCommit('公共卫生服务');
    await page.keyboard.press('Tab');
    await expect.poll(() => tasks.text(0, 'name')).toBe('公共卫生服务');
    await page.keyboard.press('Tab');
    await expect.poll(() => tasks.active()).toBe('0,total');
    await page.keyboard.type('120.5');
    await page.keyboard.press('Tab');
    await expect.poll(() => tasks.text(0, 'total')).toBe('120.50');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-message').textContent()).toContain('“abc”不是有效的金额');
    await page.keyboard.press('Escape'); // 取消
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(0);
    expect(await tasks.text(0, 'fiscal')).toBe('');
    await expect.poll(() => page.getByTestId('dept-task-sum').textContent()).toBe('各任务总额之和 = 120.50 万元');

    await page.getByTestId('dept-total').fill('100');
    await page.getByTestId('dept-goal').click(); // blur commits 金额合计
    await expect.poll(() => page.getByTestId('dept-task-sum').textContent()).toContain('与金额合计 100.00 不一致');
    await page.getByTestId('dept-goal').fill('提升基本公共卫生服务均等化水平。');
    await page.getByTestId('dept-total').click();
    await expect.poll(() => page.getByTestId('dept-goal').inputValue()).toBe('提升基本公共卫生服务均等化水平。');
    await docScreenshot(page, 'dept-wide');

    await tasks.cell(0, 'total').click();
    await page.keyboard.press('Control+z'); // the goal
    await expect.poll(() => page.getByTestId('dept-goal').inputValue()).toBe('');
    await page.keyboard.press('Control+z'); // 金额合计
    await expect.poll(() => page.getByTestId('dept-task-sum').textContent()).toBe('各任务总额之和 = 120.50 万元');
    await page.keyboard.press('Control+z'); // 总额
    await expect.poll(() => tasks.text(0, 'total')).toBe('');
    expect(await tasks.text(0, 'name')).toBe('公共卫生服务');
  });

  it('its indicators in the form’s columns; typed values are kept and saved in deptWide', async () => {
    expect(await inds.host.locator('.ag-header-cell-text').allTextContents()).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '备注']);
    await inds.host.scrollIntoViewIfNeeded();
    await page.getByTestId('dept-indicator-grid').locator('..').getByTestId('pi-insert-below').click();
    await expect.poll(() => inds.active()).toBe('0,level1');
    await expect.poll(() => inds.hasFocus()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => inds.active()).toBe('0,level2');
    await page.keyboard.press('Tab');
    await expect.poll(() => inds.active()).toBe('0,name');
    await inds.imeCompose('fugai');
    await inds.imeCommit('家庭医生签约覆盖率');
    await page.keyboard.press('Tab');
    await page.keyboard.type('≥75%');
    await page.keyboard.press('Enter');
    await expect.poll(() => inds.text(0, 'value')).toBe('≥75%');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => {
      const saved = JSON.parse((await import('node:fs')).readFileSync(path, 'utf8'));
      return saved.deptWide?.indicators?.[0]?.value ?? null;
    }).toBe('≥75%');
    expect(h.problems).toEqual([]);
  });
});
