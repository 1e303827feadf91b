// 评价标准 drafts over a document (issue 19): which duty indicators have empty or faulty 优/良/中/差,
// what the draft is, and one edit that fills them. Empty cells are filled; typed cells are rewritten
// only for a faulty table and only when asked (`replaceFaulty`).
import { analyzeBands } from '../expr/bands';
import { normalizeName, type LibraryEntry } from '../library/entry';
import type { DutyIndicator, JixiaoDocument } from '../model/schema';
import { templateOrDefault } from '../model/templates';
import { proposeBands, redraftBelowBest, type BandProposal } from '../propose/bands';
import { proposeScoring, type ScoringProposal } from '../propose/scoring';
import { indicatorWhere as projectIndicatorWhere } from '../validate/project-rules';
import { indicatorNature } from '../model/indicator-kind';
import { activityWhere, dutyWhere, named, SEP } from '../validate/registry';
import { setCellsEdit } from './commands';
import type { Edit } from './patch';

/** Band sets known for an indicator name (the 指标库: earlier documents, built-in entries), most seen first. */
export type KnownBands = (name: string) => readonly (readonly string[])[];

export function knownBandsFromLibrary(entries: readonly LibraryEntry[]): KnownBands {
  const byName = new Map<string, LibraryEntry[]>();
  for (const e of entries) {
    if (e.kind !== 'duty' || e.bands.some((b) => b.trim() === '')) continue;
    const k = normalizeName(e.name);
    const list = byName.get(k);
    if (list) list.push(e); else byName.set(k, [e]);
  }
  for (const list of byName.values()) list.sort((a, b) => b.count - a.count);
  return (name) => (byName.get(normalizeName(name)) ?? []).map((e) => e.bands);
}

export interface BandRow {
  indicatorId: string;
  /** 部门职责-工作活动 › 一、… › 1、… › 指标名称 */
  where: string;
  name: string;
  typed: readonly string[];
  /** empty: some band is blank; faulty: all four typed but the table has a gap, dead band, wrong direction … */
  status: 'empty' | 'faulty';
  proposal: BandProposal;
}

function* dutyIndicators(doc: JixiaoDocument): Generator<{ ind: DutyIndicator; where: string }> {
  const duties = doc.dutyTable.duties;
  for (let d = 0; d < duties.length; d++) {
    const dw = dutyWhere(duties[d], d);
    for (const ind of duties[d].indicators) yield { ind, where: `${dw}${SEP}${named(ind.name, '（未填写指标名称）')}` };
    const acts = duties[d].activities;
    for (let a = 0; a < acts.length; a++) {
      const aw = activityWhere(dw, acts[a].title, a);
      for (const ind of acts[a].indicators) yield { ind, where: `${aw}${SEP}${named(ind.name, '（未填写指标名称）')}` };
    }
  }
}

const TABLE_FAULTS = new Set(['gap', 'unreachable', 'direction', 'identical']);

// The editor asks on every edit (grey drafts in empty cells): drafts repeat, so each distinct
// (template, name, bands) is drafted once per source of known bands.
const draftMemo = new WeakMap<object, Map<string, BandProposal>>();
const NO_KNOWN = {};

function draftFor(ind: DutyIndicator, templateId: string, known: KnownBands | undefined): BandProposal {
  let memo = draftMemo.get(known ?? NO_KNOWN);
  if (!memo) draftMemo.set(known ?? NO_KNOWN, (memo = new Map()));
  const key = `${templateId}\u0002${ind.name}\u0002${ind.bands.join('\u0001')}`;
  let p = memo.get(key);
  if (!p) {
    const template = templateOrDefault(templateId);
    const nature = indicatorNature(ind.name, template);
    p = proposeBands({ name: ind.name, bands: ind.bands, lowerIsBetter: nature.lowerIsBetter, integer: nature.kind === 'count', known: known?.(ind.name) }, template.bandSteps);
    if (memo.size > 20000) memo.clear();
    memo.set(key, p);
  }
  return p;
}

