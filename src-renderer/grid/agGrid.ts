// AG Grid setup shared by the grids: only the community modules we use, the Chinese locale and a
// theme on system fonts (no web fonts, nothing fetched).
import {
  CellApiModule, CellSpanModule, ClientSideRowModelApiModule, ColumnApiModule, RowStyleModule, CellStyleModule, ClientSideRowModelModule, CustomEditorModule, EventApiModule, LocaleModule,
  ModuleRegistry, RenderApiModule, RowApiModule, ScrollApiModule, SelectEditorModule, TextEditorModule, TooltipModule, themeQuartz,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { canvasFont, lineCounter, type HeightMetrics, type LineCounter } from './rowHeights';

let registered = false;
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule, CellSpanModule, CellStyleModule, RowStyleModule, TextEditorModule, SelectEditorModule, CustomEditorModule,
    ClientSideRowModelApiModule, ColumnApiModule, TooltipModule, LocaleModule, RenderApiModule, RowApiModule, ScrollApiModule, CellApiModule, EventApiModule,
  ]);
}

export const localeText = AG_GRID_LOCALE_CN;

const FONTS = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'];
const FONT_PX = 13;
const CELL_PAD_X = 10;

/** Cell geometry for computed row heights; line height and vertical padding are in styles.css (.ag-cell). */
export const HEIGHT_METRICS: HeightMetrics = { lineHeightPx: 16, padYPx: 10, padXPx: 2 * CELL_PAD_X + 2, minRowPx: 34, maxLines: 30 };

let counter: LineCounter | null = null;
/** Wrapped lines of a cell in the grid font (shared by the grids, so its cache is too). */
export function gridLineCounter(): LineCounter {
  counter ??= lineCounter(canvasFont(FONTS.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', '), FONT_PX, 600), HEIGHT_METRICS);
  return counter;
}

export const gridTheme = themeQuartz.withParams({
  fontFamily: FONTS,
  headerFontFamily: FONTS,
  fontSize: FONT_PX,
  headerFontSize: FONT_PX,
  headerFontWeight: 600,
  spacing: 5,
  cellHorizontalPadding: CELL_PAD_X,
  rowHeight: HEIGHT_METRICS.minRowPx,
  headerHeight: 34,
  wrapperBorderRadius: 0,
  borderColor: '#c9ced6',
  rowBorder: { style: 'solid', width: 1, color: '#dde1e6' },
  columnBorder: { style: 'solid', width: 1, color: '#dde1e6' },
  headerBackgroundColor: '#eef2f7',
  accentColor: '#2f6fd1',
  browserColorScheme: 'light',
});
