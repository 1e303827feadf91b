// 绩效自评: the projects list and one project's year-end self-evaluation (部门预算项目绩效自评表) in
// the layout of the chosen template — budget rows, goals, the indicator grid with computed scores,
// 预算执行率, 总分 and 评价等级 (typed beside computed), problems and the preparer. The structured
// (一体化) form shows its own blocks: the fund table with 预算执行率 | 权重 | 得分 | 原因 per row, 年度总体目标,
// 合计, 评价结论 / 存在问题 / 改进措施 and 项目负责人 / 财务负责人.
import { useMemo, useRef, type ReactNode } from 'react';
import { applyComputedScoresEdit, CommandError, initSelfEvalEdit, setCellEdit, setMetaEdit } from '../../src-shared/commands';
import {
  FUND_COLUMN_LABEL_BY_LAYOUT, FUND_ROW_LABEL_BY_LAYOUT, SELFEVAL_TEMPLATES, selfevalTemplateFor, templateOrDefault, type Project, type SelfEval, type SelfevalTemplate, type Template,
} from '../../src-shared/model';
import { scoreSelfEval, type SelfEvalScores } from '../../src-shared/selfeval';
import { isColumnsForm, STRUCTURED_FUND_COLUMN, STRUCTURED_FUND_ROW, structuredFundRows } from '../../src-shared/layout/selfeval';
import { exportAs, importSelfevalInto } from '../app/actions';
import { editor, useEditor } from '../app/store';
import { indexFindings } from '../app/validation';
import type { Finding } from '../../src-shared/validate/types';
import { SelfEvalIndicatorGrid } from '../grid/SelfEvalIndicatorGrid';
import { Field, ProjectList, useFieldFocus } from './ProjectsView';

const COLUMN_LABEL = FUND_COLUMN_LABEL_BY_LAYOUT;
const ROW_LABEL = FUND_ROW_LABEL_BY_LAYOUT;

const EXTRA_TEXTS = [['fundsReason', '预算执行偏差原因'], ['conclusion', '评价结论'], ['measures', '改进措施']] as const;

// The list scores every project on each edit: unchanged parts (same object) are not scored again.
const scoreCache = new WeakMap<SelfEval, { key: string; scores: SelfEvalScores }>();
function cachedScores(se: SelfEval, t: SelfevalTemplate, target: Template): SelfEvalScores {
  const key = `${t.id}\u0001${target.id}`;
  let c = scoreCache.get(se);
  if (!c || c.key !== key) scoreCache.set(se, (c = { key, scores: scoreSelfEval(se, t, target) }));
  return c.scores;
}

function run(fn: () => void) { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } }

/** 生成自评表 for every project that has none (one undo step). */
export function generateSelfEvals(): void {
  const doc = editor.get().doc;
  if (!doc) return;
  const { edit, created } = initSelfEvalEdit(doc);
  if (!edit) { editor.toast('所有项目都已有绩效自评表，未改动'); return; }
  editor.dispatch(edit);
  editor.toast(`已为 ${created.length} 个项目生成绩效自评表（已有的未改动）`);
}

/** A form field of the self-evaluation part (`field` under project.selfeval). */
function F({ p, fm, field, ...rest }: { p: Project; fm: Map<string, Finding[]>; field: string; label: string; amount?: 'money' | 'plain'; multiline?: boolean; className?: string }) {
  return <Field project={p} findings={fm} {...rest} field={`selfeval.${field}`} />;
}

/** 总分 (typed, beside the computed sums) and 评价等级 (chosen, beside the one the total gives): both forms' rows. */
function TotalAndGrade({ label, field, se, scores, t, setGrade, gradeNote = '' }: {
  label: string; field: ReactNode; se: SelfEval; scores: SelfEvalScores; t: SelfevalTemplate; setGrade: (v: string) => void; gradeNote?: string;
}) {
  const totalDiffers = se.total !== '' && Number(se.total) !== Number(scores.total);
  const gradeDiffers = se.grade !== '' && scores.grade !== '' && se.grade !== scores.grade;
  return (
    <>
      <tr>
        <th>{label}</th>
        <td>{field}</td>
        <td className={`computed-note${totalDiffers ? ' score-diff' : ''}`} data-testid="se-total">
          各项得分之和 <b>{scores.total || '—'}</b>{'\u3000'}全部按计算得分 <b>{scores.computedTotal || '—'}</b></td>
      </tr>
      <tr>
        <th>评价等级</th>
        <td>
          <select className="field" value={se.grade} onChange={(e) => setGrade(e.target.value)} aria-label="评价等级" data-field="selfeval.grade" data-testid="se-grade">
            {['', '优', '良', '中', '差'].map((g) => <option key={g} value={g}>{g || '（未填）'}</option>)}
          </select>
        </td>
        <td className={`computed-note${gradeDiffers ? ' score-diff' : ''}`} data-testid="se-grade-computed">
          按总分应为 <b>{scores.grade || '—'}</b>（{t.grades.map((g) => `${g.grade} ≥ ${g.min}`).join('，')}{gradeNote}）</td>
      </tr>
    </>
  );
}

