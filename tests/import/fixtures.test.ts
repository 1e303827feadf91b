// Every file in ../shared/fixtures (made by python-docx / openpyxl) imports to exactly the content of
// its .json ground truth, with nothing left unplaced.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import { activityNumber, dutyNumber, formatAmount, templateOrDefault, type JixiaoDocument } from '../../src-shared/model';

const DIR = '/work/shared/fixtures';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /\.(docx|xlsx)$/.test(f)).sort() : [];

interface Truth {
  duty_tables: { org: string; unit: string; duties: { title: string; budget: string; description: string; goal: string; indicators: { name: string; tiers: string[] }[]; activities: { title: string; budget: string; description: string; goal: string; indicators: { name: string; tiers: string[] }[] }[] }[] }[];
  project_tables: { heading: string; org: string; unit: string; code: string; name: string; budget: string; fiscal: string; other: string; purpose: string; schedule_labels: string[]; schedule: string[]; goal: string; indicators: { level1: string; level2: string; name: string; description: string; value: string; basis: string }[] }[];
}

/** The imported document written back in the ground truth's shape (numbering re-added, amounts shown). */
function asTruth(doc: JixiaoDocument): Truth {
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

describe('shared fixtures import exactly', () => {
  it('finds fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of files) {
    it(f, () => {
      const truth = JSON.parse(readFileSync(join(DIR, f.replace(/\.(docx|xlsx)$/, '.json')), 'utf8')) as Truth;
      const result = importOffice(new Uint8Array(readFileSync(join(DIR, f))), f);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      expect(result.report.unplaced).toEqual([]);
      expect(asTruth(result.document)).toEqual(truth);
      expect(result.report.tables.length).toBe(truth.duty_tables.length + truth.project_tables.length);
    });
  }
});