/** Every duty indicator with empty or faulty bands, with its draft (or why there is none). */
export function bandRows(doc: JixiaoDocument, known?: KnownBands, opts: { emptyOnly?: boolean } = {}): BandRow[] {
  const template = templateOrDefault(doc.meta.templateId);
  const out: BandRow[] = [];
  for (const { ind, where } of dutyIndicators(doc)) {
    const base = { indicatorId: ind.id, where, name: ind.name, typed: ind.bands };
    if (ind.bands.some((b) => b.trim() === '')) {
      out.push({ ...base, status: 'empty', proposal: draftFor(ind, template.id, known) });
      continue;
    }
    if (opts.emptyOnly) continue;
    const nature = indicatorNature(ind.name, template);
    const integer = nature.kind === 'count';
    const a = analyzeBands(ind.bands, integer ? { lowerIsBetter: nature.lowerIsBetter, integer } : { lowerIsBetter: nature.lowerIsBetter });
    if (!a.issues.some((i) => TABLE_FAULTS.has(i.kind))) continue;
    const fixed = redraftBelowBest(ind.bands, nature.lowerIsBetter, template.bandSteps, integer);
    const proposal: BandProposal = fixed
      ? { ok: true, bands: fixed, fill: fixed.map((b, k) => (b !== ind.bands[k] ? b : null)), source: 'target', note: `按“优”档“${ind.bands[0]}”重拟良、中、差` }
      : { ok: false, reason: '无法按“优”档重拟，请手工修改' };
    out.push({ ...base, status: 'faulty', proposal });
  }
  return out;
}

export interface FillBandsOptions {
  /** Only these indicators (a selection); all when absent. */
  ids?: ReadonlySet<string>;
  /** Also rewrite 良/中/差 of faulty tables (never done without asking). */
  replaceFaulty?: boolean;
  known?: KnownBands;
}

/** One edit (one undo step) that writes the drafts; null when there is nothing to write. */
export function fillBandsEdit(doc: JixiaoDocument, opts: FillBandsOptions = {}): { edit: Edit | null; rows: BandRow[]; cells: number } {
  const rows = bandRows(doc, opts.known).filter((r) => !opts.ids || opts.ids.has(r.indicatorId));
  const changes: { rowId: string; field: string; value: string }[] = [];
  for (const r of rows) {
    if (!r.proposal.ok || (r.status === 'faulty' && !opts.replaceFaulty)) continue;
    r.proposal.fill.forEach((v, k) => { if (v !== null) changes.push({ rowId: r.indicatorId, field: `bands.${k}`, value: v }); });
  }
  const edit = changes.length ? setCellsEdit(doc, changes, `填写建议评价标准（${changes.length} 处）`) : null;
  return { edit, rows, cells: changes.length };
}

// ---- 评（扣）分标准 (structured forms): drafted from direction, target and weight ----

export interface ScoringRow {
  indicatorId: string;
  where: string;
  name: string;
  value: string;
  proposal: ScoringProposal;
}

/** Every project indicator with an empty 评（扣）分标准, with its draft (or why there is none). */
export function scoringRows(doc: JixiaoDocument): ScoringRow[] {
  const template = templateOrDefault(doc.meta.templateId);
  const out: ScoringRow[] = [];
  doc.projects.forEach((p, index) => {
    for (const ind of p.indicators) {
      if ((ind.scoring ?? '').trim() !== '') continue;
      const nature = indicatorNature(ind.name, template);
      out.push({
        indicatorId: ind.id, where: projectIndicatorWhere(index, ind, 'scoring'), name: ind.name, value: ind.value,
        proposal: proposeScoring({ value: ind.value, direction: ind.direction ?? '', weight: ind.weight ?? '', lowerIsBetter: nature.lowerIsBetter }),
      });
    }
  });
  return out;
}

/** One edit (one undo step) that writes the drafted 评（扣）分标准 of these indicators (all when absent). */
export function fillScoringEdit(doc: JixiaoDocument, ids?: ReadonlySet<string>): { edit: Edit | null; rows: ScoringRow[]; cells: number } {
  const rows = scoringRows(doc).filter((r) => !ids || ids.has(r.indicatorId));
  const changes = rows.flatMap((r) => (r.proposal.ok ? [{ rowId: r.indicatorId, field: 'scoring', value: r.proposal.text }] : []));
  return { edit: changes.length ? setCellsEdit(doc, changes, `填写建议评（扣）分标准（${changes.length} 处）`) : null, rows, cells: changes.length };
}
