// End-to-end, as a clerk works with blocks of rows in every grid (部门职责-工作活动, 项目绩效指标,
// 绩效自评): 删除行 on a block deletes every row it touches (asked first, one undo step); a merged
// 一级/二级 cell edits its whole run while a new row's blank level cells stand alone; Ctrl+V fills
// an empty table after a click on it or on its tab; a wide paste goes in from the first column or
// says which columns it left out. Real clipboard (Ctrl+V in Chromium), real keys and IME.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, docScreenshot, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, type GridDriver } from './gridDriver';

let h: Harness;
let page: Page;
let seeds: string[];
const seed = (name: string) => seeds.find((s) => s.includes(name))!;
const undo = () => page.keyboard.press('Control+Z');
const rowCount = async (testId: string) => Number(await page.getByTestId(testId).locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
const toast = () => page.getByTestId('toast').textContent();

/** Click a cell until it is the selected one (rows may still move while the grid re-lays out). */
async function select(g: GridDriver, row: number, col: string, modifiers: ('Shift')[] = []): Promise<void> {
  await g.cell(row, col).click({ modifiers });
  if (modifiers.length) return;
  await expect.poll(async () => {
    if ((await g.active()) !== `${row},${col}`) await g.cell(row, col).click();
    return `${await g.active()} ${await g.hasFocus()}`;
  }).toBe(`${row},${col} true`);
}

/** Put text on the system clipboard (as Excel/WPS does) and press Ctrl+V. */
async function pasteKeys(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** Open a seed through the UI; the changes to the current one (all undone, still marked) are not saved. */
async function open(path: string): Promise<void> {
  await page.getByTestId('tb-open').click();
  const discard = page.getByRole('button', { name: '不保存' });
  await Promise.race([discard.waitFor(), page.getByTestId('path-dialog').waitFor()]);
  if (await discard.isVisible()) await discard.click();
  const dlg = page.getByTestId('path-dialog');
  await dlg.locator('input').fill(path);
  await dlg.getByRole('button', { name: '确定' }).click();
  await page.getByTestId('statusbar').getByText(path, { exact: true }).waitFor();
}

/** The confirmation shown before a deletion: its message; then 删除. */
async function confirmDelete(): Promise<string> {
  const dlg = page.getByTestId('confirm-dialog');
  await dlg.waitFor();
  const text = (await dlg.locator('.dialog-message').textContent()) ?? '';
  await dlg.getByRole('button', { name: '删除' }).click();
  await dlg.waitFor({ state: 'detached' });
  return text;
}

beforeAll(async () => {
  // Tall enough that the 绩效自评 grid under its form shows all nine rows of the fixture.
  h = await startHarness({ viewport: { width: 1400, height: 1800 } });
  page = h.page;
  seeds = copySeeds(h);
  // A document whose three tables are all empty: no duties, a project without indicators, and
  // its self-evaluation without indicators.
  const doc = JSON.parse(readFileSync(seed('selfeval-2019-a'), 'utf8'));
  doc.projects[0].selfeval.indicators = [];
  writeFileSync(join(h.dir, 'docs', 'empty-tables.jixiao'), JSON.stringify(doc));
  await page.goto(h.host.url);
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.host.url).origin });
});
harnessHooks(() => h);

