// Templates are data: the target-table and self-evaluation profiles of src-shared/profile (the one
// reader of templates/*.json). This module is the model's view of them — 一级/二级 vocabularies,
// which 一级 are required, schedule checkpoints, 依据 categories, self-evaluation layouts. Code asks
// here or in the profile module; it never hard-codes a vocabulary.
import { DEFAULT_PROFILE_ID, SELFEVAL_PROFILES, TARGET_PROFILES, getTargetProfile, type BandSteps, type TargetProfile } from '../profile';

export interface Level1Def { name: string; synonyms: string[]; required: boolean; level2: string[] }

export interface Template {
  id: string;
  name: string;
  effectWord: string;
  checkpoints: string[];
  level1: Level1Def[];
  basisCategories: string[];
  costOnlyBasis: string[];
  lowerIsBetterWords: string[];
  projectCodePattern: string;
  /** Step rules for proposing 优/良/中/差 from a target (src-shared/propose, issue 19). */
  bandSteps: BandSteps;
}


export const TEMPLATES: readonly Template[] = TARGET_PROFILES;
export const DEFAULT_TEMPLATE_ID = DEFAULT_PROFILE_ID;

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template, or the default one when the id is unknown (the loader reports that case). */
export function templateOrDefault(id: string): Template {
  return getTemplate(id) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;
}

/** The template's 一级 entry for a name or one of its synonyms (效果/效益 are the same 一级). */
export function findLevel1(t: Template, name: string): Level1Def | undefined {
  const n = name.trim();
  return t.level1.find((l) => l.name === n || l.synonyms.includes(n));
}

/** Index of a 一级 and 二级 in the template order, for sorting indicator rows (unknown last). */
export function indicatorOrder(t: Template, level1: string, level2: string): [number, number] {
  const i = t.level1.findIndex((l) => l.name === level1.trim() || l.synonyms.includes(level1.trim()));
  if (i < 0) return [t.level1.length, 0];
  const j = t.level1[i].level2.indexOf(level2.trim());
  return [i, j < 0 ? t.level1[i].level2.length : j];
}

// ---------------------------------------------------------------------------------------------
// Self-evaluation layouts (部门预算项目绩效自评表): templates/selfeval-*.json. Which funds columns and
// rows the form prints, whether indicators carry their own 分值, default weights and grade bounds.

export type FundColumn = 'initial' | 'planned' | 'received' | 'spent';
export type FundRow = 'total' | 'fiscal' | 'carryOver' | 'fiscalSpecial' | 'unitOwn' | 'other';

export interface SelfevalTemplate {
  id: string;
  name: string;
  title: string;
  layout: 'hebei-2019' | 'national-2020';
  orientation: 'portrait' | 'landscape';
  fundColumns: FundColumn[];
  fundRows: FundRow[];
  /** National form: 分值 per indicator; Hebei 2019: only level-1 weights are printed. */
  perIndicatorWeight: boolean;
  /** Whether the indicator table has a 指标说明/description column. */
  descriptionColumn: boolean;
  /** Default level-1 weights (产出 50 / 效益 30 / 满意度 10), as exact amounts. */
  weights: { level1: string; synonyms: string[]; weight: string }[];
  budgetRateWeight: string;
  /** 评价等级 lower bounds, best first. */
  grades: { grade: '优' | '良' | '中' | '差'; min: number }[];
  /** Regexes (source text) that recognise the printed form's instruction text left in a cell. */
  instructionPatterns: string[];
}

export const SELFEVAL_TEMPLATES: readonly SelfevalTemplate[] = SELFEVAL_PROFILES;

export function getSelfevalTemplate(id: string): SelfevalTemplate | undefined {
  return SELFEVAL_TEMPLATES.find((t) => t.id === id);
}

/** The document's self-evaluation layout: meta.selfevalTemplateId, else the one its target-table
 * profile names (`selfevalProfile`), else by the id (national-* → national 2020 form; anything else
 * → Hebei 2019). */
export function selfevalTemplateFor(meta: { templateId: string; selfevalTemplateId?: string }): SelfevalTemplate {
  const chosen = meta.selfevalTemplateId ? getSelfevalTemplate(meta.selfevalTemplateId) : undefined;
  if (chosen) return chosen;
  const paired = getTargetProfile(meta.templateId)?.selfevalProfile;
  const fallback = meta.templateId.startsWith('national') ? 'selfeval-national-2020' : 'selfeval-hebei-2019';
  return getSelfevalTemplate(paired ?? fallback) ?? getSelfevalTemplate(fallback)!;
}

/** The target-table profile of a template id (the default one when unknown), with its columns, header and weights. */
export function profileOf(templateId: string): TargetProfile {
  return getTargetProfile(templateId) ?? getTargetProfile(DEFAULT_TEMPLATE_ID)!;
}
