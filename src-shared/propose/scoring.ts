// A first draft of 评（扣）分标准 for one indicator of a structured form (issue 19), in the wording of
// the structured forms (formats.md §3): 正向 完成值 ÷ 指标值 × 权重, capped at 权重; 反向 指标值 ÷
// 完成值 × 权重; 定性 达成 / 部分达成 / 未达成 → 全额 / 一半 / 0.
import { parseValue } from '../expr/parse';

export interface ScoringInput {
  /** The one-cell 指标值 (`≥95%`, `全部完成`). */
  value: string;
  /** 正向 / 反向 where the form says; '' = read from the operator, then from `lowerIsBetter`. */
  direction?: '' | '正向' | '反向';
  /** 权重 / 分值 as typed ('' = not yet weighted). */
  weight?: string;
  lowerIsBetter: boolean;
}

export type ScoringProposal = { ok: true; text: string } | { ok: false; reason: string };

function half(weight: string): string {
  const n = Number(weight);
  return Number.isFinite(n) ? String(Math.round((n / 2) * 100) / 100) : `${weight}÷2`;
}

export function proposeScoring(input: ScoringInput): ScoringProposal {
  const value = input.value.trim();
  const w = (input.weight ?? '').trim();
  const full = w ? `${w}分` : '权重分';
  const p = parseValue(value);
  if (p.kind === 'empty') return { ok: false, reason: '指标值为空，无法生成评（扣）分标准' };
  if (p.kind === 'unparsed') return { ok: false, reason: `指标值“${value}”无法识别` };
  if (p.kind === 'qualitative') {
    return { ok: true, text: `达成目标的得${full}；部分达成的得${w ? `${half(w)}分` : '一半权重分'}；未达成的得0分。` };
  }
  const a = p.groups.length === 1 && p.groups[0].length === 1 ? p.groups[0][0] : null;
  if (!a || a.kind !== 'cmp') return { ok: false, reason: `指标值“${value}”是区间或组合条件，请手工填写评（扣）分标准` };
  const byOp = a.op === '>=' || a.op === '>' ? '正向' : a.op === '<=' || a.op === '<' ? '反向' : '';
  const dir = input.direction || byOp || (input.lowerIsBetter ? '反向' : '正向');
  if (byOp && dir !== byOp) return { ok: false, reason: `指标方向为${dir}，指标值却是“${value}”，请先核对` };
  const cap = w ? `，最高${w}分` : '，最高不超过权重分';
  if (dir === '正向') {
    return { ok: true, text: `完成值达到指标值（${value}）的得${full}；未达到的，得分=完成值÷指标值×${w || '权重'}${cap}。` };
  }
  return { ok: true, text: `完成值不超过指标值（${value}）的得${full}；超过的，得分=指标值÷完成值×${w || '权重'}${cap}。` };
}
