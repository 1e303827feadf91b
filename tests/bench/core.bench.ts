// Core benches: opening (parse → migrate → schema → normalize → full validation) and saving the
// large synthetic document. Targets on a 2-core machine: load_validate_large ≤ 150 ms, save_large ≤ 100 ms.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { loadDocumentText, serializeDocument } from '../../src-shared/model/load';
import { validateDocument } from '../../src-shared/validate';
import { saveDocumentFile } from '../../src-main/services/storage';
import type { JixiaoDocument } from '../../src-shared/model/schema';

export const benches: Bench[] = [
  {
    name: 'load_validate_large',
    setup: () => serializeDocument(makeSyntheticDocument()),
    run: (text: string) => {
      const r = loadDocumentText(text);
      if (!r.ok) throw new Error(r.message);
      return validateDocument(r.document).length;
    },
  },
  {
    name: 'save_large',
    setup: () => ({ doc: makeSyntheticDocument(), path: join(mkdtempSync(join(tmpdir(), 'jixiao-bench-')), '大文件.jixiao'), stamp: null as string | null }),
    // A real save: serialize, conflict check against the last stamp, atomic write with .bak.
    run: async (ctx: { doc: JixiaoDocument; path: string; stamp: string | null }) => {
      ctx.stamp = (await saveDocumentFile(ctx.path, ctx.doc, { expectedStamp: ctx.stamp })).stamp;
    },
  },
];
