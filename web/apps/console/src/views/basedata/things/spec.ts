import { BASEDATA_PERMISSIONS as P, thingApi } from '@/api';
import { GRID, LOCATION, VALIDITY, keywordAndGrid } from '../shared/fields';
import type { ResourceCalls, ResourceSpec } from '../shared/spec';

const L = 'basedata.things';

/** 部件: public facilities (井盖, 消防栓, 路灯, 监控探头, 物联感知设备) at their place. */
export const thingSpec: ResourceSpec = {
  name: 'things',
  path: '/basedata/things',
  api: thingApi as unknown as ResourceCalls,
  readPermission: P.OBJECT_READ,
  writePermission: P.OBJECT_WRITE,
  exchange: 'things',
  fields: [
    { key: 'code', label: `${L}.code`, kind: 'text', required: true, maxLength: 40 },
    { key: 'type', label: `${L}.type`, kind: 'dict', dict: 'THING_TYPE', required: true },
    { key: 'name', label: `${L}.name`, kind: 'text', required: true, maxLength: 100 },
    { key: 'status', label: `${L}.status`, kind: 'dict', dict: 'THING_STATUS', required: true },
    { key: 'address', label: `${L}.address`, kind: 'text', wide: true },
    { key: 'ownerUnit', label: `${L}.ownerUnit`, kind: 'text', maxLength: 100 },
    GRID,
    ...VALIDITY,
    { ...LOCATION, required: true },
  ],
  columns: [
    { key: 'code', width: 170, link: true },
    { key: 'name', minWidth: 150 },
    { key: 'type', width: 120 },
    { key: 'status', width: 90 },
    { key: 'address', minWidth: 180 },
    { key: 'ownerUnit', minWidth: 130 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    ...keywordAndGrid(`${L}.search`),
    { key: 'type', kind: 'dict', dict: 'THING_TYPE', label: `${L}.type` },
    { key: 'status', kind: 'dict', dict: 'THING_STATUS', label: `${L}.status`, width: 110 },
  ],
  title: (row) => `${row.name ?? ''}（${row.code ?? ''}）`,
};
