// Word (.docx) → grid rows: body paragraphs and tables in document order. Cell text = its paragraphs
// joined with "\n"; inside a paragraph runs are joined, w:tab → "\t", w:br/w:cr → "\n", CR LF → "\n".
import { normalizeLineEnds } from '../model/text';
import type { GridCell, GridStream } from './grid';
import { child, childrenOf, parseXml, type XNode } from './xml';
import type { ZipArchive } from './zip';

// Containers whose runs are visible text; everything else inside a paragraph is skipped.
const TRANSPARENT = new Set(['hyperlink', 'ins', 'smartTag', 'fldSimple', 'sdt', 'sdtContent', 'customXml', 'moveTo', 'bdo', 'dir']);

export function paragraphText(p: XNode): string {
  let s = '';
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.tag === 'r') {
        for (const x of c.children) {
          if (x.tag === 't') s += x.children.map((t) => t.text ?? '').join('');
          else if (x.tag === 'tab' || x.tag === 'ptab') s += '\t';
          else if (x.tag === 'br' || x.tag === 'cr') s += '\n';
          else if (x.tag === 'noBreakHyphen') s += '-';
        }
      } else if (TRANSPARENT.has(c.tag)) {
        walk(c);
      }
    }
  };
  walk(p);
  // A carriage return typed into <w:t> (`&#13;`) is a line end like any other.
  return normalizeLineEnds(s);
}

// Formatting subtrees the importer never reads (none of them can contain itself).
const FORMATTING: ReadonlySet<string> = new Set([
  'rPr', 'pPr', 'tblPr', 'sectPr', 'tblPrEx', 'tcW', 'vAlign', 'tcBorders', 'shd', 'noWrap', 'tcMar',
  'cantSplit', 'tblHeader', 'trHeight', 'jc', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'lastRenderedPageBreak',
]);

const intAttr = (n: XNode | undefined, fallback: number) => {
  const v = n ? parseInt(n.attrs.val ?? '', 10) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function readDocx(zip: ZipArchive): GridStream {
  const xml = zip.readText('word/document.xml')!;
  const root = parseXml(xml, 'word/document.xml', { skip: FORMATTING });
  const body = child(root, 'body') ?? root;
  const out: GridStream = { format: 'docx', rows: [], stray: [] };
  let tableNo = 0;
  let paraNo = 0;

  // The grid of the table before (its column edges in twips) and where its rows ended in the stream.
  let prev: { edges: number[]; end: number; sheet: string } | null = null;
  const readTable = (tbl: XNode) => {
    const sheet = `表格 ${++tableNo}`;
    const edges = gridEdges(tbl);
    // Word splits a long table at a page break into two tables (a paragraph between them) and
    // LibreOffice/WPS drop grid columns no row uses: the second half then has a coarser grid than
    // the header it continues. Its columns are put on the first half's grid by their edges.
    const between = prev ? out.rows.slice(prev.end) : [];
    const onto = prev && between.every((r) => r.paragraph && r.cells.every((c) => c.text.trim() === '')) ? refine(edges, prev.edges) : null;
    if (onto && prev) out.warnings = [...(out.warnings ?? []), `${sheet}紧接${prev.sheet}（Word 在分页处拆开的表格），各列已按${prev.sheet}的列宽对齐。`];
    const at = (col: number) => (onto ? onto[Math.min(col, onto.length - 1)] : col);
    let rowNo = 0;
    const rows: XNode[] = [];
    const collectRows = (n: XNode) => {
      for (const c of n.children) {
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag === 'sdt' || c.tag === 'sdtContent' || c.tag === 'customXml') collectRows(c);
      }
    };
    collectRows(tbl);
    for (const tr of rows) {
      rowNo++;
      const trPr = child(tr, 'trPr');
      let col = trPr ? intAttr(child(trPr, 'gridBefore'), 0) : 0;
      const cells: GridCell[] = [];
      const tcs: XNode[] = [];
      const collectCells = (n: XNode) => {
        for (const c of n.children) {
          if (c.tag === 'tc') tcs.push(c);
          else if (c.tag === 'sdt' || c.tag === 'sdtContent' || c.tag === 'customXml') collectCells(c);
        }
      };
      collectCells(tr);
      for (const tc of tcs) {
        const tcPr = child(tc, 'tcPr');
        const span = tcPr ? intAttr(child(tcPr, 'gridSpan'), 1) : 1;
        const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
        const hMerge = tcPr ? child(tcPr, 'hMerge') : undefined;
        const continued = (vMerge && vMerge.attrs.val !== 'restart') || (hMerge && hMerge.attrs.val !== 'restart');
        const paras: string[] = [];
        for (const c of tc.children) {
          if (c.tag === 'p') paras.push(paragraphText(c));
          else if (c.tag === 'sdt') for (const p of childrenOf(child(c, 'sdtContent') ?? c, 'p')) paras.push(paragraphText(p));
          else if (c.tag === 'tbl') {
            // Nested tables are not part of the official layouts: report their text, never drop it.
            const nested = tableText(c);
            if (nested.trim()) out.stray.push({ sheet, row: rowNo, column: col + 1, text: nested, reason: '单元格内嵌套的表格（未识别）' });
          }
        }
        const text = paras.join('\n');
        // A vMerge continuation shows nothing in Word; keep it only if it (unusually) has text.
        if (!continued || text.trim() !== '') cells.push({ col: at(col), span: Math.max(1, at(col + span) - at(col)), text });
        col += span;
      }
      out.rows.push({ sheet, row: rowNo, cells });
    }
    if (edges.length > 1) prev = { edges: onto && prev ? prev.edges : edges, end: out.rows.length, sheet };
    else prev = null;
  };

  const walkBody = (n: XNode) => {
    for (const c of n.children) {
      if (c.tag === 'p') {
        // Text boxes anchored in the paragraph (a title typed in a shape): read as the page's own
        // paragraphs and tables, before the paragraph that holds them.
        for (const box of textBoxes(c)) walkBody(box);
        paraNo++;
        const text = paragraphText(c);
        out.rows.push({ sheet: '正文', row: paraNo, cells: text ? [{ col: 0, span: 1, text }] : [], paragraph: true });
      } else if (c.tag === 'tbl') {
        if (isFrame(c)) {
          // A one-column layout table around the form (pages converted from the web or PDF): its cells are read as the page.
          out.warnings = [...(out.warnings ?? []), `第 ${tableNo + 1} 个表格是排版用的外框（单元格中是整张表格），已按其中的段落和表格读取。`];
          for (const tr of childrenOf(c, 'tr')) for (const tc of childrenOf(tr, 'tc')) walkBody(tc);
        } else readTable(c);
      } else if (c.tag === 'sdt' || c.tag === 'sdtContent' || c.tag === 'customXml') {
        walkBody(c);
      }
    }
  };
  walkBody(body);
  return out;
}

