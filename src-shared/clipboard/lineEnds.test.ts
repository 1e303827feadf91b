// Line ends inside pasted cells come out as "\n" from every source: a stray "\r" would be stored in
// the file and print as a space.
import { describe, expect, it } from 'vitest';
import { parseClipboard, parseHtmlTable, parseTsv } from './index';

const noCR = (m: string[][]) => m.flat().every((c) => !c.includes('\r'));

describe('line ends on paste', () => {
  it('Excel TSV: a cell with Alt+Enter (quoted, LF inside) between CRLF rows', () => {
    const m = parseTsv('名称\t"第一行\n第二行"\r\n下一行\t2\r\n');
    expect(m).toEqual([['名称', '第一行\n第二行'], ['下一行', '2']]);
  });

  it('WPS TSV: CRLF inside a quoted cell becomes LF', () => {
    const m = parseTsv('"负责促进就业\r\n工作"\t≥90%\r\n"甲\r\n乙\r\n丙"\t1\r\n');
    expect(m).toEqual([['负责促进就业\n工作', '≥90%'], ['甲\n乙\n丙', '1']]);
    expect(noCR(m)).toBe(true);
  });

  it('a lone CR inside a quoted cell (old Mac text) becomes LF', () => {
    expect(parseTsv('"a\rb"\tc')).toEqual([['a\nb', 'c']]);
  });

  it('plain text: CRLF, LF or CR lines are rows, with no CR left over', () => {
    expect(parseClipboard({ text: '指标一\r\n指标二\r指标三\n' })).toEqual([['指标一'], ['指标二'], ['指标三']]);
  });

  it('HTML (Excel, WPS): <br> and an encoded CR LF are one line end', () => {
    const excel = `<table><tr><td>第一行<br style='mso-data-placement:same-cell'>第二行</td><td>x</td></tr></table>`;
    expect(parseHtmlTable(excel)).toEqual([['第一行\n第二行', 'x']]);
    const wps = '<table><tr><td>甲&#13;&#10;乙</td><td>丙&#13;丁</td></tr></table>';
    const m = parseClipboard({ html: wps, text: 'ignored' });
    expect(m).toEqual([['甲\n乙', '丙\n丁']]);
    expect(noCR(m)).toBe(true);
  });
});
