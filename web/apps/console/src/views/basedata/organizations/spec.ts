import { BASEDATA_PERMISSIONS as P, organizationApi } from '@/api';
import { PLACEMENT, keywordAndGrid } from '../shared/fields';
import type { ResourceCalls, ResourceSpec } from '../shared/spec';

const L = 'basedata.organizations';

/** 组织: non-public economic and social organisations, found by their credit code. */
export const organizationSpec: ResourceSpec = {
  name: 'organizations',
  path: '/basedata/organizations',
  api: organizationApi as unknown as ResourceCalls,
  readPermission: P.OBJECT_READ,
  writePermission: P.OBJECT_WRITE,
  exchange: 'organizations',
  fields: [
    { key: 'name', label: `${L}.name`, kind: 'text', required: true, maxLength: 100, wide: true },
    { key: 'kind', label: `${L}.kind`, kind: 'dict', dict: 'ORG_KIND', required: true },
    {
      key: 'creditCode',
      label: `${L}.creditCode`,
      kind: 'creditCode',
      required: true,
      maxLength: 18,
    },
    { key: 'legalRepresentative', label: `${L}.legalRepresentative`, kind: 'text', maxLength: 50 },
    { key: 'staffCount', label: `${L}.staffCount`, kind: 'number', min: 0, max: 1000000 },
    { key: 'hazardType', label: `${L}.hazardType`, kind: 'dict', dict: 'HAZARD_TYPE' },
    {
      key: 'partyMemberCount',
      label: `${L}.partyMemberCount`,
      kind: 'number',
      min: 0,
      max: 100000,
    },
    { key: 'hasPartyOrg', label: `${L}.hasPartyOrg`, kind: 'switch' },
    { key: 'address', label: `${L}.address`, kind: 'text', required: true, wide: true },
    ...PLACEMENT,
  ],
  columns: [
    { key: 'name', minWidth: 180, link: true },
    { key: 'creditCode', width: 190 },
    { key: 'kind', width: 150 },
    { key: 'legalRepresentative', width: 110 },
    { key: 'staffCount', width: 90 },
    { key: 'hazardType', width: 110 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    ...keywordAndGrid(`${L}.search`),
    { key: 'kind', kind: 'dict', dict: 'ORG_KIND', label: `${L}.kind`, width: 160 },
    { key: 'hazardType', kind: 'dict', dict: 'HAZARD_TYPE', label: `${L}.hazardType` },
  ],
  title: (row) => String(row.name ?? ''),
};
