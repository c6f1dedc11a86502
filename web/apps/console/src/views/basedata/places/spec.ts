import { BASEDATA_PERMISSIONS as P, HAZARD_LEVELS, placeApi } from '@/api';
import { PLACEMENT, keywordAndGrid } from '../shared/fields';
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
    ...PLACEMENT,
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
    ...keywordAndGrid(`${L}.search`),
    { key: 'type', kind: 'dict', dict: 'PLACE_TYPE', label: `${L}.type` },
  ],
  title: (row) => String(row.name ?? ''),
};
