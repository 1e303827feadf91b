// The department-wide tab (部门（单位）整体支出绩效目标表, issue 18) takes part in what the other tables
// have: 查找和替换 (当前表 on its tab, 全文 with it; a hit selects its cell; one Ctrl+Z), the 审核结果
// (a click on a finding opens the tab at the cell), the 指标库 (insert into its indicators) and a
// paste taller than the task rows (rows added, amounts converted with a note or refused with the
// reason) — in the real renderer in Debian's Chromium.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDeptTask, newDeptWide, newDocument, newProject, newProjectIndicator, type JixiaoDocument } from '../../src-shared/model';
import { docScreenshot, startHarness, type Harness, textsOf, harnessHooks } from './harness';
import { openDeptWide, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let tasks: GridDriver;
let inds: GridDriver;
let path: string;
let original: JixiaoDocument;

const FROM = '2026';
/** Cells of the department-wide table holding FROM, counted from the document, not by src-shared/find. */
let deptCellsWithFrom = 0;
let allCellsWithFrom = 0;

const panel = () => page.getByTestId('find-panel');
const status = () => panel().getByTestId('find-status').textContent();
const hitItems = () => panel().getByTestId('find-hit');
const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const rowCount = async (grid: GridDriver) => Number(await grid.host.locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
const saved = (): JixiaoDocument => JSON.parse(readFileSync(path, 'utf8'));

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.host.url).origin });
  const doc = newDocument({ templateId: 'national-88-dept', deptName: '某县卫生健康局', year: 2027 });
  doc.deptWide = newDeptWide({
    goal: `落实${FROM}年基本公共卫生服务`,
    total: '100', // the task says 120: one 审核 finding at 金额合计
    tasks: [newDeptTask({ name: `公共卫生服务${FROM}`, content: '家庭医生签约', total: '120', fiscal: '100', other: '20' })],
    indicators: [
      newProjectIndicator({ level1: '产出', level2: '数量指标', name: '签约人数', value: `≥${FROM}人`, remark: `${FROM}年口径` }),
      newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '签约覆盖率', value: '≥95%' }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '签约居民满意度', value: '≥90%' }),
    ],
  });
  doc.projects.push(newProject('national-88-dept', { name: `${FROM}年基层医疗项目`, authority: '某县卫生健康局', implementer: '某县卫生健康局', budget: '10', goal: '目标', indicators: [] }));
  original = doc;
  deptCellsWithFrom = textsOf(doc.deptWide).filter((t) => t.includes(FROM)).length;
  allCellsWithFrom = textsOf([doc.deptWide, doc.projects]).filter((t) => t.includes(FROM)).length;
  ({ path, tasks, inds } = await openDeptWide(h, doc, '部门整体编辑.jixiao', 0, `公共卫生服务${FROM}`));
});
harnessHooks(() => h);

