// The dispatcher: walks the grid rows of any source (Word tables and paragraphs, Excel sheets), finds
// where each table starts and hands its rows to that table family's recogniser (duty-table.ts,
// project-table.ts, selfeval-table.ts, dept-table.ts), however many tables there are and in whatever order. Headers
// are matched on a normalized spelling (NFKC, no spaces, no colons); cell text is kept exactly, except
// the numbering prefix and indentation of duty/activity titles, lifted into structure. Every non-empty
// cell ends up in the document, in a recognised header/label, or in `unplaced`.
import type { JixiaoDocument, MoneyUnit } from '../model';
import { bareLabel, headerKey, ImportContext, isBlank, normalizeLabel, ORG_LABEL, type Line, type TableRecogniser } from './context';
import { DEPT_TITLE, DeptTableRecogniser, isDeptNameLabel } from './dept-table';
import { DutyTableRecogniser } from './duty-table';
import type { GridStream } from './grid';
import { isLeadRow, ProjectTableRecogniser } from './project-table';
import { SelfevalTableRecogniser } from './selfeval-table';
import type { ImportReport } from './types';

export { normalizeLabel } from './context';

/** `单位：万元`, `金额单位：元`, also in brackets `（单位：万元）`. */
const UNIT_CELL = /^\(?(?:金额)?单位(万元|元)\)?$/;
const ORG_LINE = /^\s*\d{3,12}\s*[\u4e00-\u9fff]{2,}/;
const YEAR = /((?:19|20)\d{2})\s*年/;

/** Document properties (docProps/core.xml), used only when the tables themselves name no year. */
export interface SourceHints { title?: string; created?: string; creator?: string }

/** The grid rows as lines: blank cells dropped, a Word `单位行<tab>单位：万元` paragraph split in two. */
function toLines(stream: GridStream): Line[] {
  const lines: Line[] = [];
  for (const row of stream.rows) {
    let cells = row.cells.filter((c) => !isBlank(c.text));
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      const m = /^([\s\S]*?\S)[\t \u3000]*([（(]?(?:金额)?单位[:：]\s*(?:万元|元)[)）]?)\s*$/.exec(cells[0].text);
      // (`金额单位：万元` alone is one label, not an org line `金额` plus a unit)
      if (m && m[1] !== '金额') cells = [{ col: cells[0].col, span: 1, text: m[1] }, { col: cells[0].col + 1, span: 1, text: m[2] }];
    }
    lines.push({ row, cells, norms: cells.map((c) => normalizeLabel(c.text)) });
  }
  return lines;
}

/** Result columns: a table with one is a self-evaluation, a table without any is a target table. */
const RESULT_LABELS = new Set(['完成值', '实际完成值', '全年实际值', '全年完成值', '实际值', '得分', '自评得分', '执行数', '全年执行数', '预算执行数', '执行率',
  '全年实际完成值', '实际完成数', '年度实际完成值']);
const TITLE_ANY = /(绩效目标(申报)?表|绩效自评表|职责.?工作活动绩效目标表?)(\(.*\))?$/;

/** Rows that begin the next table: the look-ahead for result columns stops there. */
function beginsTable(line: Line): boolean {
  const n = line.norms[0];
  return n === '项目名称' || n === '项目编码' || /^[一二三四五六七八九十]+[、.]基本情况$/.test(n) || line.norms.includes('职责活动')
    || (line.cells.length === 1 && (TITLE_ANY.test(n) || DEPT_TITLE.test(n)));
}

/**
 * The one place that decides a table's family: result columns (完成值, 实际完成值, 全年实际值, 得分,
 * 执行数, 执行率) anywhere in the table make a self-evaluation; their absence a target table, whatever
 * the title says. The table runs from its first row to the row that begins the next one.
 */
export function decideFamily(lines: Line[], start: number): { family: 'project' | 'selfeval'; why: string } {
  const found: string[] = [];
  for (let j = start; j < lines.length && j < start + 400; j++) {
    // (header rows above 项目名称, such as 单位名称, belong to the table that 项目名称 begins)
    if (j > start && beginsTable(lines[j]) && !lines.slice(start, j).every(isLeadRow)) break;
    for (const n of lines[j].norms) {
      if (n.length > 24) continue;
      const b = [n, bareLabel(n), headerKey(n)].find((x) => RESULT_LABELS.has(x));
      if (b && !found.includes(b)) found.push(b);
    }
  }
  return found.length
    ? { family: 'selfeval', why: `表头有结果列${found.slice(0, 3).map((f) => `「${f}」`).join('')}` }
    : { family: 'project', why: '表头无完成值、得分、执行数等结果列' };
}

