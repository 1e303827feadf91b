// Hand-built .docx / .xlsx bytes for import tests (fflate zipSync, raw XML): only what the importer reads.
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxCell { text?: string; raw?: string; span?: number; vMerge?: 'restart' | 'continue' }
export type DocxRow = (string | DocxCell)[] | { gridBefore?: number; cells: (string | DocxCell)[] };
export type DocxBlock = string | DocxRow[];

/** Paragraph text: "\n" in the text becomes separate paragraphs of the same cell. */
function paras(text: string): string {
  return text.split('\n').map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`).join('');
}

export function docxBody(blocks: DocxBlock[]): string {
  return blocks.map((b) => {
    if (typeof b === 'string') return paras(b);
    const rows = b.map((r) => {
      const spec = Array.isArray(r) ? { cells: r } : r;
      const before = spec.gridBefore ? `<w:trPr><w:gridBefore w:val="${spec.gridBefore}"/></w:trPr>` : '';
      const cells = spec.cells.map((c) => {
        const cell: DocxCell = typeof c === 'string' ? { text: c } : c;
        const pr = (cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : '') + (cell.vMerge ? (cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '');
        return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${cell.raw ?? paras(cell.text ?? '')}</w:tc>`;
      }).join('');
      return `<w:tr>${before}${cells}</w:tr>`;
    }).join('');
    return `<w:tbl><w:tblPr/>${rows}</w:tbl>`;
  }).join('');
}

export function docxBytes(body: string, prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`${prolog}<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  return zipSync(files);
}

export interface XlsxSheet { name: string; xml: string }

/** A workbook from sheet XML bodies (<sheetData>… and optional <mergeCells>), shared strings and styles. */
export function xlsxBytes(sheets: XlsxSheet[], sharedStrings?: string, styles?: string): Uint8Array {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  sheets.forEach((s, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`); });
  if (sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst ${NS}>${sharedStrings}</sst>`);
  if (styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0"?><styleSheet ${NS}>${styles}</styleSheet>`);
  return zipSync(files);
}

/** Inline-string cell. */
export const is = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
export const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

/** A minimal duty table (header, band row, one duty, one activity with one indicator) for docx. */
export function dutyTableRows(activityDescription = '负责高校毕业生就业工作'): DocxRow[] {
  return [
    [{ text: '323临西县人力资源和社会保障局', span: 7 }, { text: '单位：万元', span: 2 }],
    [{ text: '职责活动', vMerge: 'restart' }, { text: '年度预算数', vMerge: 'restart' }, { text: '内容描述', vMerge: 'restart' }, { text: '绩效目标', vMerge: 'restart' }, { text: '绩效指标', vMerge: 'restart' }, { text: '评价标准', span: 4 }],
    [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, '优', '良', '中', '差'],
    ['一、促进就业管理', '1235.00', '负责促进就业工作', '促进再就业', '', '', '', '', ''],
    ['\u3000\u30001、就业创业扶持政策的制定及管理', '1235.00', activityDescription, '保持就业形势的基本稳定', '就业服务到位率', '100%', '≥90%', '≥80%', '<80%'],
  ];
}