describe('查找和替换 on the department-wide tab', () => {
  it('当前表 searches the tab’s table, 全文 includes it; a click on a hit selects its cell there', async () => {
    expect(deptCellsWithFrom).toBe(4);
    await tasks.cell(0, 'content').click();
    await page.keyboard.press('Control+H');
    await panel().waitFor();
    await panel().getByTestId('find-query').fill(FROM);
    await expect.poll(status).toBe(`找到 ${allCellsWithFrom} 个单元格`);
    await panel().getByTestId('find-scope-current').check();
    await expect.poll(status).toBe(`找到 ${deptCellsWithFrom} 个单元格`);
    expect(await hitItems().locator('.where').allTextContents()).toEqual([
      `部门整体 › 年度主要任务 › 公共卫生服务${FROM} › 任务名称`,
      '部门整体 › 年度总体目标',
      '部门整体 › 产出 › 签约人数 › 指标值',
      '部门整体 › 产出 › 签约人数 › 备注',
    ]);
    await hitItems().filter({ hasText: '› 备注' }).click();
    await expect.poll(() => inds.active()).toBe('0,remark');
    await expect.poll(() => inds.hasFocus()).toBe(true);
    await hitItems().filter({ hasText: '› 任务名称' }).click();
    await expect.poll(() => tasks.active()).toBe('0,name');
    await expect.poll(() => tasks.hasFocus()).toBe(true);
    await hitItems().filter({ hasText: '年度总体目标' }).click();
    await expect.poll(activeTestId).toBe('dept-goal');
  });

  it('全部替换 changes every cell of the table as one step; Ctrl+Z restores them all', async () => {
    await panel().getByTestId('find-replacement').fill('2027');
    await panel().getByTestId('replace-all').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toBe(`已替换 ${deptCellsWithFrom} 处`);
    await expect.poll(status).toBe('没有找到');
    await expect.poll(() => tasks.text(0, 'name')).toBe('公共卫生服务2027');
    await expect.poll(() => inds.text(0, 'remark')).toBe('2027年口径');
    await expect.poll(() => inds.text(0, 'value')).toBe('≥2027人');
    await expect.poll(() => page.getByTestId('dept-goal').inputValue()).toBe('落实2027年基本公共卫生服务');
    // the project is another table: 全文 still finds it
    await panel().getByTestId('find-scope-all').check();
    await expect.poll(status).toBe('找到 1 个单元格');
    await docScreenshot(page, 'dept-wide-find');

    await page.getByTestId('tab-deptWide').click(); // out of the text boxes: Ctrl+Z is the document's
    await page.keyboard.press('Control+Z');
    await expect.poll(status).toBe(`找到 ${allCellsWithFrom} 个单元格`);
    await expect.poll(() => tasks.text(0, 'name')).toBe(`公共卫生服务${FROM}`);
    await expect.poll(() => inds.text(0, 'remark')).toBe(`${FROM}年口径`);
    await expect.poll(() => page.getByTestId('dept-goal').inputValue()).toBe(`落实${FROM}年基本公共卫生服务`);
  });

  it('an amount takes a replacement as typed: 元 converted into 万元 with a note; a percent is refused', async () => {
    await panel().getByTestId('find-scope-current').check();
    await panel().getByTestId('find-whole-cell').check();
    await panel().getByTestId('find-query').fill('120.00');
    await expect.poll(status).toBe('找到 1 个单元格');
    expect(await hitItems().locator('.where').textContent()).toBe(`部门整体 › 年度主要任务 › 公共卫生服务${FROM} › 总额金额`);
    await panel().getByTestId('find-replacement').fill('25%');
    await panel().getByTestId('replace-all').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toMatch(/^没有替换任何内容；1 个单元格未替换/);
    expect(await tasks.text(0, 'total')).toBe('120.00');
    await panel().getByTestId('find-replacement').fill('1500000元');
    await panel().getByTestId('replace-all').click();
    await expect.poll(() => panel().getByTestId('find-message').textContent()).toBe('已替换 1 处；已按万元换算 1 个金额：1500000元 = 150万元');
    await expect.poll(() => tasks.text(0, 'total')).toBe('150.00');
    await expect.poll(() => page.getByTestId('dept-task-sum').textContent()).toContain('各任务总额之和 = 150.00 万元');
    await page.getByTestId('tab-deptWide').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => tasks.text(0, 'total')).toBe('120.00');
    await panel().getByTestId('find-whole-cell').uncheck();
    await panel().press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    expect(h.problems).toEqual([]);
  });
});

describe('审核结果 of the department-wide table', () => {
  it('its findings are grouped under the table; a click opens the tab at the cell', async () => {
    await page.getByTestId('tab-duty').click();
    const findings = page.getByTestId('findings-panel');
    await findings.waitFor();
    const group = findings.locator('.finding-group', { has: page.locator('h3', { hasText: '部门整体绩效目标表' }) });
    await expect.poll(() => group.getByTestId('finding').count()).toBeGreaterThanOrEqual(2);
    const level1 = group.getByTestId('finding').filter({ hasText: '一级指标“产出”不在模板' });
    expect(await level1.count()).toBe(1); // one cause, one finding
    await level1.click();
    await expect.poll(() => page.getByTestId('tab-deptWide').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => inds.active()).toBe('0,level1');
    await expect.poll(() => inds.hasFocus()).toBe(true);
    await expect.poll(() => inds.cell(0, 'level1').getAttribute('class')).toContain('cell-error');

    await page.getByTestId('tab-projects').click();
    await group.locator('[data-code="deptwide.tasks-sum"]').click();
    await expect.poll(() => page.getByTestId('tab-deptWide').getAttribute('aria-selected')).toBe('true');
    await expect.poll(activeTestId).toBe('dept-total');
    expect(await page.getByTestId('dept-total').getAttribute('class')).toContain('cell-error');
    expect(await page.getByTestId('dept-total').getAttribute('title')).toBe('错误：年度主要任务的预算金额合计为 120，与金额合计 100 不符，请核对');
    await docScreenshot(page, 'dept-wide-findings');
  });
});

