// Synthetic large document for benches and stress tests: 40 duties × 8 activities × 5 indicators
// and 300 projects × 12 indicators, with realistic cell text (and a few defects to find).
import { newDocument, newSelfEval, newSelfEvalIndicator, type JixiaoDocument } from '../../src-shared/model';

export interface SyntheticSize { duties: number; activities: number; indicators: number; projects: number; projectIndicators: number }
export const LARGE: SyntheticSize = { duties: 40, activities: 8, indicators: 5, projects: 300, projectIndicators: 12 };

const LEVELS: [string, string][] = [
  ['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['产出指标', '质量指标'],
  ['产出指标', '时效指标'], ['产出指标', '成本指标'], ['效果指标', '经济效益指标'], ['效果指标', '社会效益指标'],
  ['效果指标', '社会效益指标'], ['效果指标', '可持续影响指标'], ['满意度指标', '服务对象满意度指标'], ['满意度指标', '服务对象满意度指标'],
];

export function makeSyntheticDocument(size: SyntheticSize = LARGE): JixiaoDocument {
  const doc = newDocument({ deptCode: '323', deptName: '示例县人力资源和社会保障局', year: 2026, unit: '万元', templateId: 'hebei-2020' });
  for (let d = 1; d <= size.duties; d++) {
    const activities = [];
    let dutySum = 0n;
    for (let a = 1; a <= size.activities; a++) {
      const budget = BigInt(d * 100 + a * 7);
      dutySum += budget;
      activities.push({
        id: `sd${d}a${a}`, title: `第${d}项职责下的第${a}项工作活动，开展政策宣传、业务经办和监督检查`, budget: `${budget}.5`,
        description: '负责组织实施本项工作，完善服务体系，开展业务培训和督导检查，确保各项任务按时完成。',
        goal: '保持工作平稳有序运行，服务对象满意度不断提高。',
        indicators: Array.from({ length: size.indicators }, (_, i) => i % 2 === 0
          ? { id: `sd${d}a${a}i${i + 1}`, name: `业务办理完成率${i + 1}`, bands: ['100%', '≥90%', '≥80%', '<80%'] as [string, string, string, string] }
          : { id: `sd${d}a${a}i${i + 1}`, name: `开展培训次数${i + 1}`, bands: ['≥10', '≥8', '≥5', '<5'] as [string, string, string, string] }),
      });
    }
    doc.dutyTable.duties.push({
      id: `sd${d}`, title: `第${d}项部门职责管理`, budget: (dutySum * 10n + BigInt(size.activities * 5)).toString().replace(/(\d)(\d)$/, "$1.$2").replace(/\.0$/, ""),
      description: '负责本领域政策的制定和组织实施，统筹推进相关工作。', goal: '完成年度工作任务，提升公共服务水平。',
      indicators: [], activities,
    });
  }
  for (let p = 1; p <= size.projects; p++) {
    const budget = `${p * 3 + 10}.25`;
    doc.projects.push({
      id: `sp${p}`, code: `323-0501-JBN-${p.toString(36).toUpperCase().padStart(4, '0')}`,
      name: `2026年第${p}号城乡居民养老保险补助资金项目`, budget, fiscal: budget, other: '',
      purpose: '全面开展参保登记，扩大各项保险的覆盖面，及时足额落实社会保险待遇。',
      schedule: ['25', '50', '75', '100'],
      goal: '1、完成养老保险扩面征缴任务，确保养老金按时足额发放。\n2、防范基金风险，确保参保人员权益。',
      indicators: Array.from({ length: size.projectIndicators }, (_, i) => ({
        id: `sp${p}i${i + 1}`, level1: LEVELS[i % LEVELS.length][0], level2: LEVELS[i % LEVELS.length][1],
        name: i % 3 === 0 ? `参保人数${i + 1}` : `资金发放到位率${i + 1}（%）`,
        description: '保险资金待遇按时足额发放人数占应发放人数的比率',
        value: i % 3 === 0 ? '≥5000人' : '≥95%', basis: i % 4 === 0 ? '计划标准' : '冀财社【2019】74号',
      })),
    });
  }
  return doc;
}

/**
 * The large document with a year-end self-evaluation part on every project (300 × 12 indicators):
 * targets carried from 指标值, actuals, scores, budget rows and goals typed as a clerk would.
 */
export function makeSyntheticSelfevalDocument(size: SyntheticSize = LARGE): JixiaoDocument {
  const doc = makeSyntheticDocument(size);
  doc.meta.year = 2026;
  const split = (total: string) => ({ total, fiscal: total, carryOver: '', other: '' });
  doc.projects.forEach((p, k) => {
    const spent = `${k * 3 + 9}.8`;
    p.selfeval = newSelfEval({
      implementer: '示例县社会保险事业管理中心', authority: doc.meta.deptName,
      funds: { initial: split(p.budget), planned: split(p.budget), received: split(p.budget), spent: split(spent) },
      progress: '96%', goal: p.goal, completionRate: '98%',
      achieved: '完成养老保险扩面征缴任务，养老金按时足额发放；基金运行平稳，参保人员权益得到保障。',
      level1Weights: [{ level1: '产出指标', weight: '50' }, { level1: '效果指标', weight: '30' }, { level1: '满意度指标', weight: '10' }],
      indicators: p.indicators.map((ind, i) => newSelfEvalIndicator({
        from: ind.id, level1: ind.level1, level2: ind.level2, name: ind.name, description: ind.description, target: ind.value,
        actual: ind.value.includes('人') ? `${5000 + i * 7}人` : '96.5%', weight: '', score: i < 6 ? '8' : i < 10 ? '7' : '5',
        deviation: i % 5 === 0 ? '部分资金年底拨付，下一步加快支出进度。' : '',
      })),
      budgetRateWeight: '10', budgetRateScore: '9.6', total: '93.6', grade: '优',
      problems: '一是部分指标设定不够细化；二是资金支付进度前慢后快。下一步细化绩效指标，加快支出进度。',
      preparer: '张明', phone: '0312-5551234', date: '2027年3月15日',
    });
  });
  return doc;
}
