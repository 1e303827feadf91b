// Export benches: our exporters on the large synthetic document and on the Laishui fixture, and the
// floor — the same number of cells written by the bare libraries (ExcelJS; the `docx` npm library)
// with no layout, no styles and no merges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { buildLayout } from '../../src-shared/layout';
import { DocumentSchema, type JixiaoDocument } from '../../src-shared/model';
import { makeSyntheticDocument } from './synthetic';
import type { Bench } from './types';

const laishui = (): JixiaoDocument => DocumentSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', 'laishui-2020-a.jixiao'), 'utf8')));

/** The large document's rows as plain text matrices (what the floor writes). */
function largeMatrix(): string[][] {
  const layout = buildLayout(makeSyntheticDocument());
  return layout.parts.flatMap((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text))));
}

export const benches: Bench[] = [
  { name: 'export_xlsx_large', iterations: 3, setup: makeSyntheticDocument, run: (doc: JixiaoDocument) => exportXlsx(doc) },
  { name: 'export_docx_large', iterations: 3, setup: makeSyntheticDocument, run: (doc: JixiaoDocument) => exportDocx(doc) },
  { name: 'export_xlsx_laishui', setup: laishui, run: (doc: JixiaoDocument) => exportXlsx(doc) },
  { name: 'export_docx_laishui', setup: laishui, run: (doc: JixiaoDocument) => exportDocx(doc) },
  {
    name: 'floor_xlsx_large', iterations: 3, setup: largeMatrix,
    run: async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('floor');
      for (const r of rows) ws.addRow(r);
      return wb.xlsx.writeBuffer();
    },
  },
  {
    name: 'floor_docx_large', iterations: 3, setup: largeMatrix,
    run: (rows: string[][]) => Packer.toBuffer(new Document({
      sections: [{ children: [new Table({ rows: rows.map((r) => new TableRow({ children: r.map((t) => new TableCell({ children: [new Paragraph(t)] })) })) })] }],
    })),
  },
];