export function recognise(stream: GridStream, fileName: string, hints: SourceHints = {}): { document: JixiaoDocument; report: ImportReport } {
  const ctx = new ImportContext(stream, fileName);
  const { doc, report } = ctx;
  const duty = new DutyTableRecogniser(ctx), project = new ProjectTableRecogniser(ctx), selfeval = new SelfevalTableRecogniser(ctx);
  const dept = new DeptTableRecogniser(ctx);
  // The national self-evaluation starts with a 项目名称 row: it is asked before the project table.
  // The department-wide table is asked first: its title (…整体支出绩效目标表) is also a target-table title.
  const families: TableRecogniser[] = [dept, duty, selfeval, project];
  let active: TableRecogniser | null = null;
  const lines = toLines(stream);

  let sheet = '';
  rows: for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const { row, cells, norms } = line;
    // A workbook's table never runs on into the next sheet (a sheet of notes or lists after the form).
    if (stream.format === 'xlsx' && row.sheet !== sheet) { if (sheet !== '') { active?.close(); active = null; } sheet = row.sheet; }
    // Titles, headings, notes: rows a family claims outside its tables.
    for (const f of families) {
      const claim = f.outside?.(line, active);
      if (claim === 'close') { active?.close(); active = null; }
      if (claim) continue rows;
    }
    // Org line and unit: `323002涞水县…  单位：万元`, inside or above any table.
    const peek = (k: number) => lines[i + k];
    const unitIdx = norms.findIndex((n) => UNIT_CELL.test(n));
    // (部门名称 | … | 单位：万元 is the department-wide table's name row: the table reads both)
    const deptNameRow = isDeptNameLabel(norms[0]) && (active === dept || dept.starts(line, active, peek));
    if (unitIdx >= 0 && !deptNameRow) {
      ctx.noteUnit(UNIT_CELL.exec(norms[unitIdx])![1] as MoneyUnit, row);
      // (`填报单位（盖章）： | 桃江县住建局 | 单位：万元`: the label and the name in two cells)
      const labelOnly = (k: number) => k >= 0 && k !== unitIdx && ORG_LABEL.test(cells[k].text) && cells[k].text.replace(ORG_LABEL, '').trim() === '';
      cells.forEach((c, k) => {
        if (k === unitIdx || (labelOnly(k) && k + 1 < cells.length && k + 1 !== unitIdx)) return;
        if (k === 0 || ORG_LINE.test(c.text) || labelOnly(k - 1)) ctx.noteOrg(c.text);
        else ctx.unplaced(row, c, '单位行中无法识别的单元格');
      });
      continue;
    }
    // `填报单位（盖章）：…` on its own line, outside tables.
    if (cells.length <= 2 && (active === null || row.paragraph) && ORG_LABEL.test(cells[0].text) && /^\s*(编制|填报|申报|预算)/.test(cells[0].text) && cells[0].text.length < 80
      && (cells.length === 1 || cells[0].text.replace(ORG_LABEL, '').trim() === '')) {
      ctx.noteOrg(cells.length === 1 ? cells[0].text : cells[1].text);
      continue;
    }
    // A lone org line only outside tables (inside, `2020年…` text must not be mistaken for one).
    if (cells.length === 1 && ORG_LINE.test(cells[0].text) && !/^\s*\d{4}\s*年/.test(cells[0].text) && cells[0].text.length < 80 && (active === null || row.paragraph)) {
      ctx.noteOrg(cells[0].text);
      continue;
    }
    if (active?.owns?.(line, peek)) { active.take(line); continue; }
    let candidates = families.filter((f) => f.starts(line, active, peek));
    // (a row such as 单位名称 above the 项目名称 of a self-evaluation does not open a target table)
    if (candidates.length === 1 && candidates[0] === project && isLeadRow(line) && decideFamily(lines, i).family === 'selfeval') candidates = [];
    if (candidates.length) {
      let f = candidates[0];
      // A table that could be a target table or a self-evaluation: its result columns decide.
      if (candidates.includes(selfeval) || project.opensProject(line)) {
        const d = decideFamily(lines, i);
        const want = d.family === 'selfeval' ? selfeval : project;
        if (candidates.includes(want)) f = want;
        const chosen = f === selfeval ? '绩效自评表' : '项目绩效目标表';
        ctx.decision = `识别为${chosen}：${f === want ? d.why : `${d.why}，但表的开头只符合${chosen}`}`;
        report.mapped.push(`${row.sheet} 第 ${row.row} 行：${ctx.decision}`);
        if (f !== selfeval) selfeval.release(chosen);
        else ctx.dropHeading('绩效自评表');
      }
      if (active && active !== f) active.close();
      f.open(line, active);
      active = f;
      continue;
    }
    // A Word paragraph is outside every table by definition; it never continues a table's rows.
    if (row.paragraph) for (const c of cells) ctx.unplaced(row, c, '表格之外的段落');
    else if (active) active.take(line);
    else for (const c of cells) ctx.unplaced(row, c, '不在任何可识别的表格中');
  }
  active?.close();
  // Projects first: a self-evaluation table is attached to the project of the same name.
  // (the department-wide table first: the project table's finish gives the document its form)
  for (const f of [dept, duty, project, selfeval]) f.finish();

  const titleYear = hints.title ? YEAR.exec(hints.title) : null;
  // Our own xlsx export stamps the creation date as 1 January of the document's year.
  const stamped = hints.creator === 'jixiao' ? /^((?:19|20)\d{2})-01-01T00:00:00/.exec(hints.created ?? '') : null;
  if (titleYear) {
    doc.meta.year = Number(titleYear[1]);
    report.mapped.push(`年度：${doc.meta.year}（取自文件属性中的标题「${hints.title}」）`);
  } else if (stamped) {
    doc.meta.year = Number(stamped[1]);
    report.mapped.push(`年度：${doc.meta.year}（取自本软件导出时写入的文件属性）`);
  } else if (ctx.years.length) {
    doc.meta.year = ctx.years[0];
    report.mapped.push(`年度：${ctx.years[0]}（取自标题或项目名称）`);
  } else {
    report.warnings.push(`文件中没有找到年度，已按默认预算年度 ${doc.meta.year} 导入（9 月起为下一年度），请核对。`);
  }
  if (!ctx.docUnit) report.warnings.push('文件中没有找到“单位：万元/元”，已按万元导入，请核对。');
  if (!ctx.orgSeen) report.warnings.push('文件中没有找到单位行（部门编码和名称），请在文档信息中填写。');
  return { document: doc, report };
}
