import { BASEDATA_PERMISSIONS as P, DAILY_NOTE_TOPICS, dailyNoteApi } from '@/api';
import { GRID, GRID_FILTER } from '../shared/fields';
import type { ResourceCalls, ResourceSpec } from '../shared/spec';

const L = 'basedata.dailyNotes';

/** 民情日志: what a worker saw and heard, written once (no edits), by date. */
export const dailyNoteSpec: ResourceSpec = {
  name: 'dailyNotes',
  path: '/basedata/daily-notes',
  api: dailyNoteApi as unknown as ResourceCalls,
  readPermission: P.SITUATION_READ,
  writePermission: P.SITUATION_WRITE,
  formWidth: '640px',
  fields: [
    { key: 'notedOn', label: `${L}.notedOn`, kind: 'date', required: true },
    {
      key: 'topic',
      label: `${L}.topic`,
      kind: 'choice',
      choices: DAILY_NOTE_TOPICS,
      choiceLabels: `${L}.topics`,
      required: true,
    },
    { key: 'content', label: `${L}.content`, kind: 'textarea', required: true, maxLength: 4000 },
    GRID,
    { key: 'authorName', label: `${L}.author`, kind: 'text', readOnly: true },
  ],
  columns: [
    { key: 'notedOn', width: 110 },
    { key: 'topic', width: 110 },
    { key: 'content', minWidth: 320 },
    { key: 'authorName', width: 110 },
    { key: 'gridId', minWidth: 150 },
  ],
  filters: [GRID_FILTER, { key: 'range', kind: 'dateRange', label: `${L}.range` }],
  title: (row) => String(row.notedOn ?? ''),
};
