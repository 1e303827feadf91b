// What the project and self-evaluation recognisers share about one indicator row: the structured
// columns of the 一体化 forms (指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 …), the one-cell value
// joined from them, and level names broken over two lines in the source (经济效益\n指标).
import { isStructured, joinValue, splitValue, type Operator } from '../expr/parts';
import { parseAmount, parseAmountInput } from '../model';
import type { ImportContext } from './context';
import type { GridCell, GridRow } from './grid';

export type PartField = 'operator' | 'unit' | 'direction' | 'weight' | 'scoring' | 'core' | 'remark' | 'explanation';

/** Structured columns, by normalized header (bareLabel'd). */
export const PART_HEADERS: Record<string, PartField> = {
  指标性质: 'operator', 度量单位: 'unit', 计量单位: 'unit', 指标方向性: 'direction', 指标方向: 'direction', 权重: 'weight',
  '评(扣)分标准': 'scoring', 评分标准: 'scoring', 是否核心指标: 'core', 备注: 'remark',
};

/** 指标性质 as printed → the model's operator (NFKC-normalized, spaces dropped). */
const OPERATORS: Record<string, Operator> = {
  '≥': '≥', '>=': '≥', '≧': '≥', '≤': '≤', '<=': '≤', '≦': '≤', '=': '=', '>': '>', '<': '<', 定性: '定性', 区间: '区间',
};
/** 指标性质 written in words by some systems' exports: read as the symbol, said in the report. */
const OPERATOR_WORDS: Record<string, Operator> = {
  大于等于: '≥', 大于或等于: '≥', 不低于: '≥', 不少于: '≥', 小于等于: '≤', 小于或等于: '≤', 不高于: '≤', 不超过: '≤', 不多于: '≤',
  等于: '=', 大于: '>', 高于: '>', 小于: '<', 低于: '<',
};

export interface Parts {
  operator?: Operator;
  number?: string;
  unit?: string;
  direction?: '' | '正向' | '反向';
  weight?: string;
  scoring?: string;
  core?: boolean;
  remark?: string;
}

/**
 * The parts of a row from the cells of its structured columns (`texts`), each checked; a cell that
 * is not a valid operator/direction/weight/core flag goes to unplaced with the reason. `number` is
 * the 指标值 cell of a structured table. Returns the parts and the one-cell value (≥95%; 定性: the text).
 */
