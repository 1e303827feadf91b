// 项目绩效目标表: the project list (add, duplicate, delete, reorder, search) and the form of one project.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CommandError, countChildren, deleteRows, duplicateProject, fieldPath, getAt, insertProject, moveRow, setCellEdit } from '../../src-shared/commands';
import { compareAmounts, formatAmount, percentOf, profileOf, sumAmounts, templateOrDefault, type Project } from '../../src-shared/model';
import { hasHebeiBlock, moneyGroupLabel, projectHeaderRows, type ProjectHeaderField, type TargetProfile } from '../../src-shared/profile';
import type { Finding } from '../../src-shared/validate/types';
import { editor, useEditor } from '../app/store';
import { shortcut } from '../app/keys';
import { copyProjectToClipboard, onProjectListPaste, pasteProjectButton, useDiffMarks } from '../app/cycle';
import { cellKey, indexFindings } from '../app/validation';
import { confirmDialog } from '../dialogs/modal';
import { ProjectIndicatorGrid } from '../grid/ProjectIndicatorGrid';
import { FormField } from './FormField';

function run(fn: () => void) { try { fn(); } catch (e) { if (e instanceof CommandError) editor.toast(e.message, 'error'); else throw e; } }

/** The project list; the 绩效自评 tab shows it without the add/delete tools and with a badge per project. */
export function ProjectList({ readOnly, badge }: { readOnly?: boolean; badge?: (p: Project) => React.ReactNode } = {}) {
  const projects = useEditor((s) => s.doc!.projects);
  const projectId = useEditor((s) => s.projectId);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return projects.map((p, i) => ({ p, i })).filter(({ p }) => !q || p.name.toLowerCase().includes(q) || p.code.toLowerCase().includes(q));
  }, [projects, query]);
  const add = () => {
    const doc = editor.get().doc!;
    const cur = doc.projects.findIndex((p) => p.id === projectId);
    const { edit, id } = insertProject(doc, cur < 0 ? doc.projects.length : cur + 1, { code: doc.meta.deptCode ? `${doc.meta.deptCode}-` : '' });
    editor.dispatch(edit);
    editor.set({ projectId: id });
    editor.focusCell(id, 'name'); // the clerk types the new project's name next
  };
  const dup = () => run(() => {
    if (!projectId) return;
    const { edit, id } = duplicateProject(editor.get().doc!, projectId);
    editor.dispatch(edit);
    editor.set({ projectId: id });
  });
  const del = async () => {
    const doc = editor.get().doc!;
    const idx = doc.projects.findIndex((p) => p.id === projectId);
    if (idx < 0) return;
    const p = doc.projects[idx];
    const n = countChildren(doc, p.id);
    if (!(await confirmDialog('删除项目', `确定删除项目“${p.name || '（未命名）'}”${n ? `及其 ${n} 个指标` : ''}吗？（可撤销）`, '删除'))) return;
    const cur = editor.get().doc!;
    editor.dispatch(deleteRows(cur, [p.id], '删除项目'));
    const after = editor.get().doc!.projects;
    editor.set({ projectId: after[Math.min(idx, after.length - 1)]?.id ?? null });
  };
  const move = (delta: -1 | 1) => { if (projectId) editor.dispatch(moveRow(editor.get().doc!, projectId, delta)); };
  return (
    <aside className="project-list" tabIndex={-1} onPaste={readOnly ? undefined : onProjectListPaste} data-testid="project-list">
      <div className="project-list-tools">
        <input className="search" placeholder="按名称或编码搜索" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="搜索项目" />
        {!readOnly && <div className="button-row">
          <button onClick={add} data-testid="project-add">新增</button>
          <button onClick={dup} disabled={!projectId}>复制</button>
          <button onClick={() => void del()} disabled={!projectId}>删除</button>
          <button onClick={() => move(-1)} disabled={!projectId} title="上移">↑</button>
          <button onClick={() => move(1)} disabled={!projectId} title="下移">↓</button>
        </div>}
        {!readOnly && <div className="button-row second">
          <button onClick={() => projectId && copyProjectToClipboard(projectId)} disabled={!projectId} title="复制当前项目，可粘贴到另一个文档" data-testid="project-copy-new">复制为新项目</button>
          <button onClick={() => void pasteProjectButton()} title={`把从另一个文档复制的项目粘贴为新项目（也可在此列表中按 ${shortcut('paste')}）`} data-testid="project-paste">粘贴项目</button>
        </div>}
      </div>
      <ol className="project-items">
        {shown.map(({ p, i }) => (
          <li key={p.id} className={p.id === projectId ? 'active' : ''} onClick={() => editor.set({ projectId: p.id })} data-testid="project-item">
            <span className="num">{i + 1}、</span>
            <span className="pname">{p.name || '（未命名项目）'}</span>
            <span className="pcode">{p.code}</span>
            {badge && <span className="pbadge">{badge(p)}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="empty">{projects.length ? '没有匹配的项目' : '还没有项目，点击“新增”'}</li>}
      </ol>
    </aside>
  );
}

/** A text field that commits on blur or Enter (one undo step per field edit). `field` is a path
 * under the project ('name', 'schedule.2', 'selfeval.funds.spent.total'), as in a finding. */
export function Field({ project, field, findings, ...rest }: {
  project: Project; field: string; label?: string; multiline?: boolean; amount?: 'money' | 'percent' | 'plain'; findings: Map<string, Finding[]>; className?: string; required?: boolean;
}) {
  const write = (value: string) => {
    const doc = editor.get().doc!;
    if (!doc.projects.some((p) => p.id === project.id)) return;
    run(() => editor.dispatch(setCellEdit(doc, project.id, field, value)));
  };
  return <FormField {...rest} stored={String(getAt(project, fieldPath(field)) ?? '')} write={write} dataField={field}
    findings={findings.get(cellKey(project.id, field))} mark={useDiffMarks().get(cellKey(project.id, field))} />;
}

/** Moves the focus to a form field of `rowId` when the findings panel asks for it. */
export function useFieldFocus(ref: React.RefObject<HTMLElement | null>, rowId: string): void {
  const focusRequest = useEditor((s) => s.focusRequest);
  const handledSeq = useRef(0);
  useEffect(() => {
    if (!focusRequest || focusRequest.rowId !== rowId || handledSeq.current === focusRequest.seq) return;
    handledSeq.current = focusRequest.seq;
    const el = ref.current?.querySelector<HTMLElement>(`[data-field="${focusRequest.field}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focusRequest, rowId, ref]);
}

/** The Hebei block (项目编码 … 预算规模及资金用途 … 资金支出计划 … 绩效目标) of hebei-2020 and national-2021, as the Hebei export draws it. */
function HebeiHeader({ project, fmap }: { project: Project; fmap: Map<string, Finding[]> }) {
  const doc = useEditor((s) => s.doc!);
  const t = templateOrDefault(doc.meta.templateId);
  const unit = doc.meta.unit;
  const total = sumAmounts([project.fiscal, project.other]);
  const mismatch = project.budget !== '' && total !== '' && compareAmounts(project.budget, total) !== 0;
  return (
    <table className="form-table">
      <tbody>
        <tr>
          <th>项目编码</th><td colSpan={2}><Field project={project} field="code" label="项目编码" findings={fmap} /></td>
          <th>项目名称</th><td colSpan={3}><Field project={project} field="name" label="项目名称" findings={fmap} /></td>
        </tr>
        <tr>
          <th rowSpan={2}>预算规模及<br />资金用途</th>
          <td className="sub">预算数</td><td><Field project={project} field="budget" label="预算数" amount="money" findings={fmap} /></td>
          <td className="sub">其中：财政资金</td><td><Field project={project} field="fiscal" label="财政资金" amount="money" findings={fmap} /></td>
          <td className="sub">其他资金</td><td><Field project={project} field="other" label="其他资金" amount="money" findings={fmap} /></td>
        </tr>
        <tr>
          <td colSpan={6}>
            <div className={`sum-line${mismatch ? ' mismatch' : ''}`} data-testid="budget-sum">
              财政资金 + 其他资金 = {total === '' ? '—' : formatAmount(total, unit)} {unit}
              {mismatch && <strong>{"\u3000"}与预算数 {formatAmount(project.budget, unit)} 不一致</strong>}
            </div>
            <Field project={project} field="purpose" label="资金用途" multiline findings={fmap} className="wide" />
          </td>
        </tr>
        <tr>
          <th rowSpan={2}>资金支出计划<br />（%）</th>
          {t.checkpoints.map((c, i) => <td key={c} className="sub center" colSpan={i === t.checkpoints.length - 1 ? 6 - (t.checkpoints.length - 1) : 1}>{c}</td>)}
        </tr>
        <tr>
          {t.checkpoints.map((c, i) => (
            <td key={c} colSpan={i === t.checkpoints.length - 1 ? 6 - (t.checkpoints.length - 1) : 1}>
              <Field project={project} field={`schedule.${i}`} label={`${c}（%）`} amount="percent" findings={fmap} />
              <div className="percent-of">{project.schedule[i] && project.budget ? `≈ ${formatAmount(percentOf(project.budget, project.schedule[i]), unit)} ${unit}` : ''}</div>
            </td>
          ))}
        </tr>
        <tr>
          <th>绩效目标</th>
          <td colSpan={6}><Field project={project} field="goal" label="绩效目标" multiline findings={fmap} className="wide tall" /></td>
        </tr>
      </tbody>
    </table>
  );
}

/** A header label as the form prints it; ＊ when the form requires the field. */
function HeaderLabel({ h }: { h: ProjectHeaderField }) {
  return <>{h.label}{h.required && <span className="required-mark" title="必填">＊</span>}</>;
}

/** The header block of any other profile (88号, structured …): the rows the export prints
 * (projectHeaderRows), label | field, the amounts under 项目资金（单位） when there are several. */
function ProfileHeader({ project, profile, fmap }: { project: Project; profile: TargetProfile; fmap: Map<string, Finding[]> }) {
  const unit = useEditor((s) => s.doc!.meta.unit);
  const field = (h: ProjectHeaderField) => (
    <Field project={project} field={h.field} label={h.label} required={h.required} findings={fmap}
      amount={h.kind === 'money' ? 'money' : undefined} multiline={h.kind === 'long'} className={h.kind === 'long' ? 'wide tall' : undefined} />
  );
  const one = (h: ProjectHeaderField) => <tr key={h.field}><th><HeaderLabel h={h} /></th><td colSpan={2}>{field(h)}</td></tr>;
  return (
    <table className="form-table profile-header" data-testid="project-header">
      <colgroup><col className="label-col" /><col className="sub-col" /><col /></colgroup>
      <tbody>
        {projectHeaderRows(profile).flatMap((r) => (r.kind === 'text' || r.fields.length === 1 ? [one(r.kind === 'text' ? r.field : r.fields[0])]
          : r.fields.map((h, k) => (
            <tr key={h.field}>
              {k === 0 && <th rowSpan={r.fields.length}>{moneyGroupLabel(unit)}</th>}
              <td className="sub"><HeaderLabel h={h} /></td><td>{field(h)}</td>
            </tr>
          ))))}
      </tbody>
    </table>
  );
}

function ProjectForm({ project, index }: { project: Project; index: number }) {
  const templateId = useEditor((s) => s.doc!.meta.templateId);
  const unit = useEditor((s) => s.doc!.meta.unit);
  const findings = useEditor((s) => s.findings);
  const fmap = useMemo(() => indexFindings(findings), [findings]);
  const ref = useRef<HTMLDivElement>(null);
  // The header block follows the document's profile (文档设置 › 格式模板 switches it).
  const profile = profileOf(templateId);

  useFieldFocus(ref, project.id);

  return (
    <div className="project-form" ref={ref} data-testid="project-form">
      <h2 className="project-heading">{index + 1}、{project.name || '（未命名项目）'}绩效目标表 <span className="unit">单位：{unit}</span></h2>
      {hasHebeiBlock(profile) ? <HebeiHeader project={project} fmap={fmap} /> : <ProfileHeader project={project} profile={profile} fmap={fmap} />}
      <ProjectIndicatorGrid project={project} />
    </div>
  );
}

export function ProjectsView() {
  const projects = useEditor((s) => s.doc!.projects);
  const projectId = useEditor((s) => s.projectId);
  const index = projects.findIndex((p) => p.id === projectId);
  useEffect(() => {
    if (index < 0 && projects.length) editor.set({ projectId: projects[0].id });
  }, [index, projects]);
  return (
    <div className="projects-view">
      <ProjectList />
      {index >= 0 ? <ProjectForm key={projects[index].id} project={projects[index]} index={index} /> : <div className="empty-state">没有选中的项目。</div>}
    </div>
  );
}
