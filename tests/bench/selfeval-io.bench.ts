// Self-evaluation export/import benches on the large synthetic document (300 projects × 12
// indicators, each with a self-evaluation part). Targets on this 2-core machine: export ≤ 1.5 s and
// ≤ 500 MB peak RSS per format; import of the exported .docx ≤ 1.5 s.
import { exportSelfevalDocx, exportSelfevalXlsx } from '../../src-shared/export';
import { importOffice } from '../../src-shared/import';
import type { JixiaoDocument } from '../../src-shared/model';
import { makeSyntheticSelfevalDocument } from './synthetic';
import type { Bench } from './types';

export const benches: Bench[] = [
  { name: 'export_selfeval_xlsx_large', iterations: 3, setup: makeSyntheticSelfevalDocument, run: (doc: JixiaoDocument) => exportSelfevalXlsx(doc) },
  { name: 'export_selfeval_docx_large', iterations: 3, setup: makeSyntheticSelfevalDocument, run: (doc: JixiaoDocument) => exportSelfevalDocx(doc) },
  {
    name: 'import_selfeval_docx_large',
    iterations: 5,
    setup: () => exportSelfevalDocx(makeSyntheticSelfevalDocument()),
    run: (bytes: Uint8Array) => {
      const r = importOffice(bytes, 'large-selfeval.docx');
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      if (r.report.unplaced.length) throw new Error(`${r.report.unplaced.length} cells unplaced`);
      if (r.document.projects.filter((p) => p.selfeval?.indicators.length === 12).length !== 300) throw new Error('not every self-evaluation came back');
      return r.document.projects.length;
    },
  },
];
