// Cell interaction in the 部门职责-工作活动 grid (see gridSuite.ts); its own harness, so it runs in parallel.
import { DUTY_FIELDS } from '../../src-shared/commands';
import { describeGridKeys } from './gridSuite';

describeGridKeys({
  name: '职责活动表', testId: 'duty-grid', seed: 'linxi', show: async () => {}, columns: DUTY_FIELDS,
  // Rows 2–5 are the four indicators of 2、就业服务体系建设 (its title spans them).
  row: 3, textCol: 'bands.1', nextCol: 'bands.2', span: { col: 'title', top: 2, bottom: 5 },
  inserts: [{ testId: 'tb-insert-duty', col: 'title' }, { testId: 'tb-insert-activity', col: 'title' }, { testId: 'tb-insert-indicator', col: 'name' }],
  deleteButton: 'tb-delete', autoScroll: true,
});
