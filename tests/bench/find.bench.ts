// Find and replace benches on the large synthetic document with last year's "2019年度" in exactly
// 1,000 cells of both tables. Target: replace_all_1000 ≤ 300 ms — the editor's 全部替换, from the
// click to the count message and the repainted grid (Playwright + Debian Chromium; needs
// dist/renderer). replace_all_1000_core is the command alone (find, patches with their inverse, apply).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { startHarness } from '../e2e/harness';
import { applyEdit } from '../../src-shared/commands';
import { findAll, replaceAll, type FindOptions } from '../../src-shared/find';
import type { JixiaoDocument } from '../../src-shared/model';

const FROM = '2019年度';
const TO = '2020年度';
const HITS = 1000;
const SAMPLES = 25;
const ALL: FindOptions = { wholeCell: false, matchCase: false, matchWidth: false, scope: { table: 'all' } };

/** Every duty's and activity's 绩效目标 (360 cells), every project's 资金用途 (300), the 绩效指标描述 of
 * each project's first indicator (300) and of the second one in the first 40 projects (40). */
export function documentWith1000Hits(): JixiaoDocument {
  const doc = makeSyntheticDocument();
  for (const duty of doc.dutyTable.duties) {
    duty.goal = `${FROM}${duty.goal}`;
    for (const a of duty.activities) a.goal = `${FROM}${a.goal}`;
  }
  doc.projects.forEach((p, i) => {
    p.purpose = `${FROM}${p.purpose}`;
    p.indicators[0].description = `${FROM}${p.indicators[0].description}`;
    if (i < 40) p.indicators[1].description = `${FROM}${p.indicators[1].description}`;
  });
  const n = findAll(doc, FROM, ALL).length;
  if (n !== HITS) throw new Error(`expected ${HITS} hits, found ${n}`);
  return doc;
}

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

export const benches: Bench[] = [
  {
    name: 'replace_all_1000_core',
    iterations: 41,
    setup: documentWith1000Hits,
    run: (doc: JixiaoDocument) => {
      const r = replaceAll(doc, FROM, TO, ALL);
      if (r.replaced !== HITS) throw new Error(`replaced ${r.replaced}`);
      return applyEdit(doc, r.edit!);
    },
  },
  {
    name: 'replace_all_1000',
    measure: async () => {
      const h = await startHarness({ viewport: { width: 1440, height: 900 } });
      try {
        const path = join(h.dir, 'docs', '大文件.jixiao');
        writeFileSync(path, JSON.stringify(documentWith1000Hits()));
        const url = new URL(h.host.url);
        url.searchParams.set('open', path);
        const page = h.page;
        await page.goto(url.toString());
        await page.locator('[data-testid=duty-grid] [role=gridcell][col-id="title"]', { hasText: '第1项部门职责管理' }).first().waitFor();
        await page.keyboard.press('Control+H');
        await page.getByTestId('find-query').fill(FROM);
        await page.getByTestId('find-replacement').fill(TO);
        const status = page.getByTestId('find-status');
        await status.getByText(`找到 ${HITS} 个单元格`, { exact: true }).waitFor();
        const times: number[] = [];
        for (let k = 0; k < SAMPLES + 1; k++) {
          // Click → the count message is shown and its frame painted (grids included: React commits
          // the whole update of a click before that frame).
          // A string, not a function: tsx would wrap named helpers in __name(), unknown in the page.
          const ms = await page.evaluate<number>(`(async () => {
            const t0 = performance.now();
            document.querySelector('[data-testid=replace-all]').click();
            const done = () => document.querySelector('[data-testid=find-message]')?.textContent === '已替换 ${HITS} 处';
            while (!done() && performance.now() - t0 < 10000) await new Promise((r) => requestAnimationFrame(r));
            // the frame that shows it: a macrotask queued from its animation frame runs after the paint
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - t0;
          })()`);
          if (k > 0) times.push(ms); // the first one warms up
          await page.getByTestId('tab-duty').click(); // out of the text boxes: Ctrl+Z is the document's
          await page.keyboard.press('Control+Z');
          await status.getByText(`找到 ${HITS} 个单元格`, { exact: true }).waitFor();
        }
        return {
          replace_all_1000: { value: round(median(times)), unit: 'ms' },
          replace_all_1000_samples: { value: times.length, unit: 'count' },
        };
      } finally {
        await h.close();
      }
    },
  },
];
