// Every kind of .xlsx/.docx the program writes, made by the same pure export functions the app, the
// CLI and the batch audit call. To check a new kind of file, add one line to OUTPUTS.
import { auditDocument, auditWorkbook, opinionDocx, type AuditEntry, type ReadFile } from '../../src-shared/audit';
import { diffDocuments } from '../../src-shared/cycle';
import { diffToXlsx } from '../../src-shared/cycle/report-xlsx';
import { exportDocx, exportExchangeXlsx, exportSelfevalDocx, exportSelfevalXlsx, exportXlsx } from '../../src-shared/export';
import { emptyLibrary, learnFromDocument, libraryEntries, libraryToXlsx } from '../../src-shared/library';
import { convertDocument, newProjectIndicator, type JixiaoDocument } from '../../src-shared/model';
import { makeSyntheticDocument, makeSyntheticSelfevalDocument } from '../bench/synthetic';
import { loadSeed } from '../export/helpers';
import { blankDocument, blankSelfevalDocument, loadProfileFixture, loadSelfevalFixture, PROFILE_FIXTURES, SELFEVAL_PROFILE_IDS, TARGET_PROFILE_IDS } from '../export/profile-forms.helpers';

export interface Output { name: string; make: () => Promise<Uint8Array> | Uint8Array }

/** The Laishui tables in the national 2021 template (成本指标 as 一级, 效益指标, 9月底 checkpoint). */
function national(): JixiaoDocument {
  const doc = loadSeed('laishui-2020-a');
  doc.meta.templateId = 'national-2021';
  for (const p of doc.projects) {
    for (const i of p.indicators) {
      if (i.level2 === '成本指标') { i.level1 = '成本指标'; i.level2 = '经济成本指标'; }
      if (i.level1 === '效果指标') i.level1 = '效益指标';
    }
  }
  return doc;
}

/** Text a clerk may paste: markup characters, edge spaces, tabs, line breaks, astral characters, control characters. */
function awkwardText(): JixiaoDocument {
  const doc = loadSeed('laishui-2020-a');
  const p = doc.projects[0];
  p.name = ' A&B <项目> "引号" \'单引号\' ';
  p.purpose = '第一行\n\t第二行（制表符）\r\n第三行 𠀀 😀 末尾空格  ';
  p.goal = `控制字符\u0001\u0008\u000b\u001f之后\ufffe`;
  p.indicators[0].name = ']]> <![CDATA[ & &amp; &#1; \u0002\uffff';
  p.indicators[0].value = '  ≥90%';
  return doc;
}

const auditAwkward = () => auditDocument(awkwardText(), { file: 'a&<b>\uffff.jixiao', path: '/in/a&<b>\uffff.jixiao' }, 'jixiao');

function awkwardSelfeval(): JixiaoDocument {
  const doc = loadSeed('selfeval-2019-a');
  const se = doc.projects[0].selfeval!;
  se.problems = awkwardText().projects[0].goal;
  se.indicators[0].actual = ' <&> \uffff ';
  return doc;
}

/** A county's whole budget: 40 duties × 8 activities × 5 indicators, 300 projects × 12 indicators. */
const county = () => makeSyntheticDocument();
const SMALL_SELFEVAL = { duties: 2, activities: 2, indicators: 2, projects: 6, projectIndicators: 12 };
function selfevalIn(layout: 'selfeval-hebei-2019' | 'selfeval-national-2020', doc: JixiaoDocument): JixiaoDocument {
  doc.meta.selfevalTemplateId = layout;
  return doc;
}

function auditEntries(): { entries: AuditEntry[]; read: ReadFile[] } {
  const read = (['laishui-2020-a', 'linxi-2019', 'selfeval-2019-a'] as const).map((s) => auditDocument(loadSeed(s), { file: `部门/${s}.jixiao`, path: `/in/部门/${s}.jixiao` }, 'jixiao'));
  return {
    read,
    entries: [
      ...read,
      { status: 'unreadable', file: '坏文件.docx', path: '/in/坏文件.docx', code: 'import.corrupt', message: '文件损坏或格式不对' },
      { status: 'skipped', file: '说明.txt', path: '/in/说明.txt' },
    ],
  };
}

