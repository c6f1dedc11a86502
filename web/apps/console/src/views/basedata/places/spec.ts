import { BASEDATA_PERMISSIONS as P, HAZARD_LEVELS, RECORD_STATUSES, placeApi } from '@/api';
import type { ResourceCalls, ResourceSpec } from '../shared/spec';

const L = 'basedata.places';

/** 场所: shops, schools, hazard sites… */
export const placeSpec: ResourceSpec = {
  name: 'places',
  path: '/basedata/places',
  api: placeApi as unknown as ResourceCalls,
  readPermission: P.OBJECT_READ,
  writePermission: P.OBJECT_WRITE,
  fields: [
    { key: 'name', label: `${L}.name`, kind: 'text', required: true, maxLength: 100 },
    { key: 'type', label: `${L}.type`, kind: 'dict', dict: 'PLACE_TYPE', required: true },
    { key: 'address', label: `${L}.address`, kind: 'text', required: true, wide: true },
    { key: 'contactName', label: `${L}.contactName`, kind: 'text', maxLength: 50 },
    {
      key: 'hazardLevel',
      label: `${L}.hazardLevel`,
      kind: 'choice',
      choices: HAZARD_LEVELS,
      choiceLabels: 'basedata.hazardLevels',
    },
    { key: 'houseId', label: 'basedata.common.house', kind: 'house' },
    { key: 'gridId', label: 'basedata.common.grid', kind: 'grid' },
    {
      key: 'status',
      label: 'basedata.common.status',
      kind: 'choice',
      choices: RECORD_STATUSES,
      choiceLabels: 'basedata.statuses',
    },
    { key: 'validFrom', label: 'basedata.common.validFrom', kind: 'date' },
    { key: 'validTo', label: 'basedata.common.validTo', kind: 'date' },
    { key: 'location', label: 'basedata.common.location', kind: 'location' },
  ],
  columns: [
    { key: 'name', minWidth: 160, link: true },
    { key: 'type', width: 120 },
    { key: 'address', minWidth: 220 },
    { key: 'contactName', width: 100 },
    { key: 'hazardLevel', width: 100 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    { key: 'q', kind: 'keyword', label: `${L}.search` },
    { key: 'gridId', kind: 'grid', label: 'basedata.common.grid' },
    { key: 'type', kind: 'dict', dict: 'PLACE_TYPE', label: `${L}.type` },
  ],
  title: (row) => String(row.name ?? ''),
};