function SelfEvalForm({ project, index }: { project: Project; index: number }) {
  const doc = useEditor((s) => s.doc!);
  const findings = useEditor((s) => s.findings);
  const fmap = useMemo(() => indexFindings(findings), [findings]);
  const ref = useRef<HTMLDivElement>(null);
  useFieldFocus(ref, project.id);
  const t = selfevalTemplateFor(doc.meta);
  const target = templateOrDefault(doc.meta.templateId);
  const se = project.selfeval!;
  const scores = useMemo(() => cachedScores(se, t, target), [se, t, target]);
  const unit = doc.meta.unit;
  const setGrade = (v: string) => run(() => editor.dispatch(setCellEdit(editor.get().doc!, project.id, 'selfeval.grade', v)));
  const acceptAll = () => run(() => {
    const edit = applyComputedScoresEdit(editor.get().doc!, project.id);
    if (edit) editor.dispatch(edit); else editor.toast('得分已与计算得分一致');
  });
  const cols = t.fundColumns;
  if (isColumnsForm(t)) {
    return <StructuredSelfEvalForm project={project} index={index} t={t} scores={scores} fmap={fmap} formRef={ref} setGrade={setGrade} acceptAll={acceptAll} />;
  }

  return (
    <div className="project-form selfeval-form" ref={ref} data-testid="selfeval-form">
      <h2 className="project-heading">{t.title}（{doc.meta.year}年度）<span className="unit">金额单位：{unit}</span></h2>
      <div className="se-line">填报部门：{doc.meta.deptName || '—'}</div>
      <table className="form-table">
        <tbody>
          <tr><th>项目名称</th><td colSpan={cols.length + 1} data-testid="se-project-name">{index + 1}、{project.name || '（未命名项目）'}</td></tr>
          <tr>
            <th>{t.layout === 'hebei-2019' ? '实施预算单位' : '实施单位'}</th><td colSpan={t.layout === 'hebei-2019' ? cols.length + 1 : 1}><F p={project} fm={fmap} field="implementer" label="实施单位" /></td>
            {t.layout === 'national-2020' && <><td className="sub">主管部门</td><td colSpan={cols.length - 1}><F p={project} fm={fmap} field="authority" label="主管部门" /></td></>}
          </tr>
          <tr><th rowSpan={t.fundRows.length + 1}>{t.layout === 'hebei-2019' ? '预算执行情况' : '项目资金'}</th>
            <td className="sub" />{cols.map((c) => <td key={c} className="sub">{COLUMN_LABEL[t.layout][c]}</td>)}</tr>
          {t.fundRows.map((r) => (
            <tr key={r}>
              <td className="sub">{ROW_LABEL[t.layout][r]}</td>
              {cols.map((c) => <td key={c}><F p={project} fm={fmap} field={`funds.${c}.${r}`} label={`${COLUMN_LABEL[t.layout][c]} ${ROW_LABEL[t.layout][r]}`} amount="money" /></td>)}
            </tr>
          ))}
          <tr>
            <th>预算执行进度（%）</th>
            <td><F p={project} fm={fmap} field="progress" label="预算执行进度" /></td>
            <td colSpan={cols.length} className="computed-note" data-testid="se-budget-rate">执行数 / 预算数 = {scores.budgetRatePercent === '' ? '—' : `${scores.budgetRatePercent}%`}</td>
          </tr>
          <tr><th>年度预期目标</th><td colSpan={cols.length + 1}><F p={project} fm={fmap} field="goal" label="年度预期目标" multiline className="wide" /></td></tr>
          <tr><th>{t.layout === 'hebei-2019' ? '具体完成情况' : '实际完成情况'}</th><td colSpan={cols.length + 1}><F p={project} fm={fmap} field="achieved" label="具体完成情况" multiline className="wide" /></td></tr>
          <tr><th>总体完成率</th><td colSpan={cols.length + 1}><F p={project} fm={fmap} field="completionRate" label="总体完成率" /></td></tr>
          <tr>
            <th>一级指标权重</th>
            <td colSpan={cols.length + 1}>
              <div className="se-weights">
                {se.level1Weights.map((w, k) => (
                  <label key={k}>{w.level1}<F p={project} fm={fmap} field={`level1Weights.${k}.weight`} label={`${w.level1}权重`} amount="plain" /></label>
                ))}
                <label>预算执行率<F p={project} fm={fmap} field="budgetRateWeight" label="预算执行率权重" amount="plain" /></label>
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      {/* Keyed by template: its columns differ, and so do the row heights. */}
      <SelfEvalIndicatorGrid key={t.id} project={project} template={t} scores={scores} />
      <table className="form-table se-summary">
        <tbody>
          <tr data-testid="se-rate-row">
            <th>预算执行率行</th>
            <td colSpan={2}>
              {/* Published tables fill this row like an indicator (资金执行情况 | ≥100% | 98.83%). */}
              <div className="se-foot">
                <label>指标<F p={project} fm={fmap} field="budgetRateRow.name" label="预算执行率行的指标" /></label>
                <label>指标值<F p={project} fm={fmap} field="budgetRateRow.target" label="预算执行率行的指标值" /></label>
                <label>实际完成值<F p={project} fm={fmap} field="budgetRateRow.actual" label="预算执行率行的实际完成值" /></label>
              </div>
            </td>
          </tr>
          <tr>
            <th>预算执行率得分</th>
            <td>
              <F p={project} fm={fmap} field="budgetRateScore" label="预算执行率得分" amount="plain" />
              {se.budgetRateScoreText && se.budgetRateScore === '' && <span className="cell-warning" data-testid="se-rate-score-text">导入时为“{se.budgetRateScoreText}”</span>}
            </td>
            <td className={`computed-note${se.budgetRateScore !== '' && scores.budgetRateComputed !== '' && Number(se.budgetRateScore) !== Number(scores.budgetRateComputed) ? ' score-diff' : ''}`} data-testid="se-budget-score">
              计算得分 {scores.budgetRateComputed || '—'}（{scores.budgetRateWeight || '—'} × 执行率，最高 {scores.budgetRateWeight || '—'}）</td>
          </tr>
          <TotalAndGrade label="总分" field={<F p={project} fm={fmap} field="total" label="总分" amount="plain" />} se={se} scores={scores} t={t} setGrade={setGrade} />
          <tr><th>存在问题、原因及下一步整改措施</th><td colSpan={2}><F p={project} fm={fmap} field="problems" label="存在问题" multiline className="wide tall" /></td></tr>
          {/* The structured form's sections, shown when the document has them (imported). */}
          {EXTRA_TEXTS.filter(([f]) => se[f] !== undefined).map(([f, l]) => (
            <tr key={f}><th>{l}</th><td colSpan={2}><F p={project} fm={fmap} field={f} label={l} multiline className="wide" /></td></tr>
          ))}
          <tr>
            <th>填报人</th>
            <td colSpan={2}>
              <div className="se-foot">
                <F p={project} fm={fmap} field="preparer" label="填报人" />
                <label>联系电话<F p={project} fm={fmap} field="phone" label="联系电话" /></label>
                <label>填报日期<F p={project} fm={fmap} field="date" label="填报日期" /></label>
                {se.manager !== undefined && <label>项目负责人<F p={project} fm={fmap} field="manager" label="项目负责人" /></label>}
                {se.financeManager !== undefined && <label>财务负责人<F p={project} fm={fmap} field="financeManager" label="财务负责人" /></label>}
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="se-actions">
        <button onClick={acceptAll} data-testid="se-accept-all" title="各指标与预算执行率的得分改为计算得分，并更新总分和评价等级（一步，可撤销）">采用全部计算得分</button>
      </div>
    </div>
  );
}

