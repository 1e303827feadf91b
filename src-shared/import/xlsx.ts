// Excel (.xlsx) → grid rows, one sheet after another. Shared strings (rich text runs joined, phonetic
// runs skipped), inline strings, numbers shown as the user saw them (number format applied: a 6123
// formatted 0.00 reads "6123.00"), merge ranges (the value sits in the top-left cell).
import { normalizeLineEnds } from '../model/text';
import type { GridCell, GridRow, GridStream } from './grid';
import { child, childrenOf, parseXml, textOf, type XNode } from './xml';
import type { ZipArchive } from './zip';

/** Text of a shared-string item or inline string: <t> plus the <t> of every rich run <r>. */
function richText(si: XNode): string {
  let s = '';
  for (const c of si.children) {
    if (c.tag === 't') s += textOf(c);
    else if (c.tag === 'r') { const t = child(c, 't'); if (t) s += textOf(t); } // rPh (phonetic) skipped
  }
  return stringText(s);
}

/**
 * A string as the cell shows it: Excel's `_xHHHH_` escapes decoded (it writes a line break typed
 * as CR LF as `_x000D_` + LF; `_x005F_` escapes a literal underscore), line ends as `\n`.
 */
export function stringText(raw: string): string {
  const s = raw.includes('_x') ? raw.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
  return normalizeLineEnds(s);
}

// Sheet parts the importer never reads (formulas keep their cached value in <v>).
const SHEET_SKIP: ReadonlySet<string> = new Set(['f', 'sheetViews', 'pageMargins', 'pageSetup', 'headerFooter', 'extLst', 'sheetFormatPr', 'conditionalFormatting', 'dataValidations']);

/** "B12" → { col: 1, row: 12 } (0-based column). */
export function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: parseInt(m[2], 10) };
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 49: '@',
  // the built-in date formats as a Chinese Excel/WPS shows them
  14: 'yyyy/m/d', 22: 'yyyy/m/d h:mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/**
 * The number as Excel shows it under its format's first section: decimals, thousands separator,
 * percent, and literal text ("万元", \\x) kept in place; colours/conditions ([Red]), padding (_x)
 * and fills (*x) dropped. Dates and scientific formats fall back to the raw value.
 */
export function formatNumber(raw: string, code: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n) || raw.trim() === '') return raw;
  const section = code.split(';')[0];
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  // A date (填报日期 typed as a date): the serial number shown as the format shows it, not 45356.
  if (/[yd]/i.test(bare) && /^[^0#?]*$/.test(bare)) { const d = formatDate(n, section); if (d !== null) return d; }
  if (!code || code === 'General' || code === '@' || !/[0#?]/.test(bare) || /[eE][+-]/.test(bare) || /[ymdhs]/i.test(bare)) {
    return general(raw, n);
  }
  const percent = bare.includes('%');
  const dot = bare.indexOf('.');
  const decimals = dot < 0 ? 0 : (/^[0#?]*/.exec(bare.slice(dot + 1))?.[0].length ?? 0);
  let num = (percent ? n * 100 : n).toFixed(decimals);
  if (/[0#?],[0#?]/.test(bare)) {
    const [i, f] = num.split('.');
    num = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
  }
  let out = '';
  let placed = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') { const e = section.indexOf('"', i + 1); out += section.slice(i + 1, e < 0 ? undefined : e); i = e < 0 ? section.length : e; }
    else if (ch === '\\') { out += section[i + 1] ?? ''; i++; }
    else if (ch === '[') { const e = section.indexOf(']', i); i = e < 0 ? section.length : e; }
    else if (ch === '_' || ch === '*') i++;
    else if ('#0?,.'.includes(ch)) { if (!placed) { out += num; placed = true; } }
    else out += ch;
  }
  return out.trim();
}

/**
 * An Excel date serial (days since 1899-12-30, the 1900 system) under a date format section: y, m, d
 * (and h, s; m after h or before s is minutes) with literal text kept. null when out of range.
 */
export function formatDate(serial: number, section: string): string | null {
  if (serial < 1 || serial > 2958465) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400) * 1000);
  const parts: Record<string, number> = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes(), s: t.getUTCSeconds() };
  const tokens: { kind: string; len: number; lit?: string }[] = [];
  for (let i = 0; i < section.length;) {
    const ch = section[i];
    if (ch === '"') { const e = section.indexOf('"', i + 1); tokens.push({ kind: 'lit', len: 0, lit: section.slice(i + 1, e < 0 ? undefined : e) }); i = e < 0 ? section.length : e + 1; continue; }
    if (ch === '\\') { tokens.push({ kind: 'lit', len: 0, lit: section[i + 1] ?? '' }); i += 2; continue; }
    if (ch === '[') { const e = section.indexOf(']', i); i = e < 0 ? section.length : e + 1; continue; }
    if (ch === '_' || ch === '*') { i += 2; continue; }
    const low = ch.toLowerCase();
    if ('ymdhs'.includes(low)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === low) j++;
      tokens.push({ kind: low, len: j - i });
      i = j;
      continue;
    }
    tokens.push({ kind: 'lit', len: 0, lit: ch });
    i++;
  }
  const pad = (v: number, len: number) => String(v).padStart(len >= 2 ? 2 : 1, '0');
  let out = '';
  tokens.forEach((tk, k) => {
    if (tk.kind === 'lit') { out += tk.lit; return; }
    if (tk.kind === 'y') { out += tk.len <= 2 ? String(parts.y).slice(-2) : String(parts.y); return; }
    if (tk.kind === 'm') {
      const before = tokens.slice(0, k).reverse().find((x) => x.kind !== 'lit');
      const after = tokens.slice(k + 1).find((x) => x.kind !== 'lit');
      const minutes = before?.kind === 'h' || after?.kind === 's';
      out += pad(minutes ? parts.min : parts.m, tk.len);
      return;
    }
    out += pad(tk.kind === 'd' ? parts.d : tk.kind === 'h' ? parts.h : parts.s, tk.len);
  });
  return out.trim();
}