export function readParts(ctx: ImportContext, row: GridRow, texts: Partial<Record<PartField, { text: string; cell: GridCell }>>, number: string | undefined, structured: boolean): { parts: Parts; joined: string | undefined } {
  const parts: Parts = {};
  for (const [field, v] of Object.entries(texts) as [PartField, { text: string; cell: GridCell }][]) {
    const t = v.text.trim();
    if (field === 'operator') {
      const n = t.normalize('NFKC').replace(/\s+/g, '');
      const word = OPERATOR_WORDS[n];
      if (word) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标性质「${t}」已记为「${word}」。`);
      // another spelling of a symbol (＝, >=, ≧): kept as the model's symbol, said
      else if (OPERATORS[n] && OPERATORS[n] !== t) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标性质「${t}」已记为「${OPERATORS[n]}」。`);
      // 定量 (a system's "not 定性"): the comparison is the one written in the 指标值 cell, if any
      if (n === '定量') { ctx.report.mapped.push(`${row.sheet} 第 ${row.row} 行：指标性质「定量」：比较符取自指标值`); continue; }
      const op = t === '' ? '' : OPERATORS[n] ?? word;
      if (op === undefined) ctx.unplaced(row, v.cell, '指标性质应为 ≥ ≤ = > < 区间 或 定性');
      else parts.operator = op;
    } else if (field === 'direction') {
      const d = t === '' ? '' : /^正向(指标)?$/.test(t) ? '正向' : /^反向(指标)?$/.test(t) ? '反向' : undefined;
      if (d === undefined) ctx.unplaced(row, v.cell, '指标方向应为正向或反向');
      else parts.direction = d;
    } else if (field === 'weight') {
      const a = readPoints(ctx, row, v.cell, '权重');
      if (a === null) ctx.unplaced(row, v.cell, '权重不是数字');
      else parts.weight = a;
    } else if (field === 'core') {
      const c = t === '' ? false : t === '是' ? true : t === '否' ? false : undefined;
      if (c === undefined) ctx.unplaced(row, v.cell, '是否核心指标应为“是”或“否”');
      else parts.core = c;
    } else if (field === 'unit' || field === 'scoring' || field === 'remark') parts[field] = v.text;
  }
  if (!structured) return { parts, joined: undefined };
  const typed = number ?? '';
  parts.number = typed;
  parts.unit ??= '';
  const columnUnit = parts.unit;
  let split = false;
  if (!parts.operator && typed !== '') {
    // No 指标性质 (an 88号 form with a 计量单位 column, a blank cell, 定量): the 指标值 cell may carry the comparison.
    const s = splitValue(typed);
    if (isStructured(s) && (s.unit === '' || s.unit === parts.unit || parts.unit === '')) {
      split = true;
      parts.operator = s.operator;
      parts.number = s.number;
      if (parts.unit === '') parts.unit = s.unit;
    }
  }
  // `95%` under 度量单位 `%` (a workbook's percent-formatted 0.95, or the unit typed twice): the number
  // is the part before the column's unit, said in the report.
  if (parts.operator && !split && columnUnit !== '' && typed.trim().endsWith(columnUnit) && plainNumber(typed.trim().slice(0, -columnUnit.length)) !== null) {
    parts.number = typed.trim().slice(0, -columnUnit.length).trim();
    ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标值「${typed.trim()}」的单位「${columnUnit}」已在度量单位列，数值读作 ${plainNumber(parts.number)}。`);
  }
  parts.operator ??= '';
  const plain = plainNumber(parts.number);
  const joined = joinValue({ operator: parts.operator, number: plain ?? parts.number, unit: parts.unit });
  // What the clerk wrote, read otherwise (separators, full-width digits, a respelt range), is said.
  const asTyped = split && columnUnit !== '' && !typed.endsWith(columnUnit) ? typed + columnUnit : split ? typed : null;
  if (plain !== null && plain !== parts.number && !split) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标值「${typed}」已按数字读取为 ${plain}。`);
  else if (asTyped !== null && joined !== asTyped) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：指标值「${asTyped}」已读作「${joined}」。`);
  if (plain !== null) parts.number = plain;
  return { parts, joined };
}

/** `10,000`, `１５００`, `９５．５`: the plain number (digits as typed otherwise); null when not one. */
function plainNumber(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return null;
  return t.replace(/,/g, '');
}

/**
 * A weight or score as printed (分值, 权重, 得分, 总分): `10`, `9.5`, `１０`, `9.5分` → the number,
 * exactly; a `分` suffix (or Chinese numerals) read away is said in the report. null when the cell is
 * not a number (the caller keeps it as text or lists it as unplaced, with its reason).
 */
export function readPoints(ctx: ImportContext, row: GridRow, cell: GridCell, what: string): string | null {
  const r = parseAmountInput(cell.text, 'score');
  if (!r.ok) return null;
  const suffix = /分$/.test(cell.text.normalize('NFKC').trim());
  if (suffix || r.note) ctx.report.warnings.push(`${row.sheet} 第 ${row.row} 行：${what}「${cell.text.trim()}」已按分数读取为 ${r.amount}${suffix ? '（去掉了“分”）' : ''}。`);
  return r.amount;
}

/** `经济效益\n指标` → `经济效益指标`: a level name broken over two lines is one name (said once per name). */
export function levelName(ctx: ImportContext, text: string): string {
  if (!/\S\s+\S/.test(text)) return text;
  const joined = text.replace(/\s+/g, '');
  if (!ctx.levelBreaks.has(text)) {
    ctx.levelBreaks.add(text);
    ctx.report.mapped.push(`指标名称「${text.replace(/\n/g, '↵')}」中的换行已去掉：${joined}`);
  }
  return joined;
}

/** `产出指标（50）`, `效益指标（30)`, `满意度指标(10分)` → name and weight. */
export function splitWeightLabel(text: string): { name: string; weight: string | null } {
  const t = text.replace(/\s+/g, '');
  const m = /^(.*?)[（(]([0-9０-９.．]+)分?[)）]$/.exec(t);
  if (!m) return { name: t, weight: null };
  return { name: m[1], weight: parseAmount(m[2]) };
}

/**
 * A level name of a target table printed with its points (产出指标（50分）, 数量指标（20分）): the name is
 * the level; the points have no field in a target table (only a self-evaluation keeps level-1 weights),
 * so the cell is listed as unplaced with the reason — the name is still used.
 */
export function targetLevelName(ctx: ImportContext, row: GridRow, cell: GridCell | undefined, text: string, what: '一级指标' | '二级指标'): string {
  const name = levelName(ctx, text);
  const { name: bare, weight } = splitWeightLabel(name);
  if (weight === null || bare === '') return name;
  if (cell) ctx.unplaced(row, cell, `${what}中的分值「${weight}分」在目标表中没有对应的字段（指标级别读作「${bare}」）`);
  return bare;
}