/** The structured (一体化) self-evaluation as its form prints it (layout/selfeval.ts structuredPart). */
function StructuredSelfEvalForm({ project, index, t, scores, fmap, formRef, setGrade, acceptAll }: {
  project: Project; index: number; t: SelfevalTemplate; scores: SelfEvalScores; fmap: Map<string, Finding[]>;
  formRef: React.RefObject<HTMLDivElement | null>; setGrade: (v: string) => void; acceptAll: () => void;
}) {
  const doc = useEditor((s) => s.doc!);
  const se = project.selfeval!;
  const cols = t.fundColumns;
  const rows = structuredFundRows(t, se);
  const width = cols.length + 5; // row name, the fund columns, 预算执行率 | 权重 | 得分 | 原因
  const half = Math.ceil(width / 2);
  const rateDiffers = se.budgetRateScore !== '' && scores.budgetRateComputed !== '' && Number(se.budgetRateScore) !== Number(scores.budgetRateComputed);
  const f = (field: string, label: string, more: { amount?: 'money' | 'plain'; multiline?: boolean; className?: string } = {}) => <F p={project} fm={fmap} field={field} label={label} {...more} />;
  return (
    <div className="project-form selfeval-form se-structured" ref={formRef} data-testid="selfeval-form">
      <h2 className="project-heading">{t.title}（{doc.meta.year}年度）<span className="unit">金额单位：{doc.meta.unit}</span></h2>
      <table className="form-table">
        <tbody>
          <tr><th>项目名称</th><td colSpan={width} data-testid="se-project-name">{index + 1}、{project.name || '（未命名项目）'}</td></tr>
          <tr>
            <th>主管部门</th><td colSpan={half - 1}>{f('authority', '主管部门')}</td>
            <td className="sub">实施单位</td><td colSpan={width - half}>{f('implementer', '实施单位')}</td>
          </tr>
          <tr data-testid="se-fund-head"><th rowSpan={rows.length + 1}>预算执行情况{se.budgetRateWeight ? `（${se.budgetRateWeight}分）` : ''}</th>
            <td className="sub" />{cols.map((c) => <td key={c} className="sub">{STRUCTURED_FUND_COLUMN[c]}</td>)}
            {['预算执行率', '权重', '得分', '原因'].map((l) => <td key={l} className="sub">{l}</td>)}</tr>
          {rows.map((r, j) => (
            <tr key={r} data-testid={`se-fund-${r}`}>
              <td className="sub">{STRUCTURED_FUND_ROW[r]}</td>
              {cols.map((c) => <td key={c}>{f(`funds.${c}.${r}`, `${STRUCTURED_FUND_COLUMN[c]} ${STRUCTURED_FUND_ROW[r]}`, { amount: 'money' })}</td>)}
              <td>{f(r === 'total' ? 'progress' : `progressByRow.${r}`, `${STRUCTURED_FUND_ROW[r]} 预算执行率`)}</td>
              {j === 0 && <>
                <td rowSpan={rows.length}>{f('budgetRateWeight', '预算执行率权重', { amount: 'plain' })}</td>
                <td rowSpan={rows.length}>
                  {f('budgetRateScore', '预算执行率得分', { amount: 'plain' })}
                  {se.budgetRateScoreText && se.budgetRateScore === '' && <span className="cell-warning" data-testid="se-rate-score-text">导入时为“{se.budgetRateScoreText}”</span>}
                </td>
                <td rowSpan={rows.length}>{f('fundsReason', '预算执行偏差原因', { multiline: true, className: 'tall' })}</td>
              </>}
            </tr>
          ))}
          <tr>
            <th>计算</th>
            <td colSpan={width} className={`computed-note${rateDiffers ? ' score-diff' : ''}`}>
              <span data-testid="se-budget-rate">执行数 / 预算数 = {scores.budgetRatePercent === '' ? '—' : `${scores.budgetRatePercent}%`}</span>{'\u3000'}
              <span data-testid="se-budget-score">预算执行率计算得分 {scores.budgetRateComputed || '—'}（{scores.budgetRateWeight || '—'} × 执行率，最高 {scores.budgetRateWeight || '—'}）</span>
            </td>
          </tr>
          <tr><th rowSpan={2}>年度总体目标</th><td className="sub" colSpan={half}>预期目标</td><td className="sub" colSpan={width - half}>实际完成情况</td></tr>
          <tr>
            <td colSpan={half}>{f('goal', '年度预期目标', { multiline: true, className: 'wide' })}</td>
            <td colSpan={width - half}>{f('achieved', '实际完成情况', { multiline: true, className: 'wide' })}</td>
          </tr>
          {se.completionRate !== '' && <tr><th>总体完成率</th><td colSpan={width}>{f('completionRate', '总体完成率')}</td></tr>}
          <tr>
            <th>一级指标权重</th>
            <td colSpan={width}>
              <div className="se-weights">
                {se.level1Weights.map((w, k) => (
                  <label key={k}>{w.level1}{f(`level1Weights.${k}.weight`, `${w.level1}权重`, { amount: 'plain' })}</label>
                ))}
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      <SelfEvalIndicatorGrid key={t.id} project={project} template={t} scores={scores} />
      <table className="form-table se-summary">
        {/* A fixed table takes its widths from the first row, which spans the last two columns. */}
        <colgroup><col className="se-col-label" /><col className="se-col-value" /><col className="se-col-rest" /></colgroup>
        <tbody>
          <tr data-testid="se-rate-row">
            <th>预算执行率行</th>
            <td colSpan={2}>
              <div className="se-foot">
                <label>指标{f('budgetRateRow.name', '预算执行率行的指标')}</label>
                <label>指标值{f('budgetRateRow.target', '预算执行率行的指标值')}</label>
                <label>实际完成值{f('budgetRateRow.actual', '预算执行率行的实际完成值')}</label>
              </div>
            </td>
          </tr>
          <TotalAndGrade label="合计（得分）" field={f('total', '总分', { amount: 'plain' })} se={se} scores={scores} t={t} setGrade={setGrade} gradeNote="；表式不印评价等级，填写后才打印" />
          <tr><th>评价结论</th><td colSpan={2}>{f('conclusion', '评价结论', { multiline: true, className: 'wide' })}</td></tr>
          <tr><th>存在问题</th><td colSpan={2}>{f('problems', '存在问题', { multiline: true, className: 'wide' })}</td></tr>
          <tr><th>改进措施</th><td colSpan={2}>{f('measures', '改进措施', { multiline: true, className: 'wide' })}</td></tr>
          <tr><th>项目负责人</th><td colSpan={2}>{f('manager', '项目负责人')}</td></tr>
          <tr><th>财务负责人</th><td colSpan={2}>{f('financeManager', '财务负责人')}</td></tr>
          {/* Not on the form; printed under the table when typed. */}
          <tr><th>填报人</th><td colSpan={2}>{f('preparer', '填报人')}</td></tr>
          <tr><th>联系电话</th><td colSpan={2}>{f('phone', '联系电话')}</td></tr>
          <tr><th>填报日期</th><td colSpan={2}>{f('date', '填报日期')}</td></tr>
        </tbody>
      </table>
      <div className="se-actions">
        <button onClick={acceptAll} data-testid="se-accept-all" title="各指标与预算执行率的得分改为计算得分，并更新总分和评价等级（一步，可撤销）">采用全部计算得分</button>
      </div>
    </div>
  );
}

