// The project indicator grid of a structured (一体化) profile, as a clerk meets it (issue 18/19): the
// profile's columns; typing `≥95%` into 指标值 fills 指标性质 | 指标值 | 度量单位 as one undo step;
// 指标性质 offers its choices; 权重 summed live, red when off the profile's total; an empty
// 评（扣）分标准 shows its draft grey and Tab takes it (one undo step).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDocument, newProject, newProjectIndicator } from '../../src-shared/model';
import { docScreenshot, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let g: GridDriver;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  const doc = newDocument({ templateId: 'structured-project', deptName: '某县教育局', year: 2027 });
  doc.projects = [newProject('structured-project', {
    name: '义务教育学生营养改善计划', code: '130000-001', implementer: '某县教育局', budget: '120.00', fiscal: '120.00', goal: '保障农村义务教育学生营养膳食。',
    indicators: [
      newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '受益学生人数', value: '≥3200人', operator: '≥', number: '3200', unit: '人', weight: '20', direction: '正向' }),
      newProjectIndicator({ level1: '产出指标', level2: '质量指标', name: '供餐覆盖率', value: '', weight: '20', direction: '正向' }),
      newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '学生营养状况改善', value: '明显改善', operator: '定性', number: '明显改善', unit: '', weight: '30', direction: '正向' }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '家长满意度', value: '≥90%', operator: '≥', number: '90', unit: '%', weight: '10', direction: '正向', scoring: '满意度≥90%得满分。' }),
    ],
  })];
  const path = join(h.dir, 'docs', '一体化-营养改善.jixiao');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  await page.goto(h.host.url);
  await openThroughUi(page, path);
  await page.getByTestId('tab-projects').click();
  g = await gridDriver(page, 'project-indicator-grid');
  await g.cell(0, 'name').waitFor();
});
harnessHooks(() => h);

const headers = () => g.host.locator('.ag-header-cell-text').allTextContents();
const draftIn = (row: number) => g.cell(row, 'scoring').evaluate((el) => el.querySelector('[data-draft]')?.getAttribute('data-draft') ?? null);
const sum = (key: string) => page.getByTestId(`weight-sum-${key}`);

describe('structured project indicator grid', () => {
  it('shows the profile columns, the parts in their own cells and the live 权重 sums', async () => {
    expect(await headers()).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '评（扣）分标准']);
    expect([await g.text(0, 'operator'), await g.text(0, 'number'), await g.text(0, 'unit'), await g.text(0, 'weight'), await g.text(0, 'direction')]).toEqual(['≥', '3200', '人', '20', '正向']);
    expect(await sum('total').textContent()).toBe('权重合计 80 / 90');
    expect(await sum('total').getAttribute('class')).toContain('mismatch');
    expect(await sum('产出指标').textContent()).toBe('产出指标 40 / 50');
    expect(await sum('满意度指标').getAttribute('class')).not.toContain('mismatch');
    await expect.poll(() => draftIn(0)).toMatch(/3200/);
    await docScreenshot(page, 'structured-grid');
  });

  it('typing ≥95% into 指标值 fills 指标性质, 指标值 and 度量单位 as one undo step', async () => {
    await g.cell(1, 'number').click();
    await expect.poll(() => g.active()).toBe('1,number');
    await page.keyboard.type('≥95%');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(1, 'number')).toBe('95');
    expect([await g.text(1, 'operator'), await g.text(1, 'unit')]).toEqual(['≥', '%']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => g.text(1, 'number')).toBe('');
    expect([await g.text(1, 'operator'), await g.text(1, 'unit')]).toEqual(['', '']);
    await page.keyboard.press('Control+y');
    await expect.poll(() => g.text(1, 'operator')).toBe('≥');
  });

  it('指标性质 lists its choices and refuses others with a reason; 权重 edits update the sums', async () => {
    await g.cell(0, 'operator').click();
    await page.keyboard.press('F2');
    await expect.poll(() => g.mode()).toBe('edit');
    await expect.poll(() => g.host.locator('.cell-options .cell-option').allTextContents()).toEqual(['≥', '≤', '=', '>', '<', '区间', '定性']);
    await page.keyboard.press('Escape');
    await g.cell(0, 'direction').click();
    await page.keyboard.type('向上');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-message').textContent()).toContain('“向上”不是可选的指标方向');
    await page.keyboard.press('Escape'); // 取消: the old value, the document untouched
    await expect.poll(() => page.getByTestId('cell-message').count()).toBe(0);
    expect(await g.text(0, 'direction')).toBe('正向');

    await g.cell(0, 'weight').click();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect.poll(() => sum('total').textContent()).toBe('权重合计 90 / 90');
    expect(await sum('total').getAttribute('class')).not.toContain('mismatch');
    expect(await sum('产出指标').textContent()).toBe('产出指标 50 / 50');
  });

  it('an empty 评（扣）分标准 shows its draft grey; Tab takes it as one undo step', async () => {
    await expect.poll(() => draftIn(0)).toMatch(/3200/);
    const draft = (await draftIn(0))!;
    expect(await g.text(0, 'scoring')).toBe('');
    expect(await draftIn(3)).toBeNull(); // typed: no draft
    await g.cell(0, 'scoring').click();
    await expect.poll(() => g.active()).toBe('0,scoring');
    await page.keyboard.press('Tab');
    await expect.poll(() => g.text(0, 'scoring')).toBe(draft);
    expect(await draftIn(0)).toBeNull();
    await page.keyboard.press('Control+z');
    await expect.poll(() => draftIn(0)).toBe(draft);
    expect(await g.text(0, 'scoring')).toBe('');
    expect(h.problems).toEqual([]);
  });

});
