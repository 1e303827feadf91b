// Render check of the self-evaluation exports: LibreOffice converts the xlsx and docx of both layouts
// (Hebei 2019, national 2020) to PDF, Chromium prints the print HTML; poppler then shows what a
// reader sees: A4 portrait, one table per page, title and page number on each page, every cell's text
// present, nothing beyond the right margin. PNGs go to tests/artifacts/render/ for a human look.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportSelfevalDocx, exportSelfevalXlsx, renderSelfevalPrintHtml } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { buildSelfevalLayout } from '../../src-shared/layout';
import { newProject, newSelfEvalIndicator, type JixiaoDocument } from '../../src-shared/model';
import { FONTCONFIG_CJK, fixturePath } from '../fixtures/paths';

const REPO = resolve(import.meta.dirname, '..', '..');
const FONTCONFIG = FONTCONFIG_CJK;
const ARTIFACTS = join(REPO, 'tests', 'artifacts', 'render');
const MM = 72 / 25.4;

/** The fixture plus a second project (blank 填报部门, a long problem text), in the given layout. */
function makeDoc(templateId: 'selfeval-hebei-2019' | 'selfeval-national-2020'): JixiaoDocument {
  const r = importOffice(new Uint8Array(readFileSync(fixturePath('selfeval-2019-a.docx'))), 'a.docx');
  if (!r.ok) throw new Error(r.message);
  const doc = r.document;
  doc.meta.selfevalTemplateId = templateId;
  const second = structuredClone(doc.projects[0].selfeval!);
  second.authority = '';
  second.problems = '一是部分指标设定不够细化，量化程度不高；二是资金支付进度前慢后快。下一步将细化绩效指标，加快支出进度，加强跟踪监控。';
  second.indicators = Array.from({ length: 12 }, (_, i) => newSelfEvalIndicator({
    level1: i < 8 ? '产出指标' : i < 11 ? '效益指标' : '满意度指标', level2: i < 4 ? '数量指标' : i < 6 ? '质量指标' : i < 8 ? '时效指标' : i < 11 ? '社会效益指标' : '服务对象满意度指标',
    name: `职业技能培训补贴发放人数第${i + 1}项（人）`, description: i % 2 ? '' : '当年享受职业技能培训补贴的人数', target: '≥500人', actual: '512', weight: '5', score: '5',
    deviation: i % 4 ? '' : '部分培训延期到下一年度，下一步加快进度。',
  }));
  doc.projects.push(newProject(doc.meta.templateId, { name: '2019年职业技能提升行动专项资金', selfeval: second }));
  return doc;
}

const LAYOUTS = { hebei: 'selfeval-hebei-2019', national: 'selfeval-national-2020' } as const;
const CASES = Object.keys(LAYOUTS).flatMap((layout) => (['xlsx', 'docx', 'html'] as const).map((format) => ({ key: `selfeval-${layout}-${format}`, layout: layout as keyof typeof LAYOUTS, format })));
interface Page { width: number; height: number; text: string; maxX: number }
const rendered = new Map<string, { pages: Page[]; raw: string }>();

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-se-render-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const office: string[] = [];
  for (const c of CASES) {
    const doc = makeDoc(LAYOUTS[c.layout]);
    const file = join(work, `${c.key}.${c.format}`);
    if (c.format === 'html') {
      writeFileSync(file, renderSelfevalPrintHtml(doc));
      const r = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-pdf-header-footer', `--user-data-dir=${join(work, 'chromium-profile')}`,
        `--print-to-pdf=${join(work, `${c.key}.pdf`)}`, `file://${file}`], { encoding: 'utf8', timeout: 120_000 });
      if (r.error) throw r.error;
      continue;
    }
    writeFileSync(file, c.format === 'xlsx' ? await exportSelfevalXlsx(doc) : await exportSelfevalDocx(doc));
    office.push(file);
  }
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...office], {
    env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG }, encoding: 'utf8', timeout: 200_000,
  });
  if (r.error) throw r.error;
  for (const c of CASES) {
    const pdf = join(work, `${c.key}.pdf`);
    if (!existsSync(pdf)) throw new Error(`no PDF for ${c.key}: ${r.stderr}`);
    const layoutText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const pages: Page[] = [];
    for (const m of bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const xs = [...m[3].matchAll(/xMax="([\d.]+)"/g)].map((x) => Number(x[1]));
      pages.push({ width: Number(m[1]), height: Number(m[2]), text: layoutText[pages.length] ?? '', maxX: Math.max(...xs) });
    }
    rendered.set(c.key, { pages, raw: execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }) });
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, c.key)]);
  }
  rmSync(work, { recursive: true, force: true });
}, 280_000);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CASES)('$key', ({ key, layout }) => {
  it('has A4 portrait pages with page numbers; each table starts a page; the fixture\'s table fits on one', () => {
    const { pages } = rendered.get(key)!;
    const title = layout === 'hebei' ? '部门预算项目绩效自评表' : '项目支出绩效自评表';
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p.width).toBeCloseTo(210 * MM, 0);
      expect(p.height).toBeCloseTo(297 * MM, 0);
      expect(squash(p.text)).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const starts = pages.map((p, i) => (squash(p.text).includes(title) ? i : -1)).filter((i) => i >= 0);
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(0);
    const first = squash(pages[0].text);
    for (const t of ['（2019年度）', '劳动监察专项资金', '评价等级', '填报人：张明静', '联系电话：5776425']) expect(first).toContain(t);
    // the second table (12 indicators) does not run into the first one's page
    expect(first).not.toContain('职业技能提升行动');
  });

  it('keeps every word inside the right margin and spans the printable width', () => {
    for (const p of rendered.get(key)!.pages) {
      expect(p.maxX).toBeLessThanOrEqual(p.width - 10 * MM);
      expect(p.maxX).toBeGreaterThan(p.width * 0.8);
    }
  });

  it('shows the full text of every cell', () => {
    const all = squash(rendered.get(key)!.raw);
    const cells = buildSelfevalLayout(makeDoc(LAYOUTS[layout])).parts.flatMap((p) => p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)))
      .map((c) => squash(c.text)).filter((t) => t.length > 0);
    expect(cells.filter((t) => !all.includes(t)).slice(0, 10)).toEqual([]);
  });
});
