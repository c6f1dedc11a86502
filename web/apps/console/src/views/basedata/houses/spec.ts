import { BASEDATA_PERMISSIONS as P, houseApi } from '@/api';
import { PLACEMENT, keywordAndGrid } from '../shared/fields';
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
    ...PLACEMENT,
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
    ...keywordAndGrid(`${L}.search`),
    { key: 'use', kind: 'dict', dict: 'HOUSE_USE', label: `${L}.use` },
    { key: 'rented', kind: 'boolean', label: `${L}.rentedFilter` },
  ],
  title: (row) => String(row.address ?? ''),
};
