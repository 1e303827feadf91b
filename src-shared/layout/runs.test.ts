import { describe, expect, it } from 'vitest';
import { levelSpans, levelSpansOf, type LevelRow } from './runs';

const rows = (...pairs: [string, string][]): LevelRow[] => pairs.map(([level1, level2]) => ({ level1, level2 }));
/** spans as "top-bottom" per row, for compact expectations */
const show = (rs: LevelRow[]) => {
  const s = levelSpans(rs);
  return { level1: s.level1.map((x) => `${x.top}-${x.bottom}`), level2: s.level2.map((x) => `${x.top}-${x.bottom}`) };
};

describe('levelSpans: the one merge rule of grids and exports', () => {
  it('merges adjacent equal 一级, and equal 二级 inside a 一级 run', () => {
    expect(show(rows(['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['效益指标', '社会效益指标'], ['满意度指标', '服务对象满意度指标']))).toEqual({
      level1: ['0-2', '0-2', '0-2', '3-3', '4-4'],
      level2: ['0-1', '0-1', '2-2', '3-3', '4-4'],
    });
  });

  it('never merges empty cells (a new row with blank levels stands alone)', () => {
    expect(show(rows(['产出指标', '数量指标'], ['', ''], ['', ''], ['产出指标', '']))).toEqual({
      level1: ['0-0', '1-1', '2-2', '3-3'],
      level2: ['0-0', '1-1', '2-2', '3-3'],
    });
    expect(show(rows(['', '  '], ['', '  ']))).toEqual({ level1: ['0-0', '1-1'], level2: ['0-0', '1-1'] });
  });

  it('二级 does not merge across a 一级 boundary, nor across rows whose 一级 is empty', () => {
    expect(show(rows(['产出指标', '数量指标'], ['效益指标', '数量指标'], ['', '质量指标'], ['', '质量指标']))).toEqual({
      level1: ['0-0', '1-1', '2-2', '3-3'],
      level2: ['0-0', '1-1', '2-2', '3-3'],
    });
  });

  it('only ADJACENT rows merge; spaces around the text are ignored', () => {
    expect(show(rows(['产出指标', '数量指标'], ['效益指标', 'x'], ['产出指标 ', ' 数量指标'], [' 产出指标', '数量指标']))).toEqual({
      level1: ['0-0', '1-1', '2-3', '2-3'],
      level2: ['0-0', '1-1', '2-3', '2-3'],
    });
  });

  it('an empty table has no spans; levelSpansOf remembers the result per array', () => {
    expect(levelSpans([])).toEqual({ level1: [], level2: [] });
    const rs = rows(['a', 'b'], ['a', 'b']);
    expect(levelSpansOf(rs)).toBe(levelSpansOf(rs));
    expect(levelSpansOf([...rs])).not.toBe(levelSpansOf(rs));
  });
});
