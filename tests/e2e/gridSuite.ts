// The cell-interaction tests, run against each grid (duty table, project indicators) from its own
// test file, each with its own harness. They check what a clerk does: select, type (ASCII and
// Chinese through an IME), the two edit modes, inserts, deletes, block selection, clipboard, fill.
import { beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, openThroughUi, startHarness, type Harness, harnessHooks } from './harness';
import { gridDriver, proxyText, type GridDriver } from './gridDriver';

export interface GridSpec {
  name: string;
  testId: string;
  seed: string;
  /** after the seed is open: show the grid */
  show(h: Harness): Promise<void>;
  columns: readonly string[];
  /** a row whose `textCol` and the next column hold text and are not merged, with rows below like it */
  row: number;
  textCol: string;
  nextCol: string;
  /** a merged cell: its column and rows */
  span: { col: string; top: number; bottom: number };
  /** toolbar (or sub-toolbar) buttons that insert a row, and the column whose cell the new row offers first */
  inserts: { testId: string; col: string }[];
  deleteButton: string;
  /** drag far enough past the bottom edge to scroll (the table is long enough) */
  autoScroll: boolean;
  /** a row whose cell in `span.col` holds a text unlike the rows around the merged cell (copied onto it) */
  mergedPasteFrom?: number;
  /** a cell whose editor lists a vocabulary: typing `filter` leaves `pick` first */
  choices?: { row: number; col: string; filter: string; pick: string };
}

