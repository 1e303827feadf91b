// Layout model → .xlsx (ExcelJS). Every merged area is bordered on every edge (each cell of the
// range carries the border), text wraps and is centred vertically, row heights are ours (see
// layout/measure.ts), A4 landscape fitted to one page wide, print titles, page-number footer.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { JixiaoDocument } from '../model';
import {
  buildLayout, CELL_PADDING_MM, NothingToExportError, paginateTable, PROJECT_SHEET, PT_PER_MM, textWidthEm,
  type Layout, type LayoutCell, type LayoutOptions, type LayoutPart, type LayoutRow,
} from '../layout';

/**
 * mm → Excel column width: characters of the workbook default font's maximum digit width plus 5 px
 * padding, at 96 dpi. Our default font is 宋体 11 (see withSongtiDefaultFont), whose digits are 8 px
 * wide (Chinese Excel's default width 8.38 = 72 px); counting 7 px (Calibri) made every column 14 %
 * wider, so fit-to-width shrank the page and our own page breaks left a third of each page empty.
 */
const DEFAULT_FONT_DIGIT_PX = 8;
export function mmToExcelWidth(mm: number): number {
  const px = (mm / 25.4) * 96;
  return Math.round(((px - 5) / DEFAULT_FONT_DIGIT_PX) * 100) / 100;
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MM_PER_INCH = 25.4;
/** Safety margin on the page height for our own page breaks (rendering differs by a few %). */
const PAGE_FILL = 0.93;

export async function exportXlsx(doc: JixiaoDocument, options: LayoutOptions = {}): Promise<Uint8Array> {
  return layoutToXlsx(buildLayout(doc, options));
}

export async function layoutToXlsx(layout: Layout): Promise<Uint8Array> {
  if (layout.parts.length === 0) throw new NothingToExportError();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = layout.title;
  wb.created = wb.modified = new Date(Date.UTC(layout.year, 0, 1));
  const styles = new StyleCache(layout);
  const sheets = new Map<string, SheetWriter>();
  for (const part of layout.parts) {
    let w = sheets.get(part.sheetName);
    if (!w) { w = new SheetWriter(wb, part, layout, styles); sheets.set(part.sheetName, w); }
    w.writePart(part);
  }
  for (const w of sheets.values()) w.finish();
  const buf = await wb.xlsx.writeBuffer();
  return withSongtiDefaultFont(new Uint8Array(buf as ArrayBuffer));
}

/**
 * ExcelJS always writes Calibri 11 as the workbook's default font. Excel measures column widths in
 * digits of that font; where Calibri is missing (LibreOffice/WPS on Linux, no Carlito) a wider
 * fallback is used, every column grows and fit-to-width shrinks the page to about 70 %. With 宋体 11
 * as the default (the font of the whole table anyway) the widths mean the same everywhere.
 */
export function withSongtiDefaultFont(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  dropNoncharacters(files);
  const styles = files['xl/styles.xml'];
  if (!styles) return bytes;
  const patched = strFromU8(styles).replace(/(<fonts[^>]*>)<font>[\s\S]*?<\/font>/, '$1<font><sz val="11"/><name val="宋体"/><charset val="134"/></font>');
  files['xl/styles.xml'] = strToU8(patched);
  return zipSync(files, { level: 6 });
}

/**
 * U+FFFE / U+FFFF are not XML characters: ExcelJS writes them as they are (it drops C0 control
 * characters itself, as our docx writer drops all of them) and Excel then refuses the whole file.
 * Dropped from the parts that hold them (found by their UTF-8 bytes EF BF BE/BF, so clean parts are
 * not decoded).
 */
function dropNoncharacters(files: Record<string, Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) {
    let i = data.indexOf(0xef);
    while (i >= 0 && !(data[i + 1] === 0xbf && (data[i + 2] === 0xbe || data[i + 2] === 0xbf))) i = data.indexOf(0xef, i + 1);
    if (i >= 0) files[name] = strToU8(strFromU8(data).replace(/[\ufffe\uffff]/g, ''));
  }
}

/** An ExcelJS package with nothing Excel refuses (see dropNoncharacters), for sheets that keep ExcelJS's default font. */
export function xmlSafeXlsx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  dropNoncharacters(files);
  return zipSync(files, { level: 6 });
}

/** Shared style objects: ExcelJS dedupes styles by value, sharing objects keeps memory down. */
class StyleCache {
  private map = new Map<string, Partial<ExcelJS.Style>>();
  constructor(private layout: Layout) {}

  cell(c: LayoutCell, fontPt: number): Partial<ExcelJS.Style> {
    const numFmt = c.value ? (c.value.decimals > 0 ? `0.${'0'.repeat(c.value.decimals)}` : '0') : undefined;
    const key = `c|${c.align}|${c.bold}|${fontPt}|${numFmt ?? ''}|${c.indent}`;
    let s = this.map.get(key);
    if (!s) {
      s = {
        font: { name: this.layout.fonts.body.family, size: fontPt, bold: c.bold, charset: 134 },
        alignment: { horizontal: c.align, vertical: 'middle', wrapText: true },
        border: BORDER,
        ...(numFmt ? { numFmt } : {}),
      };
      this.map.set(key, s);
    }
    return s;
  }

