// Clipboard cell blocks: parse what Excel / WPS / a text editor put on the clipboard (TSV with
// Excel's quoting rules, or an HTML table) into a matrix of strings, and write a block as TSV.
// Pure string code (no DOM), so it is tested per source without a browser. Line ends inside a cell
// come out as `\n` whatever the source wrote (`\r\n`, `\r`, `&#13;`).
import { normalizeLineEnds } from '../model/text';

export type CellMatrix = string[][];

/**
 * TSV as Excel writes and reads it: tab between cells, CRLF (or LF, or CR) between rows; a cell
 * starting with `"` is quoted and may hold tabs, newlines and `""` (a literal quote). A final line
 * break does not start a row.
 */
export function parseTsv(text: string): CellMatrix {
  const rows: CellMatrix = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      // Quoted cell; if the closing quote is not followed by a separator, Excel treats the
      // remaining characters as part of the cell (lenient, like Excel itself).
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') { cell += '"'; j += 2; continue; }
          closed = true; j++; break;
        }
        cell += text[j++];
      }
      if (!closed) { cell = text.slice(i, n); j = n; }
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') cell += text[j++];
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(normalizeLineEnds(cell));
    if (i >= n) { rows.push(row); break; }
    const c = text[i];
    if (c === '\t') { i++; if (i === n) { row.push(''); rows.push(row); break; } continue; }
    // Row break: \r\n, \n or \r.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

function needsQuotes(s: string): boolean { return /[\t\n\r"]/.test(s); }

/** A block as Excel-compatible TSV (CRLF rows, quoted cells where needed). */
export function toTsv(matrix: CellMatrix): string {
  return matrix.map((r) => r.map((c) => (needsQuotes(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\r\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', ge: '≥', le: '≤', times: '×', yen: '¥', middot: '·', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text of an HTML cell: <br> and block ends are line breaks, source whitespace collapses. */
function cellText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|li)>\s*(?=<)/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return normalizeLineEnds(decodeEntities(s)).replace(/ *\n */g, '\n').replace(/^[ \n]+|[ \n]+$/g, '').replace(/\u00a0/g, ' ');
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(tag);
  return m ? Math.max(1, parseInt(m[1], 10)) : 1;
}

/**
 * The first <table> of an HTML clipboard fragment (Excel, WPS, LibreOffice, browsers) as a matrix.
 * Merged cells (colspan/rowspan) keep their text in the top-left position and leave the others
 * blank, as Excel does when it pastes merged cells into a plain grid.
 */
export function parseHtmlTable(html: string): CellMatrix | null {
  const t = /<table\b[\s\S]*?<\/table\s*>/i.exec(html) ?? /<table\b[\s\S]*/i.exec(html);
  if (!t) return null;
  const table = t[0];
  const out: CellMatrix = [];
  const taken: boolean[][] = [];
  const rowRe = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table|$)/gi;
  let r = 0;
  for (let rm = rowRe.exec(table); rm; rm = rowRe.exec(table)) {
    const cellRe = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<td\b|<th\b|<\/tr|<tr\b|$)/gi;
    out[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (let cm = cellRe.exec(rm[1]); cm; cm = cellRe.exec(rm[1])) {
      while (taken[r][c]) c++;
      const colspan = attr(cm[2], 'colspan');
      const rowspan = attr(cm[2], 'rowspan');
      const text = cellText(cm[3].replace(/<\/t[dh]\s*>[\s\S]*$/i, ''));
      for (let dr = 0; dr < rowspan; dr++) {
        out[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) {
          taken[r + dr][c + dc] = true;
          out[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
        }
      }
      c += colspan;
    }
    r++;
  }
  if (out.length === 0) return null;
  const width = Math.max(...out.map((row) => row.length));
  return out.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** What a paste carries: prefer the HTML table (it keeps merges and line breaks unambiguous). */
export function parseClipboard(data: { text?: string; html?: string }): CellMatrix {
  if (data.html && /<table\b/i.test(data.html)) {
    const m = parseHtmlTable(data.html);
    if (m && m.length) return m;
  }
  return parseTsv(data.text ?? '');
}
