// End-to-end: 从上年生成 (the proposal list, one line unticked) and 与…对比 (the panel, a click that
// jumps, the marked cell), in Debian's Chromium against the in-process web host. Waits on states only.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { copySeeds, startHarness, type Harness, docScreenshot, harnessHooks } from './harness';

/** The selected cell of the grid that has the keyboard (its input proxy is focused): column, text, classes. */
const selectedCell = (p: Page) => p.evaluate(() => {
  const host = document.activeElement?.classList.contains('cell-proxy') ? document.activeElement.closest<HTMLElement>('[data-active]') : null;
  const [row, col] = (host?.dataset.active ?? '').split(',');
  const el = Array.from(host?.querySelectorAll(`[row-index="${row}"] [col-id="${col}"]`) ?? []).find((e) => (e as HTMLElement).offsetParent);
  return el ? { col, text: el.textContent ?? '', cls: el.className } : null;
});

let h: Harness;
let page: Page;
let laishui: string;

const enterPath = async (path: string) => {
  const dlg = page.getByTestId('path-dialog');
  await dlg.locator('input').fill(path);
  await dlg.getByRole('button', { name: '确定' }).click();
};

/** Another window (a tab of the same browser) with a file open — opened with a file, so no recovery
 * offer (earlier tests leave autosaves) stands in the way. */
async function openWindow(path: string): Promise<Page> {
  const w = await h.context.newPage();
  const url = new URL(h.host.url);
  url.searchParams.set('open', path);
  await w.goto(url.href);
  await expect.poll(() => w.getByTestId('statusbar').textContent()).toContain(path);
  return w;
}

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1360, height: 800 } });
  page = h.page;
  laishui = copySeeds(h).find((s) => s.endsWith('laishui-2020-a.jixiao'))!;
  await page.goto(h.host.url);
});
harnessHooks(() => h);

