// The project header block follows the document's profile (issue 18): a structured (一体化) document
// shows 单位名称 | 项目名称 | 预算数 | 年度目标, a 88号 one 项目名称 | 主管部门 | 实施单位 … 项目资金（万元）…
// 总体目标 | 年度目标, in the order and with the labels its export prints; required fields carry ＊.
// Text typed through the input method and Tab lands in the field's model field; an amount typed in
// 元 in a 万元 document is converted with a note, `abc` is refused at the field; one Ctrl+Z undoes an
// edit; fields the form does not print (项目编码) are not shown and stay in the file. 文档设置 ›
// 格式模板 switches the block (its preview names the header fields the new form does not show);
// Hebei documents keep the Hebei block.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDocument, newProject, newProjectIndicator, type JixiaoDocument, type Project } from '../../src-shared/model';
import { copySeeds, docScreenshot, harnessHooks, openThroughUi, startHarness, type Harness } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let ime: GridDriver;

const indicators = () => [
  newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '受益学生人数', value: '≥3200人' }),
  newProjectIndicator({ level1: '效益指标', level2: '社会效益指标', name: '学生营养状况', value: '明显改善' }),
  newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '家长满意度', value: '≥90%' }),
];

/** A one-project document of `templateId` written to the harness's documents folder. */
function writeDoc(name: string, templateId: string, project: Partial<Project>): string {
  const doc = newDocument({ templateId, deptName: '某县教育局', year: 2027 });
  doc.projects = [newProject(templateId, { name: '义务教育学生营养改善计划', code: '130000-001', indicators: indicators(), ...project })];
  const path = join(h.dir, 'docs', `${name}.jixiao`);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}
const saved = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as JixiaoDocument).projects[0];

const form = () => page.getByTestId('project-form');
const header = () => page.getByTestId('project-header');
const input = (field: string) => form().locator(`[data-field="${field}"]`);
/** The header's labels in reading order (row labels and, in the money block, the amounts' own). */
const labels = () => header().locator('th, td.sub').allTextContents();
const fields = () => header().locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? null);
const modified = () => page.getByTestId('status-modified').textContent();
const messages = () => page.getByTestId('cell-message');

/** Labels whose text does not fit their cell (cut or wrapped onto a second line), and fields whose left edges differ per column. */
const layoutProblems = () => header().evaluate((table) => {
  const out: string[] = [];
  for (const c of Array.from(table.querySelectorAll<HTMLElement>('th, td.sub'))) {
    const range = document.createRange();
    range.selectNodeContents(c);
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    if (c.scrollWidth > c.clientWidth || lines > 1) out.push(`cut: ${c.textContent}`);
  }
  // Every field of a label row starts at one x; every amount of the money block at another.
  const lefts = (sel: string) => new Set(Array.from(table.querySelectorAll<HTMLElement>(sel)).map((e) => Math.round(e.getBoundingClientRect().left)));
  if (lefts('th + td > .field').size > 1) out.push('label-row fields not aligned');
  if (lefts('td.sub + td > .field').size > 1) out.push('amounts not aligned');
  return out;
});

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
  page = h.page;
  await page.goto(h.host.url);
  ime = await gridDriver(page, 'project-indicator-grid'); // its CDP input method works on any focused field
});
harnessHooks(() => h);

async function openProjects(path: string): Promise<void> {
  await openThroughUi(page, path);
  await page.getByTestId('tab-projects').click();
  await form().waitFor();
}

describe('the project header block of a structured (一体化) document', () => {
  let path: string;
  beforeAll(async () => {
    path = writeDoc('一体化-表头', 'structured-project', { implementer: '某县教育局', budget: '120', fiscal: '100', other: '20', goal: '保障农村义务教育学生营养膳食。', purpose: '用于学生营养餐补助。' });
    await openProjects(path);
  });

  it('shows 单位名称 | 项目名称 | 预算数 | 年度目标 in the profile order, required ones marked; nothing of the Hebei block', async () => {
    await header().waitFor();
    expect(await labels()).toEqual(['单位名称＊', '项目名称＊', '预算数＊', '年度目标＊']);
    expect(await fields()).toEqual(['implementer', 'name', 'budget', 'goal']);
    expect(await input('implementer').inputValue()).toBe('某县教育局');
    expect(await input('budget').inputValue()).toBe('120.00');
    expect(await input('goal').inputValue()).toBe('保障农村义务教育学生营养膳食。');
    expect(await input('name').getAttribute('aria-required')).toBe('true');
    // what the structured form does not print is not shown (项目编码, 其中：财政资金, 资金用途, 资金支出计划)
    for (const f of ['code', 'fiscal', 'other', 'purpose', 'schedule.0']) expect(await input(f).count()).toBe(0);
    expect(await form().locator('.form-table').textContent()).not.toMatch(/项目编码|资金支出计划|预算规模/);
    expect(await layoutProblems()).toEqual([]);
    await docScreenshot(page, 'project-header-structured', form());
  });

  it('an edit of 单位名称 through the input method is one undo step; fields not shown stay in the file', async () => {
    await input('implementer').click();
    await input('implementer').fill('');
    await ime.imeCompose('xian');
    await ime.imeCommit('某县第一中学');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('name');
    await expect.poll(() => page.getByTestId('project-item').first().textContent()).toContain('义务教育学生营养改善计划');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
    const p = saved(path);
    expect([p.implementer, p.name, p.code, p.fiscal, p.other, p.purpose]).toEqual(['某县第一中学', '义务教育学生营养改善计划', '130000-001', '100', '20', '用于学生营养餐补助。']);
    await form().locator('.project-heading').click(); // out of the field: Ctrl+Z is the document's
    await page.keyboard.press('Control+Z');
    await expect.poll(() => input('implementer').inputValue()).toBe('某县教育局');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
    expect(saved(path).implementer).toBe('某县教育局');
  });
});

