// 文档设置 switches a document's profile (issue 18): the dialog says what changes before it happens
// (values split into parts, columns the new form does not print — kept in the document); the grid
// shows the new form's columns; one Ctrl+Z switches back.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let g: GridDriver;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  await page.goto(h.host.url);
  g = await gridDriver(page, 'project-indicator-grid');
});
harnessHooks(() => h);

const headers = () => g.host.locator('.ag-header-cell-text').allTextContents();

describe('switching the profile in 文档设置', () => {
  it('文档设置 switches a Hebei document to the structured form with a preview; one Ctrl+Z switches back', async () => {
    const laishui = copySeeds(h).find((f) => f.includes('laishui-2020-a'))!;
    await openThroughUi(page, laishui);
    await page.getByTestId('tab-projects').click();
    await g.cell(0, 'name').waitFor();
    const hebei = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
    expect(await headers()).toEqual(hebei);
    const value0 = await g.text(0, 'value');
    await page.getByTestId('tb-settings').click();
    await page.getByTestId('settings-template').selectOption('structured-project');
    const preview = page.getByTestId('settings-switch-preview');
    await expect.poll(() => preview.textContent()).toMatch(/三格显示：\d+ 个可拆分/);
    expect(await preview.textContent()).toMatch(/新表式没有“指标值确定依据”列：\d+ 个单元格的内容不显示、不打印，但仍保存在文档中/);
    await docScreenshot(page, 'profile-switch-preview', page.getByTestId('settings-dialog'));
    await page.getByTestId('settings-ok').click();
    await expect.poll(headers).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '评（扣）分标准']);
    expect(await g.text(0, 'operator') + await g.text(0, 'number') + await g.text(0, 'unit')).toBe(value0);
    await g.cell(0, 'name').click();
    await page.keyboard.press('Control+z');
    await expect.poll(headers).toEqual(hebei);
    expect(await g.text(0, 'value')).toBe(value0);
  });
});