describe('删除行 on a block', () => {
  it('duty grid: three indicator rows go with Ctrl+Delete, after a question that counts them; one Ctrl+Z brings them back', async () => {
    await open(seed('linxi'));
    const g = await gridDriver(page, 'duty-grid');
    // Rows 2–5: the four indicators of 2、就业服务体系建设.
    const names = await Promise.all([2, 3, 4, 5].map((r) => g.text(r, 'name')));
    await select(g, 2, 'name');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => g.block()).toBe('2,4,4,4');
    await page.keyboard.press('Control+Delete');
    expect(await confirmDelete()).toBe('将删除 3 行（含 3 个绩效指标），确定吗？（可撤销）');
    await expect.poll(() => g.text(2, 'name')).toBe(names[3]);
    await expect.poll(() => g.text(3, 'name')).not.toBe(names[1]);
    await undo();
    await expect.poll(() => Promise.all([2, 3, 4, 5].map((r) => g.text(r, 'name')))).toEqual(names);
  });

  it('duty grid: a block over two activities\' titles deletes both with their indicators (toolbar 删除行)', async () => {
    const g = await gridDriver(page, 'duty-grid');
    const before = await rowCount('duty-grid');
    const next = await g.text(6, 'title'); // 3、… follows the two activities
    await select(g, 1, 'title');
    await select(g, 2, 'title', ['Shift']);
    await expect.poll(() => g.block()).toBe('1,5,0,0');
    await page.getByTestId('tb-delete').click();
    const dlg = page.getByTestId('confirm-dialog');
    await dlg.waitFor();
    await docScreenshot(page, 'delete-block-confirm');
    expect(await confirmDelete()).toBe('将删除 2 行（含 2 个工作活动、5 个绩效指标），确定吗？（可撤销）');
    await expect.poll(() => rowCount('duty-grid')).toBe(before - 5);
    expect((await g.text(1, 'title')).slice(2)).toBe(next.slice(2));
    await undo();
    await expect.poll(() => rowCount('duty-grid')).toBe(before);
  });

  it('project indicators: a dragged block of three rows goes from the right-click menu; Ctrl+Z brings all back', async () => {
    await open(seed('laishui'));
    await page.getByTestId('tab-projects').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    await g.cell(3, 'name').waitFor();
    const names = await Promise.all([0, 1, 2, 3, 4].map((r) => g.text(r, 'name')));
    const a = (await g.cell(1, 'name').boundingBox())!;
    const b = (await g.cell(3, 'description').boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => g.block()).toBe('1,3,2,3');
    await g.cell(2, 'name').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^删除行/ }).click();
    expect(await confirmDelete()).toBe('将删除 3 行（含 3 个指标），确定吗？（可撤销）');
    await expect.poll(() => rowCount('project-indicator-grid')).toBe(2);
    // The row count changes before the grid repaints the rows: wait on the texts themselves.
    await expect.poll(async () => [await g.text(0, 'name'), await g.text(1, 'name')]).toEqual([names[0], names[4]]);
    await undo();
    await expect.poll(() => rowCount('project-indicator-grid')).toBe(5);
    await expect.poll(() => Promise.all([0, 1, 2, 3, 4].map((r) => g.text(r, 'name')))).toEqual(names);
  });

  it('绩效自评 indicators: Ctrl+Delete on a block deletes all of its rows', async () => {
    await open(seed('selfeval-2019-a'));
    await page.getByTestId('tab-selfeval').click();
    const g = await gridDriver(page, 'selfeval-indicator-grid');
    const names = JSON.parse(readFileSync(seed('selfeval-2019-a'), 'utf8')).projects[0].selfeval.indicators.map((i: { name: string }) => i.name);
    await g.cell(0, 'name').waitFor();
    await select(g, 0, 'name');
    await select(g, 2, 'actual', ['Shift']);
    await expect.poll(() => g.block()).toBe('0,2,2,5');
    await page.keyboard.press('Control+Delete');
    expect(await confirmDelete()).toBe('将删除 3 行（含 3 个自评指标），确定吗？（可撤销）');
    await expect.poll(() => rowCount('selfeval-indicator-grid')).toBe(6);
    await expect.poll(() => g.text(0, 'name')).toBe(names[3]);
    await undo();
    await expect.poll(() => Promise.all([0, 1, 2].map((r) => g.text(r, 'name')))).toEqual(names.slice(0, 3));
    await expect.poll(() => rowCount('selfeval-indicator-grid')).toBe(9);
  });
});

