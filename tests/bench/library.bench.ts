// 指标库 benches. Targets: a keystroke's suggestions ≤ 10 ms with 20,000 entries
// (library_suggest_20k: one query per iteration, cycling through prefixes, substrings and pinyin
// initials); learning from the large document ≤ 200 ms (library_learn_large, into an empty library).
import type { Bench } from './types';
import { makeSyntheticDocument } from './synthetic';
import { buildSuggestIndex, emptyLibrary, learnFromDocument, newEntry, suggest, type LibraryEntry, type SuggestIndex } from '../../src-shared/library';

const CHARS = '服务对象满意度资金发放准确率项目完成及时培训人次参保覆盖就业创业补贴检查企业数宣传活动案件查处结案';
const QUERIES = ['服务', '满意', '率', 'myd', 'fwdx', '资金', '及时率', 'cbl', '企业', 'zjff', '完成', 'rc'];

/** 20,000 distinct plausible names: 3–9 characters drawn from indicator vocabulary, plus a suffix. */
function entries20k(): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; out.length < 20_000; i++) {
    const len = 3 + Math.floor(rnd() * 7);
    let name = '';
    for (let k = 0; k < len; k++) name += CHARS[Math.floor(rnd() * CHARS.length)];
    out.push(newEntry({ kind: i % 5 === 0 ? 'duty' : 'project', level1: ['产出指标', '效益指标', '满意度指标'][i % 3], name: `${name}${i}`, count: i % 17 }));
  }
  return out;
}

interface SuggestCtx { index: SuggestIndex; n: number }

export const benches: Bench[] = [
  {
    name: 'library_suggest_20k',
    iterations: 60,
    setup: (): SuggestCtx => ({ index: buildSuggestIndex(entries20k()), n: 0 }),
    run: (ctx: SuggestCtx) => suggest(ctx.index, QUERIES[ctx.n++ % QUERIES.length], { kind: 'project', level1: '产出指标' }).length,
  },
  {
    name: 'library_learn_large',
    iterations: 9,
    setup: () => makeSyntheticDocument(),
    run: (doc: ReturnType<typeof makeSyntheticDocument>) => learnFromDocument(emptyLibrary(), doc, 'large.jixiao').added,
  },
  {
    // Built once per library version in the editor (not per keystroke); reported for reference.
    name: 'library_index_20k',
    iterations: 3,
    setup: () => entries20k(),
    run: (entries: LibraryEntry[]) => buildSuggestIndex(entries).length,
  },
];
