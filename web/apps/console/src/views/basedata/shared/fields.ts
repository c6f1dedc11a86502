import { RECORD_STATUSES } from '@/api';
import type { FieldSpec, FilterSpec } from './spec';

// The fields and filters every kind shares: where a record is (its grid, its point), whether it
// counts (status, validity), and the keyword + grid filters.

export const GRID: FieldSpec = { key: 'gridId', label: 'basedata.common.grid', kind: 'grid' };

export const LOCATION: FieldSpec = {
  key: 'location',
  label: 'basedata.common.location',
  kind: 'location',
};

export const VALIDITY: FieldSpec[] = [
  { key: 'validFrom', label: 'basedata.common.validFrom', kind: 'date' },
  { key: 'validTo', label: 'basedata.common.validTo', kind: 'date' },
];

/** Houses, places and organisations: 在用 / 停用. */
export const RECORD_STATUS: FieldSpec = {
  key: 'status',
  label: 'basedata.common.status',
  kind: 'choice',
  choices: RECORD_STATUSES,
  choiceLabels: 'basedata.statuses',
};

/** Grid, status, validity and point of a house, place or organisation. */
export const PLACEMENT: FieldSpec[] = [GRID, RECORD_STATUS, ...VALIDITY, LOCATION];

export const GRID_FILTER: FilterSpec = {
  key: 'gridId',
  kind: 'grid',
  label: 'basedata.common.grid',
};

/** The keyword (with its placeholder) and the grid, first in every list's filters. */
export function keywordAndGrid(placeholder: string): FilterSpec[] {
  return [{ key: 'q', kind: 'keyword', label: placeholder }, GRID_FILTER];
}
