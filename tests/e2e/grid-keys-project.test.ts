// Cell interaction in a project's indicator grid (see gridSuite.ts); its own harness, so it runs in parallel.
import { PROJECT_INDICATOR_FIELDS } from '../../src-shared/commands';
import { describeGridKeys } from './gridSuite';

describeGridKeys({
  name: '项目绩效指标', testId: 'project-indicator-grid', seed: 'laishui',
  show: async (h) => { await h.page.getByTestId('tab-projects').click(); },
  columns: PROJECT_INDICATOR_FIELDS,
  // The first project: 产出指标 spans rows 0–1; rows 1–3 have a description and a value.
  row: 1, textCol: 'description', nextCol: 'value', span: { col: 'level1', top: 0, bottom: 1 },
  mergedPasteFrom: 4, // 满意度指标, alone in its run
  // A new indicator row starts with blank 一级/二级 (never merged with the run above): 一级 first.
  inserts: [{ testId: 'pi-insert-below', col: 'level1' }, { testId: 'pi-insert-above', col: 'level1' }],
  deleteButton: 'pi-delete', autoScroll: false,
  choices: { row: 0, col: 'level2', filter: '数量', pick: '数量指标' },
});
