import { describe, expect, it } from 'vitest';
import { parseClipboard, parseHtmlTable, parseTsv, toTsv } from './index';

describe('parseTsv (plain text and Excel/WPS text/plain)', () => {
  it('splits tabs and CRLF rows, ignores the final line break (Excel)', () => {
    expect(parseTsv('a\tb\tc\r\nd\te\tf\r\n')).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
  });
  it('handles LF-only rows (WPS on Linux, text editors)', () => {
    expect(parseTsv('指标\t100%\n次数\t≥10')).toEqual([['指标', '100%'], ['次数', '≥10']]);
  });
  it('keeps empty cells, including a trailing one', () => {
    expect(parseTsv('a\t\tc\r\n\t\t\r\n')).toEqual([['a', '', 'c'], ['', '', '']]);
  });
  it('reads quoted cells with embedded newlines, tabs and doubled quotes (Excel quoting)', () => {
    const excel = '名称\t"第一行\n第二行"\t"他说""好""\tX"\r\n下一行\t2\t3\r\n';
    expect(parseTsv(excel)).toEqual([['名称', '第一行\n第二行', '他说"好"\tX'], ['下一行', '2', '3']]);
  });
  it('keeps a quote in the middle of an unquoted cell literally', () => {
    expect(parseTsv('5"寸\tb')).toEqual([['5"寸', 'b']]);
  });
  it('an unterminated quote takes the rest as text instead of losing it', () => {
    expect(parseTsv('"abc\tdef')).toEqual([['"abc\tdef']]);
  });
  it('round-trips through toTsv', () => {
    const m = [['a"b', 'c\nd', 'e\tf'], ['', '≥90%', '1、']];
    expect(parseTsv(toTsv(m))).toEqual(m);
  });
  it('single cell without line break', () => {
    expect(parseTsv('≥95%')).toEqual([['≥95%']]);
  });
});

describe('parseHtmlTable', () => {
  it('reads an Excel fragment with <br> inside a cell and entities', () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8><style>
      .xl65 {mso-number-format:"\\@";}</style></head><body link=blue><table border=0 cellpadding=0 cellspacing=0 width=216>
      <!--StartFragment-->
      <tr height=19 style='height:14.25pt'>
        <td height=19 class=xl65 width=72 style='height:14.25pt;width:54pt'>社会保险<br style='mso-data-placement:same-cell;'>到位率</td>
        <td class=xl65 width=72>&gt;=90%</td><td width=72>A&amp;B</td>
      </tr>
      <tr><td>x</td><td></td><td>&#8805;80%</td></tr>
      <!--EndFragment--></table></body></html>`;
    expect(parseHtmlTable(html)).toEqual([['社会保险\n到位率', '>=90%', 'A&B'], ['x', '', '≥80%']]);
  });
  it('expands WPS colspan/rowspan, leaving merged positions blank', () => {
    const wps = `<meta name="generator" content="WPS"><table x:str><tr><td rowspan="2" x:str>就业服务</td><td colspan=2>评价标准</td></tr>
      <tr><td>优</td><td>良</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>`;
    expect(parseHtmlTable(wps)).toEqual([['就业服务', '评价标准', ''], ['', '优', '良'], ['a', 'b', 'c']]);
  });
  it('tolerates missing closing tags', () => {
    expect(parseHtmlTable('<table><tr><td>1<td>2<tr><td>3<td>4</table>')).toEqual([['1', '2'], ['3', '4']]);
  });
  it('returns null without a table', () => {
    expect(parseHtmlTable('<p>hello</p>')).toBeNull();
  });
});

describe('parseClipboard', () => {
  it('prefers the HTML table when present', () => {
    expect(parseClipboard({ text: 'x\ty', html: '<table><tr><td>a</td><td>b</td></tr></table>' })).toEqual([['a', 'b']]);
  });
  it('falls back to text', () => {
    expect(parseClipboard({ text: 'x\ty', html: '<b>x y</b>' })).toEqual([['x', 'y']]);
  });
});