describe('merged 一级/二级 cells', () => {
  it('project indicators: a row inserted under a merged run starts blank and alone; its 一级 changes that row only', async () => {
    await open(seed('laishui'));
    await page.getByTestId('tab-projects').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    // Rows 0–1: 产出指标 (时效指标, 质量指标); rows 2–3: 效果指标 / 社会效益指标; row 4: 满意度指标.
    await select(g, 0, 'level1');
    await expect.poll(() => g.block()).toBe('0,1,0,0');
    await select(g, 1, 'name');
    await page.getByTestId('pi-insert-below').click();
    await expect.poll(() => g.active()).toBe('2,level1');
    expect(await g.text(2, 'level1')).toBe('');
    expect(await g.text(2, 'level2')).toBe('');
    await expect.poll(() => g.block()).toBe('2,2,0,0'); // not merged with the run above
    // The steps: Home, then type the new row's 一级.
    await page.keyboard.press('Home');
    await g.imeCompose('xiaoyi');
    await g.imeCommit('效益指标');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(2, 'level1')).toBe('效益指标');
    expect(await g.text(0, 'level1')).toBe('产出指标');
    await select(g, 0, 'level1');
    await expect.poll(() => g.block()).toBe('0,1,0,0'); // the run above is untouched
    await select(g, 2, 'level1');
    await expect.poll(() => g.block()).toBe('2,2,0,0');
    await docScreenshot(page, 'merged-run-split', g.host);
    await undo();
    await expect.poll(() => g.text(2, 'level1')).toBe('');
    await undo();
    await expect.poll(() => rowCount('project-indicator-grid')).toBe(5);
  });

  it('project indicators: typing into a merged cell changes every row of its run, one undo step', async () => {
    await open(seed('laishui'));
    await page.getByTestId('tab-projects').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    await select(g, 2, 'level2'); // 社会效益指标 over rows 2–3
    await expect.poll(() => g.block()).toBe('2,3,1,1');
    await g.imeCompose('jingji');
    await g.imeCommit('经济效益指标');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(2, 'level2')).toBe('经济效益指标');
    // Both rows changed: still one merged cell (had only the top row changed, the run would split).
    await page.keyboard.press('ArrowUp');
    await select(g, 2, 'level2');
    await expect.poll(() => g.block()).toBe('2,3,1,1');
    await undo();
    await expect.poll(() => g.text(2, 'level2')).toBe('社会效益指标');
    await page.keyboard.press('ArrowUp');
    await select(g, 2, 'level2');
    await expect.poll(() => g.block()).toBe('2,3,1,1');
  });

  it('绩效自评 indicators: the same — a merged cell edits its run, an inserted row stands alone', async () => {
    await open(seed('selfeval-2019-a'));
    await page.getByTestId('tab-selfeval').click();
    const g = await gridDriver(page, 'selfeval-indicator-grid');
    // Rows 0–3: 产出指标 (0–2 数量指标, 3 质量指标).
    await select(g, 0, 'level2');
    await expect.poll(() => g.block()).toBe('0,2,1,1');
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('X');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(0, 'level2')).toBe('X');
    await page.keyboard.press('ArrowUp');
    await select(g, 0, 'level2');
    await expect.poll(() => g.block()).toBe('0,2,1,1');
    await undo();
    await expect.poll(() => g.text(0, 'level2')).toBe('数量指标');
    // Ctrl+Enter under the merged run: a blank row of its own; its 一级 changes it alone.
    await select(g, 2, 'name');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => g.active()).toBe('3,level1');
    await expect.poll(() => g.block()).toBe('3,3,0,0');
    await page.keyboard.type('Y');
    await page.keyboard.press('Enter');
    await expect.poll(() => g.text(3, 'level1')).toBe('Y');
    expect(await g.text(0, 'level1')).toBe('产出指标');
    await select(g, 4, 'level1'); // 产出指标 of 质量指标, split from rows 0–2 by the new row
    await expect.poll(() => g.block()).toBe('4,4,0,0');
    await select(g, 0, 'level1');
    await expect.poll(() => g.block()).toBe('0,2,0,0');
  });
});

describe('paste into an empty table', () => {
  const empty = () => join(h.dir, 'docs', 'empty-tables.jixiao');

  it('duty grid: Ctrl+V after a click on the empty grid, and after a click on its tab, inserts the rows', async () => {
    await open(empty());
    await page.getByTestId('tab-duty').click();
    const g = await gridDriver(page, 'duty-grid');
    await page.getByText('表中还没有内容').waitFor();
    await g.host.click();
    await pasteKeys('就业服务\t12.5\t内容\t目标\t指标甲\t优\t良\t中\t差\r\n\t\t\t\t指标乙\t1\t2\t3\t4\r\n');
    // Activity rows: they go under a new (blank) duty, row 0.
    await expect.poll(() => g.text(1, 'name')).toBe('指标甲');
    expect(await g.text(2, 'name')).toBe('指标乙');
    expect(await g.text(1, 'title')).toContain('就业服务');
    await undo();
    await page.getByText('表中还没有内容').waitFor();
    await page.getByTestId('tab-duty').click();
    await pasteKeys('培训\t\t\t\t指标丙\r\n');
    await expect.poll(() => g.text(1, 'name')).toBe('指标丙');
    await undo();
    await page.getByText('表中还没有内容').waitFor();
  });

  it('project indicators: Ctrl+V after a click on the tab, and on the empty grid', async () => {
    const g = await gridDriver(page, 'project-indicator-grid');
    await page.getByTestId('tab-projects').click();
    await page.getByText('还没有指标').waitFor();
    await page.getByTestId('tab-projects').click();
    await pasteKeys('产出指标\t数量指标\t检查企业数\t当年检查数\t≥70家\t计划标准\r\n\t\t办结业务数\t\t≥100件\t计划标准\r\n');
    await expect.poll(() => g.text(1, 'name')).toBe('办结业务数');
    expect(await g.text(0, 'level1')).toBe('产出指标');
    await select(g, 0, 'level1');
    await expect.poll(() => g.block()).toBe('0,1,0,0'); // the merged run of the source, repeated
    await undo();
    await page.getByText('还没有指标').waitFor();
    await g.host.click();
    await pasteKeys('效益指标\t社会效益指标\t结案率\r\n');
    await expect.poll(() => g.text(0, 'name')).toBe('结案率');
    await undo();
  });

  it('绩效自评 indicators: Ctrl+V after a click on the empty grid, and on the tab', async () => {
    await page.getByTestId('tab-selfeval').click();
    const g = await gridDriver(page, 'selfeval-indicator-grid');
    await page.getByText('没有指标：').waitFor();
    await g.host.click();
    await pasteKeys('产出指标\t数量指标\t检查企业数\r\n');
    await expect.poll(() => g.text(0, 'name')).toBe('检查企业数');
    await undo();
    await page.getByText('没有指标：').waitFor();
    await page.getByTestId('tab-selfeval').click();
    await pasteKeys('效益指标\t社会效益指标\t结案率\r\n');
    await expect.poll(() => g.text(0, 'name')).toBe('结案率');
    await undo();
  });
});

