// Import keeps a cell that holds a character Word/Excel files cannot hold (here arriving as Excel's
// `_xFFFE_` escape, as an exchange sheet written by an older version has it) without the character,
// and the report names the cell and the code point (docs/import.md, "Characters a file cannot hold").
import { describe, expect, it } from 'vitest';
import { exportExchangeXlsx } from '../../src-shared/export';
import { formatReport, importOffice } from '../../src-shared/import';
import { newDocument, newProject, newProjectIndicator, unsavableChars } from '../../src-shared/model';
import { libraryFromXlsx } from '../../src-shared/library';
import { docxBody, docxBytes, is, row, xlsxBytes } from './build';

describe('import: characters a Word/Excel file cannot hold', () => {
  it('an exchange sheet cell with _xFFFE_ / _x0007_: kept without the character, the report names cell and code point', async () => {
    const doc = newDocument({ deptCode: '101', deptName: '某县农业农村局', templateId: 'structured-project' });
    doc.projects = [newProject('structured-project', {
      code: 'P1', name: '高标准农田建设',
      indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '新建\uFFFE面积', value: '≥10000亩', scoring: '按\u0007比例' })],
    })];
    const r = importOffice(await exportExchangeXlsx(doc), '指标导入表.xlsx');
    if (!r.ok) throw new Error(r.message);
    const ind = r.document.projects[0].indicators[0];
    expect([ind.name, ind.scoring]).toEqual(['新建面积', '按比例']);
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      '项目绩效指标 第 2 行第 5 列：含有无法保存到 Word/Excel 的字符 U+FFFE，已删除该字符',
      '项目绩效指标 第 2 行第 7 列：含有无法保存到 Word/Excel 的字符 U+0007，已删除该字符',
    ]));
    expect(formatReport(r.report)).toContain('第 2 行第 5 列：含有无法保存到 Word/Excel 的字符 U+FFFE，已删除该字符');
    expect(unsavableChars(JSON.stringify(r.document))).toEqual([]);
  });

  it('a Word table cell and a paragraph with a control character (written by a lenient tool) likewise', () => {
    const body = docxBody([
      '\u0001河北省部门职责-工作活动绩效目标表',
      [['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '优', '良', '中', '差'],
        ['一、就业\u0008服务', '10', '负责就业工作', '目标', '就业率', '≥95%', '≥90%', '≥85%', '<85%']],
    ]);
    const r = importOffice(docxBytes(body), '职责.docx');
    if (!r.ok) throw new Error(r.message);
    expect(r.document.dutyTable.duties[0].title).toBe('就业服务');
    expect(r.report.warnings).toEqual(expect.arrayContaining([
      '正文 第 1 行第 1 列：含有无法保存到 Word/Excel 的字符 U+0001，已删除该字符',
      '表格 1 第 2 行第 1 列：含有无法保存到 Word/Excel 的字符 U+0008，已删除该字符',
    ]));
    expect(unsavableChars(JSON.stringify(r.document))).toEqual([]);
  });

  it('a 指标库 sheet (jixiao library import) likewise: the entry is kept without the character, with the note', () => {
    const sheet = `<sheetData>${row(1, is('A1', '类别') + is('B1', '指标名称') + is('C1', '指标值'))}${row(2, is('A2', '项目') + is('B2', '参保_xFFFE_率') + is('C2', '≥95%'))}</sheetData>`;
    const r = libraryFromXlsx(xlsxBytes([{ name: '指标库', xml: sheet }]), '指标库.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.entries.map((e) => [e.name, e.value])).toEqual([['参保率', '≥95%']]);
    expect(r.notes).toEqual(['指标库 第 2 行第 2 列：含有无法保存到 Word/Excel 的字符 U+FFFE，已删除该字符']);
  });
});
