// Templates are data (templates/*.json): 一级/二级 vocabularies, which 一级 are required,
// schedule checkpoints, 依据 categories. Code asks this module; it never hard-codes a vocabulary.
import hebei2020 from '../../templates/hebei-2020.json';
import national2021 from '../../templates/national-2021.json';

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
}

export const TEMPLATES: readonly Template[] = [hebei2020, national2021];
export const DEFAULT_TEMPLATE_ID = 'hebei-2020';

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