/**
 * The w:txbxContent of the text boxes inside a paragraph. Word writes each box twice (DrawingML in
 * mc:Choice, VML in mc:Fallback): only the first branch of an mc:AlternateContent is read.
 */
function textBoxes(p: XNode): XNode[] {
  const found: XNode[] = [];
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.tag === 'txbxContent') found.push(c);
      else if (c.tag === 'AlternateContent') { const first = c.children.find((x) => x.tag === 'Choice' || x.tag === 'Fallback'); if (first) walk(first); }
      else if (c.children.length) walk(c);
    }
  };
  walk(p);
  return found;
}

/** A layout frame: every row one cell, and a table inside (the form nested in it). */
function isFrame(tbl: XNode): boolean {
  const rows = childrenOf(tbl, 'tr');
  return rows.length > 0 && rows.every((tr) => childrenOf(tr, 'tc').length === 1) && rows.some((tr) => childrenOf(tr, 'tc').some((tc) => childrenOf(tc, 'tbl').length > 0));
}

/** A table's column edges from its w:tblGrid (0, w1, w1+w2, …); [] when it has none. */
function gridEdges(tbl: XNode): number[] {
  const grid = child(tbl, 'tblGrid');
  if (!grid) return [];
  const edges = [0];
  for (const g of childrenOf(grid, 'gridCol')) {
    const w = parseInt(g.attrs.w ?? '', 10);
    if (!Number.isFinite(w) || w < 0) return [];
    edges.push(edges[edges.length - 1] + w);
  }
  return edges;
}

/**
 * Each edge of `edges` as an index into `finer` when the two grids have the same width, `edges` has
 * fewer columns and every edge of it is one of `finer`'s (within a few twips); else null.
 */
function refine(edges: number[], finer: number[]): number[] | null {
  if (edges.length < 2 || edges.length >= finer.length) return null;
  const tol = 30;
  if (Math.abs(edges[edges.length - 1] - finer[finer.length - 1]) > tol) return null;
  const map: number[] = [];
  for (const e of edges) {
    const k = finer.findIndex((f) => Math.abs(f - e) <= tol);
    if (k < 0 || (map.length && k <= map[map.length - 1])) return null;
    map.push(k);
  }
  return map;
}

function tableText(tbl: XNode): string {
  const lines: string[] = [];
  for (const tr of childrenOf(tbl, 'tr')) {
    lines.push(childrenOf(tr, 'tc').map((tc) => childrenOf(tc, 'p').map(paragraphText).join('\n')).join('\t'));
  }
  return lines.join('\n');
}