export function describeGridKeys(spec: GridSpec): void {
  let h: Harness;
  let g: GridDriver;
  const col = (c: string) => spec.columns.indexOf(c);
  // Click a cell until it is the selected one: rows may still move under the pointer while the grid
  // re-lays out after an edit (row heights follow the text), and a clerk then clicks again.
  const select = async (row: number, c: string) => {
    await g.cell(row, c).click();
    await expect.poll(async () => {
      if ((await g.active()) !== `${row},${c}`) await g.cell(row, c).click();
      return `${await g.active()} ${await g.hasFocus()}`;
    }).toBe(`${row},${c} true`);
  };
  const undo = () => g.page.keyboard.press('Control+Z');

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1280, height: 720 } });
    await h.page.goto(h.host.url);
    await openThroughUi(h.page, copySeeds(h).find((s) => s.includes(spec.seed))!);
    await spec.show(h);
    g = await gridDriver(h.page, spec.testId);
    await g.cell(spec.row, spec.textCol).waitFor();
  });
  harnessHooks(() => h);

  describe(`${spec.name}: typing`, () => {
    it('an IME composition on a selected cell edits it at the cell; Enter commits and selects the cell below', async () => {
      const { row, textCol: c } = spec;
      await select(row, c);
      await g.imeCompose('zhongwen');
      await expect.poll(() => g.mode()).toBe('enter');
      await expect.poll(() => proxyText(g.page)).toBe('zhongwen');
      // The editor (and with it the composition window) sits on the cell.
      const [box, at] = [await g.page.locator(`[data-testid="${spec.testId}"] .cell-proxy`).boundingBox(), await g.cell(row, c).boundingBox()];
      expect(Math.abs(box!.x - at!.x)).toBeLessThan(4);
      expect(Math.abs(box!.y - at!.y)).toBeLessThan(4);
      await g.imeCommit('中文');
      await expect.poll(() => proxyText(g.page)).toBe('中文');
      await g.page.keyboard.press('Enter');
      await expect.poll(() => g.text(row, c)).toBe('中文');
      await expect.poll(() => g.active()).toBe(`${row + 1},${c}`);
      expect(await g.mode()).toBe('ready');
      await undo();
      await expect.poll(() => g.text(row, c)).not.toBe('中文');
    });

    it('Esc during a composition cancels only the composition; Esc after it restores the cell', async () => {
      const { row, textCol: c } = spec;
      const before = await g.text(row, c);
      await select(row, c);
      await g.imeCompose('ceshi');
      await expect.poll(() => proxyText(g.page)).toBe('ceshi');
      await g.imeCancel();
      await expect.poll(() => proxyText(g.page)).toBe('');
      expect(await g.mode()).toBe('enter');
      await g.imeCompose('ce');
      await g.imeCommit('测');
      await expect.poll(() => proxyText(g.page)).toBe('测');
      await g.page.keyboard.press('Escape');
      await expect.poll(() => g.mode()).toBe('ready');
      expect(await g.text(row, c)).toBe(before);
      expect(await g.active()).toBe(`${row},${c}`);
    });

    it('typing on a selected cell replaces it (输入 mode) and an arrow commits and moves', async () => {
      const { row, textCol: c, nextCol: n } = spec;
      await select(row, c);
      await g.page.keyboard.type('abc');
      await expect.poll(() => g.mode()).toBe('enter');
      await g.page.keyboard.press('ArrowRight');
      await expect.poll(() => g.text(row, c)).toBe('abc');
      expect(await g.active()).toBe(`${row},${n}`);
      expect(await g.mode()).toBe('ready');
      await undo();
      await expect.poll(() => g.text(row, c)).not.toBe('abc');
    });

    it('Tab selects the next cell without editing it; F2 then typing keeps every character', async () => {
      const { row, textCol: c, nextCol: n } = spec;
      const before = await g.text(row, n);
      await select(row, c);
      await g.page.keyboard.press('Tab');
      await expect.poll(() => g.active()).toBe(`${row},${n}`);
      expect(await g.mode()).toBe('ready');
      await g.page.keyboard.press('F2');
      await expect.poll(() => g.mode()).toBe('edit');
      await g.page.keyboard.type('80%');
      await g.page.keyboard.press('Enter');
      await expect.poll(() => g.text(row, n)).toBe(`${before}80%`);
      await g.page.keyboard.press('Shift+Tab');
      await expect.poll(() => g.active()).toBe(`${row + 1},${c}`);
      await undo();
      await expect.poll(() => g.text(row, n)).toBe(before);
    });

    it('编辑 mode: arrows and Home/End move the caret, Alt+Enter breaks the line, Esc restores the text', async () => {
      const { row, textCol: c } = spec;
      const before = await g.text(row, c);
      await select(row, c);
      await g.page.keyboard.press('F2');
      await expect.poll(() => g.mode()).toBe('edit');
      // Ctrl+Home/Ctrl+End: start/end of the text; Home/End: of the (wrapped) line.
      await g.page.keyboard.press('Control+Home');
      await g.page.keyboard.type('X');
      await g.page.keyboard.press('Control+End');
      await g.page.keyboard.press('ArrowLeft');
      await g.page.keyboard.type('Y');
      await g.page.keyboard.press('End');
      await g.page.keyboard.press('Alt+Enter');
      await g.page.keyboard.type('Z');
      await g.page.keyboard.press('Home');
      await g.page.keyboard.type('W');
      await expect.poll(() => proxyText(g.page)).toBe(`X${before.slice(0, -1)}Y${before.slice(-1)}\nWZ`);
      expect(await g.active()).toBe(`${row},${c}`);
      await g.page.keyboard.press('Escape');
      await expect.poll(() => g.mode()).toBe('ready');
      expect(await g.text(row, c)).toBe(before);
      // A double-click edits too, the existing text with the caret at the end.
      await g.cell(row, c).dblclick();
      await expect.poll(() => g.mode()).toBe('edit');
      expect(await proxyText(g.page)).toBe(before);
      await g.page.keyboard.type('!');
      await g.page.keyboard.press('Tab');
      await expect.poll(() => g.text(row, c)).toBe(`${before}!`);
      await undo();
      await expect.poll(() => g.text(row, c)).toBe(before);
    });
  });

  describe(`${spec.name}: selection`, () => {
    it('merged cells select as one; Shift+arrows and Shift+click extend; Ctrl+A selects the table', async () => {
      const { span, textCol: c, nextCol: n, row } = spec;
      await select(span.top, span.col);
      expect(await g.block()).toBe(`${span.top},${span.bottom},${col(span.col)},${col(span.col)}`);
      await g.page.keyboard.press('ArrowDown');
      await expect.poll(() => g.active()).toBe(`${span.bottom + 1},${span.col}`);
      await select(row, c);
      await g.page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => g.block()).toBe(`${row},${row},${col(c)},${col(n)}`);
      await g.cell(row + 1, c).click({ modifiers: ['Shift'] });
      await expect.poll(() => g.block()).toBe(`${row},${row + 1},${col(c)},${col(c)}`);
      expect(await g.active()).toBe(`${row},${c}`);
      await g.page.keyboard.press('Control+A');
      await expect.poll(() => g.block()).toMatch(new RegExp(`^0,\\d+,0,${spec.columns.length - 1}$`));
    });

    it('a mouse drag selects a block', async () => {
      const { row, textCol: c, nextCol: n } = spec;
      const a = (await g.cell(row, c).boundingBox())!;
      const b = (await g.cell(row + 1, n).boundingBox())!;
      await g.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await g.page.mouse.down();
      await g.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
      await expect.poll(() => g.block()).toBe(`${row},${row + 1},${col(c)},${col(n)}`);
      await g.page.mouse.up();
      expect(await g.active()).toBe(`${row},${c}`);
      if (!spec.autoScroll) return;
      // Past the bottom edge the grid scrolls and the block keeps growing.
      const hostBox = (await g.host.boundingBox())!;
      await g.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await g.page.mouse.down();
      await g.page.mouse.move(a.x + a.width / 2, hostBox.y + hostBox.height + 30, { steps: 5 });
      await expect.poll(async () => Number((await g.block()).split(',')[1]), { timeout: 20_000 }).toBeGreaterThan(row + 20);
      await g.page.mouse.up();
      await g.page.keyboard.press('Control+Home');
      await expect.poll(() => g.active()).toBe(`0,${spec.columns[0]}`);
    });

    it('Ctrl+X cuts a block and Ctrl+V pastes it, each one undo step', async () => {
      const { row, textCol: c, nextCol: n } = spec;
      const cut = [await g.text(row, c), await g.text(row, n)];
      const target = [await g.text(row + 2, c), await g.text(row + 2, n)];
      await select(row, c);
      await g.page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => g.block()).toBe(`${row},${row},${col(c)},${col(n)}`);
      await g.page.keyboard.press('Control+X');
      await expect.poll(() => g.text(row, c)).toBe('');
      expect(await g.text(row, n)).toBe('');
      await select(row + 2, c);
      await g.page.keyboard.press('Control+V');
      await expect.poll(() => g.text(row + 2, c)).toBe(cut[0]);
      expect(await g.text(row + 2, n)).toBe(cut[1]);
      await undo();
      await expect.poll(() => g.text(row + 2, c)).toBe(target[0]);
      expect(await g.text(row + 2, n)).toBe(target[1]);
      await undo();
      await expect.poll(() => g.text(row, c)).toBe(cut[0]);
      expect(await g.text(row, n)).toBe(cut[1]);
    });

    if (spec.mergedPasteFrom !== undefined) {
      it('a cell pasted onto a merged cell goes to every row of it, as typing does; Ctrl+Z restores them in one step', async () => {
        const { span } = spec;
        const merged = `${span.top},${span.bottom},${col(span.col)},${col(span.col)}`;
        const before = await g.text(span.top, span.col);
        const copied = await g.text(spec.mergedPasteFrom!, span.col);
        expect(copied).not.toBe(before);
        await select(spec.mergedPasteFrom!, span.col);
        await g.page.keyboard.press('Control+C');
        await select(span.top, span.col);
        expect(await g.block()).toBe(merged);
        await g.page.keyboard.press('Control+V');
        await expect.poll(() => g.text(span.top, span.col)).toBe(copied);
        // Still one cell over the same rows: cells merge only over rows of one text, so every row has it.
        await select(span.top, span.col);
        expect(await g.block()).toBe(merged);
        await undo();
        await expect.poll(() => g.text(span.top, span.col)).toBe(before);
        await select(span.top, span.col);
        expect(await g.block()).toBe(merged);
      });
    }

    it('Ctrl+D fills the top cell down the block; Delete clears it; one undo step each', async () => {
      const { row, textCol: c } = spec;
      const before = [await g.text(row, c), await g.text(row + 1, c), await g.text(row + 2, c)];
      await select(row, c);
      await g.page.keyboard.press('Shift+ArrowDown');
      await g.page.keyboard.press('Shift+ArrowDown');
      await expect.poll(() => g.block()).toBe(`${row},${row + 2},${col(c)},${col(c)}`);
      await g.page.keyboard.press('Control+D');
      await expect.poll(() => g.text(row + 2, c)).toBe(before[0]);
      expect(await g.text(row + 1, c)).toBe(before[0]);
      await g.page.keyboard.press('Delete');
      await expect.poll(() => g.text(row, c)).toBe('');
      expect(await g.text(row + 2, c)).toBe('');
      await undo();
      await expect.poll(() => g.text(row, c)).toBe(before[0]);
      expect(await g.text(row + 2, c)).toBe(before[0]);
      await undo();
      await expect.poll(() => g.text(row + 2, c)).toBe(before[2]);
      expect(await g.text(row + 1, c)).toBe(before[1]);
    });

    it('a right-click inside a block keeps the block and its menu acts on the block', async () => {
      const { row, textCol: c, nextCol: n } = spec;
      const before = [await g.text(row + 1, c), await g.text(row + 1, n)];
      await select(row, c);
      await g.cell(row + 1, n).click({ modifiers: ['Shift'] });
      const block = `${row},${row + 1},${col(c)},${col(n)}`;
      await expect.poll(() => g.block()).toBe(block);
      await g.cell(row + 1, n).click({ button: 'right' });
      const menu = g.page.getByRole('menu');
      await menu.waitFor();
      const labels = await menu.getByRole('menuitem').allTextContents();
      for (const l of ['复制', '剪切', '粘贴', '清除内容', '删除行']) expect(labels.some((x) => x.startsWith(l))).toBe(true);
      expect(labels.some((x) => x.includes('插入'))).toBe(true);
      expect(await g.block()).toBe(block);
      await menu.getByRole('menuitem', { name: /^清除内容/ }).click();
      await expect.poll(() => g.text(row + 1, n)).toBe('');
      expect(await g.text(row, c)).toBe('');
      await expect.poll(() => g.hasFocus()).toBe(true);
      await undo();
      await expect.poll(() => g.text(row + 1, n)).toBe(before[1]);
      expect(await g.text(row + 1, c)).toBe(before[0]);
    });
  });

  if (spec.choices) {
    it(`${spec.name}: a vocabulary cell lists its choices under the editor, filtered as one types`, async () => {
      const { row, col: c, filter, pick } = spec.choices!;
      const before = await g.text(row, c);
      const options = g.host.locator('.cell-options .cell-option');
      await select(row, c);
      await g.page.keyboard.press('F2');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      await g.page.keyboard.press('Control+A');
      await g.imeCompose(filter);
      await g.imeCommit(filter);
      await expect.poll(() => options.first().textContent()).toBe(pick);
      await g.page.keyboard.press('ArrowDown');
      await expect.poll(() => g.host.locator('.cell-options .cell-option.current').textContent()).toBe(pick);
      await g.page.keyboard.press('Enter');
      await expect.poll(() => g.text(row, c)).toBe(pick);
      await expect.poll(() => options.count()).toBe(0);
      await undo();
      await expect.poll(() => g.text(row, c)).toBe(before);
    });
  }

  describe(`${spec.name}: rows`, () => {
    it('after each insert button the new row\'s first cell is selected and typing fills it', async () => {
      for (const ins of spec.inserts) {
        await select(spec.row, spec.textCol);
        await g.page.getByTestId(ins.testId).click();
        await expect.poll(() => g.active()).not.toBe(`${spec.row},${spec.textCol}`);
        const [r, c] = (await g.active()).split(',');
        expect(c).toBe(ins.col);
        await expect.poll(() => g.hasFocus()).toBe(true);
        // ASCII first, then Chinese through the IME: nothing is lost.
        await g.page.keyboard.type('A1');
        await g.imeCompose('xin');
        await g.imeCommit('新行');
        await g.page.keyboard.press('Enter');
        await expect.poll(() => g.text(Number(r), c)).toContain('A1新行');
      }
    });

    it('Ctrl+Enter and the right-click menu insert a row and select it too', async () => {
      await select(spec.row, spec.textCol);
      await g.page.keyboard.press('Control+Enter');
      await expect.poll(() => g.active()).not.toBe(`${spec.row},${spec.textCol}`);
      const [r, c] = (await g.active()).split(',');
      await g.page.keyboard.type('K1');
      await g.page.keyboard.press('Enter');
      await expect.poll(() => g.text(Number(r), c)).toContain('K1');
      await select(spec.row, spec.textCol);
      await g.cell(spec.row, spec.textCol).click({ button: 'right' });
      await g.page.getByRole('menuitem', { name: /在下方插入.*指标/ }).click();
      await expect.poll(() => g.active()).toBe(`${spec.row + 1},${spec.inserts.at(-1)!.col}`);
      await g.page.keyboard.type('M1');
      await g.page.keyboard.press('Enter');
      await expect.poll(() => g.text(spec.row + 1, spec.inserts.at(-1)!.col)).toContain('M1');
    });

    it('deleting a row selects the row that takes its place, or the one above at the end', async () => {
      const { row, textCol: c } = spec;
      const below = await g.text(row + 1, c);
      await select(row, c);
      await g.page.getByTestId(spec.deleteButton).click();
      await expect.poll(() => g.text(row, c)).toBe(below);
      await expect.poll(() => g.active()).toBe(`${row},${c}`);
      await expect.poll(() => g.hasFocus()).toBe(true);
      await undo();
      await expect.poll(() => g.text(row + 1, c)).toBe(below);
      // At the end of the table the row above is selected.
      await select(row, c);
      await g.page.keyboard.press('Control+End');
      await expect.poll(async () => (await g.active()).endsWith(`,${spec.columns.at(-1)}`)).toBe(true);
      const last = Number((await g.active()).split(',')[0]);
      await g.page.keyboard.press('Control+Delete');
      await expect.poll(() => g.cell(last, c).count()).toBe(0);
      await expect.poll(() => g.active()).toBe(`${last - 1},${spec.columns.at(-1)}`);
    });
  });
}
