// The shared fixtures' ground truth (.json beside each .docx/.xlsx) and the imported document
// written back in that shape: numbering re-added, amounts as displayed, project headings rebuilt.
import { activityNumber, dutyNumber, formatAmount, templateOrDefault, type JixiaoDocument } from '../../src-shared/model';

export interface Truth {
  duty_tables: { org: string; unit: string; duties: { title: string; budget: string; description: string; goal: string; indicators: { name: string; tiers: string[] }[]; activities: { title: string; budget: string; description: string; goal: string; indicators: { name: string; tiers: string[] }[] }[] }[] }[];
  project_tables: { heading: string; org: string; unit: string; code: string; name: string; budget: string; fiscal: string; other: string; purpose: string; schedule_labels: string[]; schedule: string[]; goal: string; indicators: { level1: string; level2: string; name: string; description: string; value: string; basis: string }[] }[];
}

/** The imported document written back in the ground truth's shape (numbering re-added, amounts shown). */
export function asTruth(doc: JixiaoDocument): Truth {
  const unit = doc.meta.unit;
  const org = doc.meta.deptCode + doc.meta.deptName;
  const indicator = (i: { name: string; bands: string[] }) => ({ name: i.name, tiers: [...i.bands] });
  return {
    duty_tables: doc.dutyTable.duties.length === 0 ? [] : [{
      org, unit,
      duties: doc.dutyTable.duties.map((d, i) => ({
        title: dutyNumber(i) + d.title, budget: formatAmount(d.budget, unit), description: d.description, goal: d.goal,
        indicators: d.indicators.map(indicator),
        activities: d.activities.map((a, j) => ({
          title: activityNumber(j) + a.title, budget: formatAmount(a.budget, unit), description: a.description, goal: a.goal,
          indicators: a.indicators.map(indicator),
        })),
      })),
    }],
    project_tables: doc.projects.map((p, k) => ({
      heading: `${k + 1}、${p.name}绩效目标表`, org, unit, code: p.code, name: p.name,
      budget: formatAmount(p.budget, unit), fiscal: formatAmount(p.fiscal, unit), other: formatAmount(p.other, unit),
      purpose: p.purpose, schedule_labels: templateOrDefault(doc.meta.templateId).checkpoints,
      schedule: p.schedule.map((s) => formatAmount(s, 'percent')), goal: p.goal,
      indicators: p.indicators.map(({ level1, level2, name, description, value, basis }) => ({ level1, level2, name, description, value, basis })),
    })),
  };
}

