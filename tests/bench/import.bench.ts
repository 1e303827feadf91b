// Import benches: the large synthetic document (40×8×5 duty rows, 300 projects × 12 indicators)
// exported with the export engineer's writers in setup, then imported. Targets: ≤ 2 s, ≤ 500 MB RSS.
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { makeSyntheticDocument } from './synthetic';
import type { Bench } from './types';

function importOrThrow(bytes: Uint8Array, name: string): number {
  const r = importOffice(bytes, name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  if (r.report.unplaced.length) throw new Error(`${r.report.unplaced.length} cells unplaced`);
  return r.document.projects.length;
}

export const benches: Bench[] = [
  {
    name: 'import_xlsx_large',
    iterations: 5,
    setup: () => exportXlsx(makeSyntheticDocument()),
    run: (bytes: Uint8Array) => importOrThrow(bytes, 'large.xlsx'),
  },
  {
    name: 'import_docx_large',
    iterations: 5,
    setup: () => exportDocx(makeSyntheticDocument()),
    run: (bytes: Uint8Array) => importOrThrow(bytes, 'large.docx'),
  },
];
