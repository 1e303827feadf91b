// sha256 of every export (xlsx, docx, print HTML; self-evaluation ones where present) of every
// repo fixture, under each shipped layout the fixture can take. Pinned in profile-exports.json
// before the templates became profiles, so the move is proven byte-identical.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { loadDocumentText, type JixiaoDocument } from '../../src-shared/model';
import { exportDocx, exportSelfevalDocx, exportSelfevalXlsx, exportXlsx, renderPrintHtml, renderSelfevalPrintHtml } from '../../src-shared/export';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex').slice(0, 16);
/** A zip's parts, byte for byte (the zip's own timestamps vary by run in the xlsx writer). */
const zipSha = (b: Uint8Array) => {
  const files = unzipSync(b);
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(name).update('\0').update(files[name]).update('\0');
  return h.digest('hex').slice(0, 16);
};

export function fixtureDocuments(): [string, JixiaoDocument][] {
  const out: [string, JixiaoDocument][] = [];
  for (const sub of ['seeds', 'frozen']) {
    for (const f of readdirSync(join(fixtures, sub)).filter((x) => x.endsWith('.jixiao')).sort()) {
      const r = loadDocumentText(readFileSync(join(fixtures, sub, f), 'utf8'));
      if (!r.ok) throw new Error(`${f}: ${r.message}`);
      out.push([`${sub}/${f}`, r.document]);
    }
  }
  return out;
}

/** The layouts each fixture is exported under: the two target-table templates × the two self-evaluation forms. */
const VARIANTS: [string, Partial<JixiaoDocument['meta']>][] = [
  ['hebei', { templateId: 'hebei-2020', selfevalTemplateId: 'selfeval-hebei-2019' }],
  ['national', { templateId: 'national-2021', selfevalTemplateId: 'selfeval-national-2020' }],
  ['default-selfeval', { templateId: 'national-2021', selfevalTemplateId: undefined }],
];

export async function exportHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, base] of fixtureDocuments()) {
    for (const [v, meta] of VARIANTS) {
      const doc: JixiaoDocument = { ...base, meta: { ...base.meta, ...meta } };
      if (meta.selfevalTemplateId === undefined) delete doc.meta.selfevalTemplateId;
      const k = `${name} ${v}`;
      const hasTables = doc.dutyTable.duties.length > 0 || doc.projects.some((p) => p.indicators.length > 0 || p.name !== '');
      if (hasTables) {
        out[`${k} xlsx`] = zipSha(await exportXlsx(doc));
        out[`${k} docx`] = zipSha(await exportDocx(doc));
        out[`${k} html`] = sha(renderPrintHtml(doc));
      }
      if (doc.projects.some((p) => p.selfeval)) {
        out[`${k} selfeval-xlsx`] = zipSha(await exportSelfevalXlsx(doc));
        out[`${k} selfeval-docx`] = zipSha(await exportSelfevalDocx(doc));
        out[`${k} selfeval-html`] = sha(renderSelfevalPrintHtml(doc));
      }
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('exportHashes.ts')) {
  exportHashes().then((h) => process.stdout.write(`${JSON.stringify(h, null, 2)}\n`));
}