  line(kind: 'title' | 'heading' | 'org' | 'note', align: 'left' | 'center' | 'right'): Partial<ExcelJS.Style> {
    const key = `l|${kind}|${align}`;
    let s = this.map.get(key);
    if (!s) {
      const f = kind === 'title' ? this.layout.fonts.title : kind === 'heading' ? this.layout.fonts.heading : this.layout.fonts.org;
      s = {
        font: { name: f.family, size: f.sizePt, bold: kind === 'title' || kind === 'heading', charset: 134 },
        alignment: { horizontal: align, vertical: 'middle', wrapText: kind === 'note' || kind === 'heading' },
      };
      this.map.set(key, s);
    }
    return s;
  }
}

class SheetWriter {
  private ws: ExcelJS.Worksheet;
  private r = 0; // last written row (1-based)
  private parts = 0;
  private printTitles: [number, number] | null = null;
  private freezeAt = 0;
  private readonly ncols: number;
  private readonly pagePt: number;
  private usedPt = 0; // height used on the current page (for our own page breaks)

  constructor(wb: ExcelJS.Workbook, first: LayoutPart, private layout: Layout, private styles: StyleCache) {
    const m = layout.page.margins;
    this.ncols = first.columnsMm.length;
    this.pagePt = layout.printableHeightMm * PT_PER_MM * PAGE_FILL;
    this.ws = wb.addWorksheet(first.sheetName, {
      pageSetup: {
        paperSize: 9, orientation: layout.page.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: first.kind === 'selfeval' ? 1 : 0, // a self-evaluation table is one page
        horizontalCentered: true,
        margins: {
          left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH, top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH,
          header: m.header / MM_PER_INCH, footer: m.footer / MM_PER_INCH,
        },
      },
      headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
      properties: { defaultRowHeight: 15 },
    });
    this.ws.columns = first.columnsMm.map((mm) => ({ width: mmToExcelWidth(mm) }));
  }

  writePart(part: LayoutPart): void {
    if (this.parts > 0) {
      this.r++; // blank row between blocks; the page break goes after it
      this.ws.getRow(this.r).addPageBreak();
      this.usedPt = 0;
    }
    this.parts++;
    const lastCol = this.ncols;
    // title / heading
    this.r++;
    const titleRow = this.ws.getRow(this.r);
    const titleFont = part.titleStyle === 'title' ? this.layout.fonts.title : this.layout.fonts.heading;
    titleRow.height = part.titleStyle === 'title' ? titleFont.sizePt * 2.2 : titleFont.sizePt * 2;
    this.usedPt += titleRow.height;
    this.merge(this.r, 1, this.r, lastCol);
    const tc = this.ws.getCell(this.r, 1);
    tc.value = part.title;
    tc.style = this.styles.line(part.titleStyle, 'center');
    if (part.subtitle !== undefined) this.lineRow(part.subtitle, 'center', this.layout.fonts.org.sizePt * 1.9);
    // org line: code+name left, unit right
    this.r++;
    const orgRow = this.ws.getRow(this.r);
    orgRow.height = this.layout.fonts.org.sizePt * 1.9;
    this.usedPt += orgRow.height;
    // the unit over the last two columns, or more when they are too narrow for it (a right-aligned
    // text wider than its merged cell loses its start)
    let split = Math.max(1, lastCol - 2);
    const needMm = (textWidthEm(part.orgRight) * this.layout.fonts.org.sizePt) / PT_PER_MM + 2 * CELL_PADDING_MM;
    while (split > 1 && part.columnsMm.slice(split).reduce((a, b) => a + b, 0) < needMm) split--;
    this.merge(this.r, 1, this.r, split);
    this.merge(this.r, split + 1, this.r, lastCol);
    const ol = this.ws.getCell(this.r, 1);
    ol.value = part.orgLeft; ol.style = this.styles.line('org', 'left');
    const or = this.ws.getCell(this.r, split + 1);
    or.value = part.orgRight; or.style = this.styles.line('org', 'right');

    // One project per sheet, or the duty table: print titles repeat the header rows. Several
    // projects on one sheet: print titles can name only one range, so we cut pages ourselves and
    // repeat the indicator header row after each cut.
    const ownSheet = part.kind === 'duty' || part.sheetName !== PROJECT_SHEET;
    for (const table of part.tables) {
      if (ownSheet || table.headerRows === 0) {
        if (table.headerRows > 0 && !this.printTitles) {
          this.printTitles = [this.r + 1, this.r + table.headerRows];
          if (part.kind === 'duty') this.freezeAt = this.r + table.headerRows;
        }
        this.writeRows(table.rows, table.fontPt);
      } else {
        const pages = paginateTable(table, this.pagePt - this.usedPt, this.pagePt);
        pages.forEach((rows, i) => {
          if (i > 0) { this.ws.getRow(this.r).addPageBreak(); this.usedPt = 0; }
          this.writeRows(rows, table.fontPt);
        });
      }
    }
    if (part.foot) this.splitLine(part.foot.left, part.foot.right, this.footSplit(part, part.foot.right));
    if (part.note) {
      this.r++;
      this.merge(this.r, 1, this.r, lastCol);
      const nc = this.ws.getCell(this.r, 1);
      nc.value = part.note; nc.style = this.styles.line('note', 'left');
      const lines = part.note.split('\n').length + Math.floor(part.note.length / 120);
      this.ws.getRow(this.r).height = lines * this.layout.fonts.org.sizePt * 1.45 + 6;
    }
  }