describe('a paste wider than the columns right of the selection', () => {
  it('project indicators: a whole-table block on 三级指标 goes in from 一级指标; a wider one names what it left out', async () => {
    await open(seed('laishui'));
    await page.getByTestId('tab-projects').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    await select(g, 0, 'name');
    await pasteKeys('产出指标\t数量指标\t甲\t描述甲\t≥1\t依据甲\r\n产出指标\t数量指标\t乙\t描述乙\t≥2\t依据乙\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 2 行 × 6 列');
    await expect.poll(() => g.text(1, 'basis')).toBe('依据乙');
    expect(await g.text(0, 'level2')).toBe('数量指标');
    expect(await g.text(0, 'name')).toBe('甲');
    await undo();
    await expect.poll(() => g.text(0, 'level2')).toBe('时效指标');
    await select(g, 0, 'value');
    await pasteKeys('≥3\t依据丙\t备注\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 1 行 × 2 列；超出表格的 1 列未粘贴（“指标值确定依据”右侧：“备注”）');
    await expect.poll(() => g.text(0, 'basis')).toBe('依据丙');
    await undo();
  });

  it('duty grid: a whole-table block on a band goes in from 职责活动; a wider one names what it left out', async () => {
    await open(seed('linxi'));
    await page.getByTestId('tab-duty').click();
    const g = await gridDriver(page, 'duty-grid');
    await select(g, 1, 'bands.2');
    await pasteKeys('1、新活动\t3\t内容\t目标\t新指标\t优\t良\t中\t差\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 1 行 × 9 列');
    await expect.poll(() => g.text(1, 'name')).toBe('新指标');
    expect(await g.text(1, 'title')).toContain('新活动');
    await undo();
    await select(g, 1, 'bands.2');
    await pasteKeys('中\t差\t多出\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 1 行 × 2 列；超出表格的 1 列未粘贴（“差”右侧：“多出”）');
    await undo();
  });

  it('绩效自评 indicators: a block past 偏差原因 names the columns left out', async () => {
    await open(seed('selfeval-2019-a'));
    await page.getByTestId('tab-selfeval').click();
    const g = await gridDriver(page, 'selfeval-indicator-grid');
    await select(g, 0, 'deviation');
    await pasteKeys('原因\t多一\t多二\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 1 行 × 1 列；超出表格的 2 列未粘贴（“偏差原因分析及改进措施”右侧：“多一”、“多二”）');
    await expect.poll(() => g.text(0, 'deviation')).toBe('原因');
    await undo();
  });
});

describe('a paste with a character Word/Excel files cannot hold', () => {
  it('project indicators: that cell is not pasted, the note names U+FFFE; the rest goes in, one undo step', async () => {
    await open(seed('laishui'));
    await page.getByTestId('tab-projects').click();
    const g = await gridDriver(page, 'project-indicator-grid');
    const [name, description] = [await g.text(0, 'name'), await g.text(0, 'description')];
    await select(g, 0, 'name');
    await pasteKeys('参保\uFFFE率\t新的描述\r\n');
    await expect.poll(() => toast()).toBe('已粘贴 1 行 × 2 列；1 个单元格未粘贴：含有无法保存到 Word/Excel 的字符 U+FFFE，未粘贴');
    await expect.poll(() => g.text(0, 'description')).toBe('新的描述');
    expect(await g.text(0, 'name')).toBe(name);
    await undo();
    await expect.poll(() => g.text(0, 'description')).toBe(description);
  });
});
