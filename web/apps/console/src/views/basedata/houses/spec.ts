import { BASEDATA_PERMISSIONS as P, RECORD_STATUSES, houseApi } from '@/api';
import type { ResourceCalls, ResourceSpec } from '../shared/spec';

const L = 'basedata.houses';

/** 实有房屋 (出租房 with their tenants). */
export const houseSpec: ResourceSpec = {
  name: 'houses',
  path: '/basedata/houses',
  api: houseApi as unknown as ResourceCalls,
  readPermission: P.OBJECT_READ,
  writePermission: P.OBJECT_WRITE,
  exchange: 'houses',
  fields: [
    { key: 'address', label: `${L}.address`, kind: 'text', required: true, wide: true },
    { key: 'building', label: `${L}.building`, kind: 'text', maxLength: 20 },
    { key: 'unit', label: `${L}.unit`, kind: 'text', maxLength: 20 },
    { key: 'room', label: `${L}.room`, kind: 'text', maxLength: 20 },
    { key: 'use', label: `${L}.use`, kind: 'dict', dict: 'HOUSE_USE', required: true },
    { key: 'area', label: `${L}.area`, kind: 'number', min: 0, max: 100000 },
    { key: 'ownerName', label: `${L}.ownerName`, kind: 'text', maxLength: 50 },
    { key: 'rented', label: `${L}.rented`, kind: 'switch' },
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
    { key: 'address', minWidth: 240, link: true },
    { key: 'use', width: 100 },
    { key: 'area', width: 100 },
    { key: 'ownerName', width: 110 },
    { key: 'rented', width: 80 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    { key: 'q', kind: 'keyword', label: `${L}.search` },
    { key: 'gridId', kind: 'grid', label: 'basedata.common.grid' },
    { key: 'use', kind: 'dict', dict: 'HOUSE_USE', label: `${L}.use` },
    { key: 'rented', kind: 'boolean', label: `${L}.rentedFilter` },
  ],
  title: (row) => String(row.address ?? ''),
};