export function SelfEvalView() {
  const doc = useEditor((s) => s.doc!);
  const projectId = useEditor((s) => s.projectId);
  const projects = doc.projects;
  const index = projects.findIndex((p) => p.id === projectId);
  const project = index >= 0 ? projects[index] : undefined;
  const t = selfevalTemplateFor(doc.meta);
  const missing = projects.filter((p) => !p.selfeval).length;
  const switchTemplate = (id: string) => editor.dispatch(setMetaEdit(editor.get().doc!, { selfevalTemplateId: id }, '切换自评表模板'));
  const target = templateOrDefault(doc.meta.templateId);
  const badge = (p: Project) => {
    if (!p.selfeval) return <span className="muted">未生成</span>;
    const s = cachedScores(p.selfeval, t, target);
    return <span>{s.total || '—'} 分 {s.grade}</span>;
  };
  return (
    <div className="selfeval-view">
      <div className="se-bar">
        <button className="primary" onClick={generateSelfEvals} disabled={missing === 0} data-testid="se-generate"
          title="从项目绩效目标表带入指标、指标值、绩效目标和预算数（已有的自评内容不会被改动）">生成自评表{missing ? `（${missing} 个项目）` : ''}</button>
        <label>自评表模板
          <select value={t.id} onChange={(e) => switchTemplate(e.target.value)} data-testid="se-template">
            {SELFEVAL_TEMPLATES.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <button onClick={() => void importSelfevalInto()} data-testid="se-import" title="把 Word/Excel 中的绩效自评表放到同名项目下（没有同名项目时新建）">导入自评表…</button>
        <button onClick={() => void exportAs('xlsx', { selfeval: true })} data-testid="se-export-xlsx" title="导出绩效自评表（每个项目一个工作表，A4 纵向）">导出 Excel</button>
        <button onClick={() => void exportAs('docx', { selfeval: true })} data-testid="se-export-docx" title="导出绩效自评表（每页一张表，A4 纵向）">导出 Word</button>
        <button onClick={() => void exportAs('pdf', { selfeval: true })} data-testid="se-export-pdf" title="导出绩效自评表 PDF（A4 纵向）">导出 PDF</button>
      </div>
      <div className="projects-view">
        <ProjectList readOnly badge={badge} />
        {project?.selfeval ? <SelfEvalForm key={project.id} project={project} index={index} />
          : <div className="empty-state">{project ? <>“{project.name || '（未命名项目）'}”还没有绩效自评表。点击“生成自评表”，从项目绩效目标表带入指标和目标。</> : '没有选中的项目。'}</div>}
      </div>
    </div>
  );
}
