import { BASEDATA_PERMISSIONS as P, RECORD_STATUSES, organizationApi } from '@/api';
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
    { key: 'name', minWidth: 180, link: true },
    { key: 'creditCode', width: 190 },
    { key: 'kind', width: 150 },
    { key: 'legalRepresentative', width: 110 },
    { key: 'staffCount', width: 90 },
    { key: 'hazardType', width: 110 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    { key: 'q', kind: 'keyword', label: `${L}.search` },
    { key: 'gridId', kind: 'grid', label: 'basedata.common.grid' },
    { key: 'kind', kind: 'dict', dict: 'ORG_KIND', label: `${L}.kind`, width: 160 },
    { key: 'hazardType', kind: 'dict', dict: 'HAZARD_TYPE', label: `${L}.hazardType` },
  ],
  title: (row) => String(row.name ?? ''),
};