describe('the project header block of a 88号 document', () => {
  let path: string;
  beforeAll(async () => {
    path = writeDoc('88号-表头', 'national-88-project', { implementer: '某县第一中学', budget: '120', fiscal: '100', other: '20', goal: '保障农村义务教育学生营养膳食。', period: '2025—2027年' });
    await openProjects(path);
  });

  it('shows 主管部门, 实施单位, 项目属性, 项目期, the amounts under 项目资金（万元）, 总体目标 and 年度目标', async () => {
    await header().waitFor();
    expect(await labels()).toEqual([
      '项目名称＊', '主管部门＊', '实施单位＊', '项目负责人及电话', '项目属性', '项目期',
      '项目资金（万元）', '中期资金总额', '年度资金总额＊', '其中：财政拨款', '其他资金', '总体目标', '年度目标＊',
    ]);
    expect(await fields()).toEqual(['name', 'authority', 'implementer', 'manager', 'attribute', 'period', 'midTermTotal', 'budget', 'fiscal', 'other', 'overallGoal', 'goal']);
    expect([await input('period').inputValue(), await input('budget').inputValue(), await input('fiscal').inputValue(), await input('midTermTotal').inputValue()])
      .toEqual(['2025—2027年', '120.00', '100.00', '']);
    expect(await input('code').count()).toBe(0);
    expect(await layoutProblems()).toEqual([]);
    await docScreenshot(page, 'project-header-88', form());
  });

  it('主管部门 typed through the input method, then Tab: stored in `authority`; Ctrl+Z undoes it', async () => {
    await input('authority').click();
    await ime.imeCompose('jiaoyu');
    await ime.imeCommit('某县教育局');
    await expect.poll(() => input('authority').inputValue()).toBe('某县教育局');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('implementer');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
    expect(saved(path).authority).toBe('某县教育局');
    expect(saved(path).implementer).toBe('某县第一中学');
    await form().locator('.project-heading').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => input('authority').inputValue()).toBe('');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
    expect(saved(path).authority ?? '').toBe('');
  });

  it('中期资金总额: 50000元 is stored as 5 万元 with a note; abc gets the message at the field; Ctrl+Z undoes', async () => {
    const mid = input('midTermTotal');
    await mid.click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await expect.poll(() => messages().count()).toBe(1);
    expect(await messages().textContent()).toContain('“abc”不是有效的金额');
    const [box, at] = [await messages().boundingBox(), await mid.boundingBox()];
    expect(Math.abs(box!.x - at!.x)).toBeLessThan(8);
    await page.keyboard.press('Escape'); // 取消: the value as it was
    await expect.poll(() => messages().count()).toBe(0);
    await expect.poll(() => mid.inputValue()).toBe('');

    await mid.click();
    await page.keyboard.type('50000');
    await ime.imeCompose('yuan');
    await ime.imeCommit('元');
    await expect.poll(() => mid.inputValue()).toBe('50000元');
    await page.keyboard.press('Tab');
    await expect.poll(() => mid.inputValue()).toBe('5.00');
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('已按万元换算：50000元 = 5万元');
    await expect.poll(focused).toBe('budget');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
    expect(saved(path).midTermTotal).toBe('5');
    await form().locator('.project-heading').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => mid.inputValue()).toBe('');
    expect(await input('budget').inputValue()).toBe('120.00');
    await page.keyboard.press('Control+S');
    await expect.poll(modified).toBe('已保存');
  });
});

describe('文档设置 › 格式模板 switches the header block', () => {
  it('a Hebei document keeps the Hebei block; switched to 88号 it shows that form’s fields; Ctrl+Z switches back', async () => {
    const laishui = copySeeds(h).find((f) => f.includes('laishui-2020-a'))!;
    await openProjects(laishui);
    const hebeiText = await form().locator('.form-table').textContent();
    expect(hebeiText).toMatch(/项目编码.*项目名称.*预算规模及资金用途.*资金支出计划/);
    expect(await header().count()).toBe(0);
    const code = await input('code').inputValue();
    expect(code).not.toBe('');
    const name = await input('name').inputValue();

    await page.getByTestId('tb-settings').click();
    await page.getByTestId('settings-template').selectOption('national-88-project');
    // the preview says what leaves the header block (and stays in the document)
    await expect.poll(() => page.getByTestId('settings-switch-preview').textContent())
      .toMatch(/新表式的项目表头没有“项目编码”：\d+ 个项目填写的内容不显示、不打印，但仍保存在文档中/);
    await page.getByTestId('settings-ok').click();
    await expect.poll(() => header().count()).toBe(1);
    expect((await labels()).slice(0, 3)).toEqual(['项目名称＊', '主管部门＊', '实施单位＊']);
    expect(await input('name').inputValue()).toBe(name);
    expect(await input('code').count()).toBe(0);
    expect(await input('schedule.0').count()).toBe(0);
    expect(await layoutProblems()).toEqual([]);

    await form().locator('.project-heading').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => header().count()).toBe(0);
    expect(await input('code').inputValue()).toBe(code);
    expect(await form().locator('.form-table').textContent()).toBe(hebeiText);
    expect(h.problems).toEqual([]);
  });
});