function general(raw: string, n: number): string {
  // Excel shows at most 15 significant digits; strip binary-float noise like 0.30000000000000004.
  if (/^-?\d+(\.\d+)?$/.test(raw) && raw.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15) return raw;
  return String(Number(n.toPrecision(15)));
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function readXlsx(zip: ZipArchive): GridStream {
  const workbook = parseXml(zip.readText('xl/workbook.xml')!, 'xl/workbook.xml');
  const relsText = zip.readText('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, string>();
  if (relsText) for (const r of parseXml(relsText, 'workbook.xml.rels').children) if (r.tag === 'Relationship') rels.set(r.attrs.Id, resolveTarget(r.attrs.Target ?? ''));

  const shared: string[] = [];
  const sst = zip.readText('xl/sharedStrings.xml');
  if (sst) for (const si of parseXml(sst, 'xl/sharedStrings.xml').children) if (si.tag === 'si') shared.push(richText(si));

  const xfFormats: string[] = [];
  const stylesText = zip.readText('xl/styles.xml');
  if (stylesText) {
    const styles = parseXml(stylesText, 'xl/styles.xml');
    const custom = new Map<number, string>();
    const numFmts = child(styles, 'numFmts');
    if (numFmts) for (const f of childrenOf(numFmts, 'numFmt')) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
    const cellXfs = child(styles, 'cellXfs');
    if (cellXfs) for (const xf of childrenOf(cellXfs, 'xf')) {
      const id = Number(xf.attrs.numFmtId ?? 0);
      xfFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
    }
  }

  const out: GridStream = { format: 'xlsx', rows: [], stray: [] };
  const sheets = child(workbook, 'sheets');
  for (const s of sheets ? childrenOf(sheets, 'sheet') : []) {
    const name = s.attrs.name ?? '';
    // A hidden sheet (the template's drop-down lists: 正向指标/反向指标, ≥/≤ …) is not part of the
    // printed form; it is said, not read (its rows would otherwise run on as the last table's rows).
    if (s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden') {
      (out.warnings ??= []).push(`工作表「${name}」是隐藏的工作表（模板的下拉选项等），不是表格内容，未导入；如其中有要导入的表，请先取消隐藏。`);
      continue;
    }
    const path = rels.get(s.attrs.id ?? '') ?? '';
    const text = path ? zip.readText(path) : null;
    if (text === null) {
      (out.warnings ??= []).push(`工作表「${name}」在文件中找不到（文件可能不完整），未能读取。`);
      continue;
    }
    readSheet(parseXml(text, path, { skip: SHEET_SKIP }), name, shared, xfFormats, out);
  }
  return out;
}

function readSheet(ws: XNode, sheet: string, shared: string[], xfFormats: string[], out: GridStream): void {
  // Merges: origin → width; covered cells are skipped.
  const spanAt = new Map<string, number>();
  const covered = new Set<string>();
  const mergeCells = child(ws, 'mergeCells');
  if (mergeCells) for (const m of childrenOf(mergeCells, 'mergeCell')) {
    const [a, b] = (m.attrs.ref ?? '').split(':');
    const from = parseRef(a ?? ''), to = parseRef(b ?? a ?? '');
    if (!from || !to) continue;
    spanAt.set(`${from.row}:${from.col}`, to.col - from.col + 1);
    // Cap the covered area so a hostile A1:XFD1048576 merge cannot exhaust memory.
    if ((to.row - from.row + 1) * (to.col - from.col + 1) > 1_000_000) continue;
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) covered.add(`${r}:${c}`);
  }

  // Hidden columns (`<col hidden="1">`): read like the others, and said where they hold text.
  const hiddenCols = new Set<number>();
  const cols = child(ws, 'cols');
  if (cols) for (const c of childrenOf(cols, 'col')) {
    if (c.attrs.hidden !== '1' && c.attrs.hidden !== 'true') continue;
    const min = parseInt(c.attrs.min ?? '', 10), max = Math.min(parseInt(c.attrs.max ?? '', 10), min + 16384);
    for (let k = min; k <= max; k++) hiddenCols.add(k - 1);
  }
  const saidCols = new Set<number>();

  const data = child(ws, 'sheetData');
  let rowNo = 0;
  for (const rowNode of data ? childrenOf(data, 'row') : []) {
    rowNo = rowNode.attrs.r ? parseInt(rowNode.attrs.r, 10) : rowNo + 1;
    const cells: GridCell[] = [];
    let colNo = -1;
    for (const c of childrenOf(rowNode, 'c')) {
      const ref = c.attrs.r ? parseRef(c.attrs.r) : null;
      colNo = ref ? ref.col : colNo + 1;
      const text = cellText(c, shared, xfFormats);
      const key = `${rowNo}:${colNo}`;
      if (covered.has(key) && text.trim() === '') continue;
      if (text === '' && !spanAt.has(key)) continue;
      cells.push({ col: colNo, span: spanAt.get(key) ?? 1, text });
    }
    cells.sort((x, y) => x.col - y.col);
    // A hidden row is not printed, yet it may be a real row the clerk hid: read, and said.
    if ((rowNode.attrs.hidden === '1' || rowNode.attrs.hidden === 'true') && cells.some((c) => c.text.trim() !== '')) {
      (out.warnings ??= []).push(`工作表「${sheet}」第 ${rowNo} 行是隐藏行（打印时看不到），其内容已照常导入，请核对。`);
    }
    for (const c of cells) {
      if (!hiddenCols.has(c.col) || saidCols.has(c.col) || c.text.trim() === '') continue;
      saidCols.add(c.col);
      (out.warnings ??= []).push(`工作表「${sheet}」第 ${colLetters(c.col)} 列是隐藏列（打印时看不到），其内容已照常导入，请核对。`);
    }
    const row: GridRow = { sheet, row: rowNo, cells };
    out.rows.push(row);
  }
}

/** 0 → A, 26 → AA (Excel's column letters, for the report). */
function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellText(c: XNode, shared: string[], xfFormats: string[]): string {
  const t = c.attrs.t ?? 'n';
  if (t === 'inlineStr') { const is = child(c, 'is'); return is ? richText(is) : ''; }
  const v = child(c, 'v');
  const raw = v ? textOf(v) : '';
  if (t === 's') return shared[parseInt(raw, 10)] ?? '';
  if (t === 'str') return stringText(raw);
  if (t === 'e') return raw;
  if (t === 'b') return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
  const style = c.attrs.s ? parseInt(c.attrs.s, 10) : 0;
  return formatNumber(raw, xfFormats[style] ?? 'General');
}