  /** A line of the org font across the sheet (the self-evaluation's （2019年度）). */
  private lineRow(text: string, align: 'left' | 'center' | 'right', height: number): void {
    this.r++;
    this.ws.getRow(this.r).height = height;
    this.usedPt += height;
    this.merge(this.r, 1, this.r, this.ncols);
    const c = this.ws.getCell(this.r, 1);
    c.value = text; c.style = this.styles.line('org', align);
  }

  /**
   * Where the foot line's right part starts: half the columns, or more when its text needs them
   * (联系电话 and 填报日期 together): a right-aligned text wider than its merged cell loses its start.
   */
  private footSplit(part: LayoutPart, right: string): number {
    const needMm = (textWidthEm(right) * this.layout.fonts.org.sizePt) / PT_PER_MM + 2 * CELL_PADDING_MM;
    let split = Math.floor(this.ncols / 2);
    let widthMm = part.columnsMm.slice(split).reduce((a, b) => a + b, 0);
    while (split > 1 && widthMm < needMm) widthMm += part.columnsMm[--split];
    return split;
  }

  /** A borderless line under a table: `left` over columns 1…split, `right` over the rest. */
  private splitLine(left: string, right: string, split: number): void {
    this.r++;
    this.ws.getRow(this.r).height = this.layout.fonts.org.sizePt * 1.9;
    this.merge(this.r, 1, this.r, split);
    this.merge(this.r, split + 1, this.r, this.ncols);
    const l = this.ws.getCell(this.r, 1);
    l.value = left; l.style = this.styles.line('org', 'left');
    const r = this.ws.getCell(this.r, split + 1);
    r.value = right; r.style = this.styles.line('org', 'right');
  }

  private writeRows(rows: LayoutRow[], fontPt: number): void {
    const start = this.r + 1;
    rows.forEach((row, i) => {
      const r = start + i;
      const xr = this.ws.getRow(r);
      xr.height = row.heightPt;
      this.usedPt += row.heightPt;
      for (const c of row.cells) {
        const xc = xr.getCell(c.col + 1);
        xc.value = c.value && c.text !== '' ? c.value.number : c.text === '' ? null : c.text;
        xc.style = this.styles.cell(c, fontPt);
      }
    });
    // merge after the master cells are styled: ExcelJS copies the master's style (borders) to every
    // cell of the range, so each merged area is bordered on every edge
    rows.forEach((row, i) => {
      for (const c of row.cells) {
        if (c.colSpan > 1 || c.rowSpan > 1) this.merge(start + i, c.col + 1, start + i + c.rowSpan - 1, c.col + c.colSpan);
      }
    });
    this.r = start + rows.length - 1;
  }

  /**
   * ExcelJS's mergeCells checks every new range against every existing one (quadratic: 21 s for the
   * large document). Our layout never overlaps merges, so after the first merge (done the public way,
   * which also gives us ExcelJS's Range class) we apply the same steps without the check.
   */
  private rangeClass: (new (t: number, l: number, b: number, r: number) => unknown) | null = null;
  private merge(top: number, left: number, bottom: number, right: number): void {
    const internal = this.ws as unknown as { _merges?: Record<string, unknown> };
    if (!this.rangeClass || !internal._merges) {
      this.ws.mergeCells(top, left, bottom, right);
      const first = internal._merges ? Object.values(internal._merges)[0] : undefined;
      if (first && typeof first === 'object') this.rangeClass = (first as object).constructor as never;
      return;
    }
    const master = this.ws.getCell(top, left);
    for (let i = top; i <= bottom; i++) {
      for (let j = left; j <= right; j++) {
        if (i > top || j > left) (this.ws.getCell(i, j) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
      }
    }
    internal._merges[master.address] = new this.rangeClass(top, left, bottom, right);
  }

  finish(): void {
    if (this.printTitles) this.ws.pageSetup.printTitlesRow = `${this.printTitles[0]}:${this.printTitles[1]}`;
    if (this.freezeAt > 0) this.ws.views = [{ state: 'frozen', xSplit: 0, ySplit: this.freezeAt, topLeftCell: `A${this.freezeAt + 1}`, activeCell: `A${this.freezeAt + 1}` }];
    else this.ws.views = [{ state: 'normal', activeCell: 'A1' }];
  }
}
