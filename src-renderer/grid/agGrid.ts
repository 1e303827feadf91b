// AG Grid setup shared by the grids: only the community modules we use, the Chinese locale and a
// theme on system fonts (no web fonts, nothing fetched).
import {
  CellApiModule, CellSpanModule, RowStyleModule, CellStyleModule, ClientSideRowModelModule, CustomEditorModule, EventApiModule, LocaleModule,
  ModuleRegistry, RenderApiModule, RowApiModule, ScrollApiModule, SelectEditorModule, TextEditorModule, TooltipModule, themeQuartz,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

let registered = false;
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule, CellSpanModule, CellStyleModule, RowStyleModule, TextEditorModule, SelectEditorModule, CustomEditorModule,
    TooltipModule, LocaleModule, RenderApiModule, RowApiModule, ScrollApiModule, CellApiModule, EventApiModule,
  ]);
}

export const localeText = AG_GRID_LOCALE_CN;

export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'],
  headerFontFamily: ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 42,
  headerHeight: 34,
  wrapperBorderRadius: 0,
  borderColor: '#c9ced6',
  rowBorder: { style: 'solid', width: 1, color: '#dde1e6' },
  columnBorder: { style: 'solid', width: 1, color: '#dde1e6' },
  headerBackgroundColor: '#eef2f7',
  accentColor: '#2f6fd1',
  browserColorScheme: 'light',
});
