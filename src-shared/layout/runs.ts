// Which 一级/二级 cells of an indicator table are merged — the one rule for the editor's grids
// (project indicators, 绩效自评) and for every export (xlsx, docx, print, PDF):
// adjacent rows merge their 一级 cell when both hold the same non-empty text (spaces around it
// ignored); 二级 cells merge the same way, inside a merged 一级 run only. An empty cell is never
// merged: a new row with blank levels stands alone until the clerk fills it.

export interface LevelRow { level1: string; level2: string }

/** Merged cell of one row in one level column: its first and last row. */
export interface RowSpan { top: number; bottom: number }

export interface LevelSpans {
  /** level1[r]: the 一级 cell row r belongs to */
  level1: RowSpan[];
  /** level2[r]: the 二级 cell row r belongs to */
  level2: RowSpan[];
}

const key = (s: string) => s.trim();

export function levelSpans(rows: readonly LevelRow[]): LevelSpans {
  const level1: RowSpan[] = new Array(rows.length);
  const level2: RowSpan[] = new Array(rows.length);
  for (let r = 0; r < rows.length;) {
    let e = r + 1;
    const l1 = key(rows[r].level1);
    if (l1 !== '') while (e < rows.length && key(rows[e].level1) === l1) e++;
    const s1 = { top: r, bottom: e - 1 };
    for (let k = r; k < e;) {
      let m = k + 1;
      const l2 = key(rows[k].level2);
      if (l2 !== '') while (m < e && key(rows[m].level2) === l2) m++;
      const s2 = { top: k, bottom: m - 1 };
      for (let i = k; i < m; i++) level2[i] = s2;
      k = m;
    }
    for (let i = r; i < e; i++) level1[i] = s1;
    r = e;
  }
  return { level1, level2 };
}

const cache = new WeakMap<readonly LevelRow[], LevelSpans>();
/** levelSpans, remembered per array (documents are immutable: an edited table is a new array). */
export function levelSpansOf(rows: readonly LevelRow[]): LevelSpans {
  let s = cache.get(rows);
  if (!s) cache.set(rows, (s = levelSpans(rows)));
  return s;
}