describe('指标库 on the department-wide tab', () => {
  it('inserts the ticked entries into the table’s indicators as one undo step', async () => {
    await page.getByTestId('tab-deptWide').click();
    const before = await rowCount(inds);
    expect(before).toBe(3);
    await page.getByTestId('tb-library').click();
    const lib = page.getByTestId('library-panel');
    await lib.waitFor();
    await lib.getByTestId('library-search').fill('群众满意度');
    const entry = lib.getByTestId('library-entry').filter({ has: page.locator('.entry-name', { hasText: /^群众满意度(内置)?$/ }) }).first();
    await entry.click();
    await lib.getByTestId('library-insert').filter({ hasText: '插入所选（1）' }).click();
    await expect.poll(() => rowCount(inds)).toBe(before + 1);
    await expect.poll(() => inds.active()).toBe(`${before},name`);
    await expect.poll(() => inds.text(before, 'name')).toBe('群众满意度');
    await expect.poll(() => inds.text(before, 'value')).toBe('≥90%');
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('已插入 1 个指标到部门整体绩效目标表');
    await page.keyboard.press('Control+S');
    await expect.poll(() => saved().deptWide!.indicators.map((i) => i.name)).toEqual(['签约人数', '签约覆盖率', '签约居民满意度', '群众满意度']);
    expect(saved().deptWide!.indicators[3]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });

    await page.getByTestId('tab-deptWide').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rowCount(inds)).toBe(before);
    await page.getByTestId('tb-library').click(); // closed again
  });
});

describe('paste into the task grid', () => {
  it('a 3-row block into a 1-row grid adds the rows; 元 converted with a note, a non-amount left out with the reason', async () => {
    expect(await rowCount(tasks)).toBe(1);
    await tasks.cell(0, 'name').click();
    await expect.poll(() => tasks.active()).toBe('0,name');
    const block = [
      '公共卫生服务\t家庭医生签约\t120\t100\t20',
      '疾病预防控制\t免疫规划\t500000元\t50\t',
      '卫生监督\t执法检查\tabc\t\t',
    ].join('\r\n') + '\r\n';
    await page.evaluate((t) => navigator.clipboard.writeText(t), block);
    await page.keyboard.press('Control+V');
    await expect.poll(() => rowCount(tasks)).toBe(3);
    await expect.poll(() => tasks.text(1, 'name')).toBe('疾病预防控制');
    await expect.poll(() => tasks.text(1, 'total')).toBe('50.00');
    await expect.poll(() => tasks.text(2, 'content')).toBe('执法检查');
    expect(await tasks.text(2, 'total')).toBe('');
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/^已粘贴 3 行 × 5 列；已按万元换算 1 个金额：500000元 = 50万元；1 个单元格未粘贴：“abc”不是有效的金额/);
    await expect.poll(() => page.getByTestId('dept-task-sum').textContent()).toContain('各任务总额之和 = 170.00 万元');
    await docScreenshot(page, 'dept-wide-paste');
    await page.keyboard.press('Control+Z'); // one step: the rows and their cells
    await expect.poll(() => rowCount(tasks)).toBe(1);
    await expect.poll(() => tasks.text(0, 'name')).toBe(`公共卫生服务${FROM}`);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByTestId('status-modified').textContent()).toBe('已保存');
    expect(saved().deptWide).toEqual(original.deptWide);
    expect(h.problems).toEqual([]);
  });
});
