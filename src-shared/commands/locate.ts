// Find a row by its stable id and turn a finding's field name ('bands.2', 'schedule.3') into a path.
import type { JixiaoDocument } from '../model';
import type { Path } from './patch';

export type RowKind = 'meta' | 'duty' | 'activity' | 'dutyIndicator' | 'project' | 'projectIndicator' | 'selfevalIndicator' | 'deptTask' | 'deptIndicator';
export interface RowLocation { kind: RowKind; path: Path; /** path of the array holding the row */ parent: Path; index: number }

export function locateRow(doc: JixiaoDocument, rowId: string): RowLocation | null {
  if (rowId === 'meta') return { kind: 'meta', path: ['meta'], parent: [], index: -1 };
  const duties = doc.dutyTable.duties;
  for (let d = 0; d < duties.length; d++) {
    const duty = duties[d];
    const dp: Path = ['dutyTable', 'duties', d];
    if (duty.id === rowId) return { kind: 'duty', path: dp, parent: ['dutyTable', 'duties'], index: d };
    for (let i = 0; i < duty.indicators.length; i++) {
      if (duty.indicators[i].id === rowId) return { kind: 'dutyIndicator', path: [...dp, 'indicators', i], parent: [...dp, 'indicators'], index: i };
    }
    for (let a = 0; a < duty.activities.length; a++) {
      const act = duty.activities[a];
      const ap: Path = [...dp, 'activities', a];
      if (act.id === rowId) return { kind: 'activity', path: ap, parent: [...dp, 'activities'], index: a };
      for (let i = 0; i < act.indicators.length; i++) {
        if (act.indicators[i].id === rowId) return { kind: 'dutyIndicator', path: [...ap, 'indicators', i], parent: [...ap, 'indicators'], index: i };
      }
    }
  }
  for (let p = 0; p < doc.projects.length; p++) {
    const proj = doc.projects[p];
    if (proj.id === rowId) return { kind: 'project', path: ['projects', p], parent: ['projects'], index: p };
    for (let i = 0; i < proj.indicators.length; i++) {
      if (proj.indicators[i].id === rowId) return { kind: 'projectIndicator', path: ['projects', p, 'indicators', i], parent: ['projects', p, 'indicators'], index: i };
    }
    const se = proj.selfeval?.indicators ?? [];
    for (let i = 0; i < se.length; i++) {
      if (se[i].id === rowId) return { kind: 'selfevalIndicator', path: ['projects', p, 'selfeval', 'indicators', i], parent: ['projects', p, 'selfeval', 'indicators'], index: i };
    }
  }
  const dw = doc.deptWide;
  if (dw) {
    for (let i = 0; i < dw.tasks.length; i++) {
      if (dw.tasks[i].id === rowId) return { kind: 'deptTask', path: ['deptWide', 'tasks', i], parent: ['deptWide', 'tasks'], index: i };
    }
    for (let i = 0; i < dw.indicators.length; i++) {
      if (dw.indicators[i].id === rowId) return { kind: 'deptIndicator', path: ['deptWide', 'indicators', i], parent: ['deptWide', 'indicators'], index: i };
    }
  }
  return null;
}

/** 'bands.2' → ['bands', 2]; 'title' → ['title']. */
export function fieldPath(field: string): Path {
  return field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** weight / score: a self-evaluation indicator's 分值 and 得分. */
export const AMOUNT_FIELDS = new Set(['budget', 'fiscal', 'other', 'midTermTotal', 'carryOver', 'weight', 'score']);
const SELFEVAL_AMOUNTS = /^selfeval\.(funds\.\w+\.\w+|total|budgetRateWeight|budgetRateScore|level1Weights\.\d+\.weight)$/;
/** Amount-typed fields: money, the schedule percents, and the self-evaluation's funds, weights and scores (exact decimals too). */
export function isAmountField(field: string): boolean {
  return AMOUNT_FIELDS.has(field) || field.startsWith('schedule.') || SELFEVAL_AMOUNTS.test(field);
}

/** Fields that take one of a few words only. */
export const CHOICE_FIELDS: Record<string, readonly string[]> = {
  achievement: ['', '达成', '部分达成', '未达成'],
  'selfeval.grade': ['', '优', '良', '中', '差'],
};
