// Import benches: the large synthetic document (40×8×5 duty rows, 300 projects × 12 indicators)
// exported with the export engineer's writers in setup, then imported. Targets: ≤ 2 s, ≤ 500 MB RSS.
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import { strToU8, zipSync } from 'fflate';
import { makeSyntheticDocument } from './synthetic';
import type { Bench } from './types';

function importOrThrow(bytes: Uint8Array, name: string): number {
  const r = importOffice(bytes, name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  if (r.report.unplaced.length) throw new Error(`${r.report.unplaced.length} cells unplaced`);
  return r.document.projects.length;
}

/** 16 MB of zeros declared as 1 GB: must be refused from the central directory, without inflating. */
export function zipBomb(): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset);
  for (let p = zip.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x02014b50 && view.getUint16(p + 28, true) === 'word/document.xml'.length) view.setUint32(p + 24, 0x3fffffff, true);
  }
  return zip;
}

export const benches: Bench[] = [
  {
    name: 'import_zip_bomb_refuse',
    iterations: 20,
    setup: zipBomb,
    run: (bytes: Uint8Array) => {
      const r = importOffice(bytes, 'bomb.docx');
      if (r.ok || r.code !== 'import.too-large') throw new Error('zip bomb was not refused');
    },
  },
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