/** Next year's document with changed and removed rows (projects of Laishui, duties of Linxi), for the comparison report. */
function nextYear(seed: 'laishui-2020-a' | 'linxi-2019'): JixiaoDocument {
  const doc = loadSeed(seed);
  doc.meta.year += 1;
  if (doc.projects.length) {
    doc.projects[0].budget = '123.45';
    doc.projects[1].indicators[0].value = '≥99%';
    doc.projects.splice(2, 1);
  }
  if (doc.dutyTable.duties.length) {
    doc.dutyTable.duties[0].budget = '1';
    doc.dutyTable.duties[0].activities[0].indicators.pop();
    doc.dutyTable.duties.splice(1, 1);
  }
  return doc;
}

function library(...docs: JixiaoDocument[]): Promise<Uint8Array> {
  const lib = emptyLibrary();
  docs.forEach((d, i) => learnFromDocument(lib, d, `${i + 1}.jixiao`));
  return libraryToXlsx(libraryEntries(lib));
}

export const OUTPUTS: Output[] = [
  // target tables (部门职责-工作活动 + 项目绩效目标表)
  { name: 'laishui-2020-a.xlsx', make: () => exportXlsx(loadSeed('laishui-2020-a')) },
  { name: 'laishui-2020-a.docx', make: () => exportDocx(loadSeed('laishui-2020-a')) },
  { name: 'laishui-2020-a-sheet-per-project.xlsx', make: () => exportXlsx(loadSeed('laishui-2020-a'), { sheetPerProject: true }) },
  { name: 'laishui-2020-a-projects-1-3.docx', make: () => exportDocx(loadSeed('laishui-2020-a'), { dutyTable: false, projects: [0, 2] }) },
  { name: 'linxi-2019.xlsx', make: () => exportXlsx(loadSeed('linxi-2019')) },
  { name: 'linxi-2019.docx', make: () => exportDocx(loadSeed('linxi-2019')) },
  { name: 'national-2021.xlsx', make: () => exportXlsx(national()) },
  { name: 'national-2021.docx', make: () => exportDocx(national()) },
  { name: 'national-2021-sheet-per-project.xlsx', make: () => exportXlsx(national(), { sheetPerProject: true }) },
  { name: 'awkward-text.xlsx', make: () => exportXlsx(awkwardText()) },
  { name: 'awkward-text.docx', make: () => exportDocx(awkwardText()) },
  { name: 'county.xlsx', make: () => exportXlsx(county()) },
  { name: 'county.docx', make: () => exportDocx(county()) },
  // forms drawn from the profile (88号 project, structured, 88号 department-wide set) and every profile's blank form
  ...PROFILE_FIXTURES.flatMap((f) => [
    { name: `${f}.xlsx`, make: () => exportXlsx(loadProfileFixture(f)) },
    { name: `${f}.docx`, make: () => exportDocx(loadProfileFixture(f)) },
  ]),
  { name: 'national-88-dept-sheet-per-project.xlsx', make: () => exportXlsx(loadProfileFixture('national-88-dept'), { sheetPerProject: true }) },
  ...TARGET_PROFILE_IDS.flatMap((id) => [
    { name: `blank-${id}.xlsx`, make: () => exportXlsx(blankDocument(id)) },
    { name: `blank-${id}.docx`, make: () => exportDocx(blankDocument(id)) },
  ]),
  // year-end self-evaluations, both layouts
  { name: 'selfeval-2019-a-hebei.xlsx', make: () => exportSelfevalXlsx(selfevalIn('selfeval-hebei-2019', loadSeed('selfeval-2019-a'))) },
  { name: 'selfeval-2019-a-hebei.docx', make: () => exportSelfevalDocx(selfevalIn('selfeval-hebei-2019', loadSeed('selfeval-2019-a'))) },
  { name: 'selfeval-2019-a-national.xlsx', make: () => exportSelfevalXlsx(selfevalIn('selfeval-national-2020', loadSeed('selfeval-2019-a'))) },
  { name: 'selfeval-2019-a-national.docx', make: () => exportSelfevalDocx(selfevalIn('selfeval-national-2020', loadSeed('selfeval-2019-a'))) },
  // the structured (一体化) self-evaluation drawn from its profile, and every self-evaluation form's blank table
  { name: 'selfeval-structured.xlsx', make: () => exportSelfevalXlsx(loadSelfevalFixture()) },
  { name: 'selfeval-structured.docx', make: () => exportSelfevalDocx(loadSelfevalFixture()) },
  ...SELFEVAL_PROFILE_IDS.flatMap((id) => [
    { name: `blank-${id}.xlsx`, make: () => exportSelfevalXlsx(blankSelfevalDocument(id)) },
    { name: `blank-${id}.docx`, make: () => exportSelfevalDocx(blankSelfevalDocument(id)) },
  ]),
  { name: 'selfeval-synthetic-hebei.xlsx', make: () => exportSelfevalXlsx(selfevalIn('selfeval-hebei-2019', makeSyntheticSelfevalDocument(SMALL_SELFEVAL))) },
  { name: 'selfeval-synthetic-hebei.docx', make: () => exportSelfevalDocx(selfevalIn('selfeval-hebei-2019', makeSyntheticSelfevalDocument(SMALL_SELFEVAL))) },
  { name: 'selfeval-synthetic-national.xlsx', make: () => exportSelfevalXlsx(selfevalIn('selfeval-national-2020', makeSyntheticSelfevalDocument(SMALL_SELFEVAL))) },
  { name: 'selfeval-synthetic-national.docx', make: () => exportSelfevalDocx(selfevalIn('selfeval-national-2020', makeSyntheticSelfevalDocument(SMALL_SELFEVAL))) },
  // batch audit: the summary workbook and each file's 审核意见
  { name: '审核汇总.xlsx', make: () => auditWorkbook(auditEntries().entries, new Date(Date.UTC(2021, 0, 1))) },
  { name: '审核汇总-empty.xlsx', make: () => auditWorkbook([], new Date(Date.UTC(2021, 0, 1))) },
  ...(['laishui-2020-a', 'linxi-2019', 'selfeval-2019-a'] as const).map((s, i) => ({ name: `${s}审核意见.docx`, make: () => opinionDocx(auditEntries().read[i]) })),
  // comparison report (jixiao diff --xlsx), with differences and without
  ...(['laishui-2020-a', 'linxi-2019'] as const).map((s) => ({ name: `${s}-对比.xlsx`, make: () => diffToXlsx(diffDocuments(loadSeed(s), nextYear(s)), { old: 'old.jixiao', new: 'new.jixiao' }) })),
  { name: '对比-same.xlsx', make: () => diffToXlsx(diffDocuments(loadSeed('linxi-2019'), loadSeed('linxi-2019')), { old: 'a.jixiao', new: 'b.jixiao' }) },
  // the indicator library sheet (jixiao library export)
  { name: '指标库.xlsx', make: () => library(loadSeed('laishui-2020-a'), loadSeed('linxi-2019')) },
  // the awkward text through every writer that copies document text
  { name: 'awkward-text-对比.xlsx', make: () => diffToXlsx(diffDocuments(loadSeed('laishui-2020-a'), awkwardText()), { old: 'a&b.jixiao', new: '<c>.jixiao' }) },
  { name: 'awkward-text-指标库.xlsx', make: () => library(awkwardText()) },
  { name: 'awkward-text-审核汇总.xlsx', make: () => auditWorkbook([auditAwkward()], new Date(Date.UTC(2021, 0, 1))) },
  { name: 'awkward-text-审核意见.docx', make: () => opinionDocx(auditAwkward()) },
  { name: 'awkward-text-selfeval.docx', make: () => exportSelfevalDocx(awkwardSelfeval()) },
  { name: 'awkward-text-selfeval.xlsx', make: () => exportSelfevalXlsx(awkwardSelfeval()) },
  // the exchange sheet for the integrated budget system (jixiao export --exchange)
  { name: 'laishui-2020-a-指标导入表.xlsx', make: () => exportExchangeXlsx(loadSeed('laishui-2020-a')) },
  { name: 'deptwide-指标导入表.xlsx', make: () => exportExchangeXlsx(deptWide()) },
  { name: 'awkward-text-指标导入表.xlsx', make: () => exportExchangeXlsx(awkwardText()) },
];

function deptWide(): JixiaoDocument {
  const r = convertDocument(loadSeed('laishui-2020-a'), 'national-88-dept');
  if (!r.ok) throw new Error(r.message);
  r.document.deptWide!.indicators.push(newProjectIndicator({ level1: '产出指标', name: '培训人次', operator: '≥', number: '2000', unit: '人次', value: '≥2000人次', weight: '30', direction: '正向' }));
  return r.document;
}
