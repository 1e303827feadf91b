// 跳转到单元格 from the findings panel on a slow PC: the grid is scrolled far from the finding's row
// (a virtualised row that is not rendered), the CPU is throttled, and the jump must still select
// the cell and give the grid the keyboard. The selection is state waited on, never a delay.
import { beforeAll, expect, it } from 'vitest';
import { copySeeds, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver } from './gridDriver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } });
  await h.page.goto(h.host.url);
});
harnessHooks(() => h);

it('jumps to a finding\'s cell from the bottom of the table on a throttled CPU, and typing goes there', async () => {
  const page = h.page;
  const seed = copySeeds(h).find((s) => s.includes('linxi'))!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const g = await gridDriver(page, 'duty-grid');
  for (let round = 0; round < 2; round++) {
    await openThroughUi(page, seed);
    await g.cell(0, 'title').waitFor();
    await g.host.hover();
    await page.mouse.wheel(0, 20000);
    const last = g.host.locator('[role=gridcell][col-id=name]', { hasText: '综合业务管理工作完成率' }).first();
    await last.click();
    await expect.poll(() => g.active()).not.toBe('');
    const finding = page.getByTestId('findings-panel').locator('[data-code="band.unreachable"]', { hasText: '开展就业服务指导培训次数' }).first();
    await finding.click();
    await expect.poll(() => g.active(), { timeout: 20_000 }).toBe('5,bands.3');
    await expect.poll(() => g.hasFocus()).toBe(true);
    await expect.poll(() => g.text(5, 'bands.3'), { timeout: 20_000 }).toBe('＜2');
  }
  // The keyboard is the grid's: typing replaces the jumped-to cell.
  await page.keyboard.type('<1');
  await page.keyboard.press('Enter');
  await expect.poll(() => g.text(5, 'bands.3'), { timeout: 20_000 }).toBe('<1');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