describe('yearly cycle e2e', () => {
  it('从上年生成: proposal list, one line unticked stays as it was, the rest become 2021年; amounts cleared; unsaved', async () => {
    const last = JSON.parse(readFileSync(laishui, 'utf8')) as { projects: { name: string; budget: string }[] };
    await page.getByTestId('tb-rollover').click();
    await enterPath(laishui);
    const options = page.getByTestId('rollover-options');
    await expect.poll(() => options.getByTestId('rollover-year').inputValue()).toBe('2021');
    await options.getByTestId('rollover-next').click();

    const dlg = page.getByTestId('year-proposals');
    const lines = dlg.getByTestId('proposal');
    await expect.poll(() => lines.count()).toBe(21);
    const first = lines.filter({ hasText: '项目 1 › 项目名称' });
    await expect(first.locator('td').nth(2).textContent()).resolves.toBe(last.projects[0].name);
    await expect(first.locator('td').nth(3).textContent()).resolves.toBe(last.projects[0].name.replace('2020年', '2021年'));
    await first.locator('input[type=checkbox]').click();
    await expect.poll(() => first.locator('input[type=checkbox]').isChecked()).toBe(false);
    await expect.poll(() => dlg.getByTestId('proposals-ok').textContent()).toBe('生成新文档（采用 20 处）');
    // 全不选 / 全选 work; then untick the same line again and check it stays unticked
    await dlg.getByTestId('proposals-none').click();
    await expect.poll(() => dlg.locator('input[type=checkbox]:checked').count()).toBe(0);
    await dlg.getByTestId('proposals-all').click();
    await expect.poll(() => dlg.locator('input[type=checkbox]:checked').count()).toBe(21);
    await first.click(); // a click on the line toggles it too
    await expect.poll(() => first.locator('input[type=checkbox]').isChecked()).toBe(false);
    await docScreenshot(page, 'cycle-rollover-proposals', dlg);
    await dlg.getByTestId('proposals-ok').click();
    await dlg.waitFor({ state: 'detached' });

    await expect.poll(() => page.getByTestId('statusbar').textContent()).toContain('未保存的新文档');
    await expect.poll(() => page.getByTestId('statusbar').textContent()).toContain('2021年');
    await page.getByTestId('tab-projects').click();
    const items = page.getByTestId('project-item');
    await expect.poll(() => items.count()).toBe(last.projects.length);
    await expect(items.nth(0).locator('.pname').textContent()).resolves.toBe(last.projects[0].name); // unticked: unchanged
    await expect(items.nth(1).locator('.pname').textContent()).resolves.toBe(last.projects[1].name.replace('2020年', '2021年'));
    await expect.poll(() => page.locator('[data-field="budget"]').inputValue()).toBe('');
    expect(last.projects[0].budget).not.toBe('');
  });

  it('与…对比: panel lists the differences with a summary; a click jumps to the cell, which is marked', async () => {
    await page.getByTestId('tb-compare').click();
    await enterPath(laishui);
    const panel = page.getByTestId('compare-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('compare-summary').textContent()).toContain('项目绩效目标表：改名 8 处');
    // The project left unticked is not renamed; a cleared budget is listed.
    await expect.poll(() => panel.getByTestId('difference').filter({ hasText: '改名' }).filter({ hasText: '2020年城乡居民基本养老保险中央补助资金' }).count()).toBe(0);

    // A changed indicator description (2020年 → 2021年) in project 4: click jumps to the grid cell.
    const diff = panel.getByTestId('difference').filter({ hasText: '绩效指标描述' }).first();
    const where = (await diff.locator('.where').textContent())!;
    const projectNo = Number(/^项目 (\d+)/.exec(where)![1]);
    const newText = (await diff.locator('.new').textContent())!;
    await diff.click();
    await expect.poll(() => page.locator('[data-testid=project-item].active .num').textContent()).toBe(`${projectNo}、`);
    const cell = page.locator('[role=gridcell][col-id="description"]', { hasText: newText }).first();
    await expect.poll(() => cell.getAttribute('class')).toContain('diff-changed');
    await expect.poll(async () => { const c = await selectedCell(page); return c && `${c.col}|${c.text}`; }).toBe(`description|${newText}`);
    // Unchanged cells are not marked.
    await expect.poll(() => page.locator('[role=gridcell][col-id="level1"].diff-changed').count()).toBe(0);

    // A cleared budget: the difference jumps to the project form's field, marked too.
    const budget = panel.getByTestId('difference').filter({ hasText: '项目 2 ›' }).filter({ hasText: '预算数' }).first();
    await expect(budget.locator('.old').textContent()).resolves.toBe('169.94');
    await budget.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('budget');
    await expect.poll(() => page.locator('[data-field="budget"]').getAttribute('class')).toContain('diff-changed');
    await expect.poll(() => page.locator('[data-testid=project-item].active .num').textContent()).toBe('2、');
    await diff.click();
    await expect.poll(() => cell.getAttribute('class')).toContain('diff-changed');
    await expect.poll(() => page.getByTestId('findings-panel').count()).toBe(0); // the comparison takes the right side
    await docScreenshot(page, 'cycle-compare-panel');

    // An edit that makes the cell equal to last year's removes its mark and its line.
    const count = await panel.getByTestId('difference').count();
    await page.locator('[data-field="budget"]').fill('169.94');
    await page.locator('[data-field="budget"]').press('Enter');
    await budget.waitFor({ state: 'detached' }).catch(() => {});
    await expect.poll(() => panel.getByTestId('difference').count()).toBe(count - 1);
    await page.getByTestId('compare-close').click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.diff-changed').count()).toBe(0);
    expect(h.problems).toEqual([]);
  });

  it('复制为新项目: a project copied in one document is pasted into another (new ids, from link, one undo step)', async () => {
    // Two windows (tabs of one browser, sharing its clipboard): laishui-2020 and linxi-2019.
    const linxi = copySeeds(h).find((s) => s.endsWith('linxi-2019.jixiao'))!;
    const before = JSON.parse(readFileSync(linxi, 'utf8')) as { projects: { id: string; name: string }[] };
    const a = await openWindow(laishui);
    await a.getByTestId('tab-projects').click();
    const source = a.getByTestId('project-item').nth(1);
    const name = (await source.locator('.pname').textContent())!;
    await source.click();
    await a.getByTestId('project-copy-new').click();
    await expect.poll(() => a.getByTestId('toast').textContent()).toContain('已复制项目');

    const b = await openWindow(linxi);
    await b.getByTestId('tab-projects').click();
    const items = b.getByTestId('project-item');
    expect(before.projects).toHaveLength(0); // linxi-2019 has only the duty table
    await b.getByTestId('project-list').focus();
    await b.keyboard.press('Control+V');
    await expect.poll(() => items.count()).toBe(1);
    await expect(items.nth(0).locator('.pname').textContent()).resolves.toBe(name);
    await expect.poll(() => b.locator('[data-field="name"]').inputValue()).toBe(name);
    await expect.poll(() => b.locator('[data-testid=project-item].active .pname').textContent()).toBe(name);
    await expect.poll(() => b.getByTestId('status-modified').textContent()).toBe('● 已修改');
    await b.getByTestId('tb-save').click();
    await expect.poll(() => b.getByTestId('status-modified').textContent()).toBe('已保存');
    type P = { id: string; from?: string; name: string; indicators: { id: string; from?: string }[] };
    const src = (JSON.parse(readFileSync(laishui, 'utf8')) as { projects: P[] }).projects[1];
    const pasted = (JSON.parse(readFileSync(linxi, 'utf8')) as { projects: P[] }).projects[0];
    expect(pasted).toMatchObject({ name, from: src.id });
    expect(pasted.id).not.toBe(src.id);
    expect(pasted.indicators.map((i) => i.from)).toEqual(src.indicators.map((i) => i.id));
    await b.getByTestId('tb-undo').click();
    await expect.poll(() => items.count()).toBe(0);
    await a.close();
    await b.close();
    expect(h.problems).toEqual([]);
  });

  it('与…对比 on the duty table: from the projects tab, a click on a duty difference opens the grid on the marked cell', async () => {
    const linxi = copySeeds(h).find((s) => s.endsWith('linxi-2019.jixiao'))!;
    const w = await openWindow(linxi);
    await w.getByTestId('tb-rollover').click();
    const dlg = w.getByTestId('path-dialog');
    await dlg.locator('input').fill(linxi);
    await dlg.getByRole('button', { name: '确定' }).click();
    await w.getByTestId('rollover-next').click();
    await expect.poll(() => w.getByTestId('statusbar').textContent()).toContain('2020年');
    await w.getByTestId('tb-compare').click();
    await w.getByTestId('path-dialog').locator('input').fill(linxi);
    await w.getByTestId('path-dialog').getByRole('button', { name: '确定' }).click();
    const panel = w.getByTestId('compare-panel');
    await expect.poll(() => panel.getByTestId('compare-summary').textContent()).toContain('部门职责-工作活动绩效目标表：修改');
    await w.getByTestId('tab-projects').click();
    const diff = panel.getByTestId('difference').filter({ hasText: '三、人事管理' }).filter({ hasText: '年度预算数' }).first();
    await expect(diff.locator('.old').textContent()).resolves.toBe('43');
    await diff.click();
    await expect.poll(async () => { const c = await selectedCell(w); return c && `${c.col}|${c.cls.includes('diff-changed')}`; }).toBe('budget|true');
    await w.close();
    expect(h.problems).toEqual([]);
  });
});
