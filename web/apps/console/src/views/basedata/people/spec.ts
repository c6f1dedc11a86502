import { BASEDATA_PERMISSIONS as P, peopleApi, type PersonTag } from '@/api';
import { GRID, VALIDITY, keywordAndGrid } from '../shared/fields';
import type { ResourceCalls, ResourceRecord, ResourceSpec } from '../shared/spec';

const L = 'basedata.people';

/** 实有人口: identifiers masked, key-group tags with their own fields. */
export const peopleSpec: ResourceSpec = {
  name: 'people',
  path: '/basedata/people',
  api: peopleApi as unknown as ResourceCalls,
  readPermission: P.PERSON_READ,
  writePermission: P.PERSON_WRITE,
  exchange: 'people',
  fields: [
    { key: 'name', label: `${L}.name`, kind: 'text', required: true, maxLength: 50 },
    { key: 'formerName', label: `${L}.formerName`, kind: 'text', maxLength: 50 },
    { key: 'idNumber', label: `${L}.idNumber`, kind: 'idNumber', required: true, maxLength: 18 },
    { key: 'sex', label: `${L}.sex`, kind: 'dict', dict: 'SEX' },
    { key: 'birthDate', label: `${L}.birthDate`, kind: 'date' },
    { key: 'ethnicity', label: `${L}.ethnicity`, kind: 'dict', dict: 'ETHNICITY' },
    { key: 'nativePlace', label: `${L}.nativePlace`, kind: 'text', maxLength: 6 },
    { key: 'phone', label: `${L}.phone`, kind: 'phone', maxLength: 20 },
    {
      key: 'householdType',
      label: `${L}.householdType`,
      kind: 'dict',
      dict: 'HOUSEHOLD_TYPE',
      required: true,
    },
    { key: 'status', label: `${L}.status`, kind: 'dict', dict: 'PERSON_STATUS' },
    {
      key: 'politicalStatus',
      label: `${L}.politicalStatus`,
      kind: 'dict',
      dict: 'POLITICAL_STATUS',
    },
    { key: 'education', label: `${L}.education`, kind: 'dict', dict: 'EDUCATION' },
    { key: 'maritalStatus', label: `${L}.maritalStatus`, kind: 'dict', dict: 'MARITAL_STATUS' },
    { key: 'religion', label: `${L}.religion`, kind: 'dict', dict: 'RELIGION' },
    { key: 'registeredPlace', label: `${L}.registeredPlace`, kind: 'text', maxLength: 6 },
    { key: 'currentPlace', label: `${L}.currentPlace`, kind: 'text', maxLength: 6 },
    {
      key: 'currentAddress',
      label: `${L}.currentAddress`,
      kind: 'text',
      required: true,
      wide: true,
    },
    { key: 'registeredAddress', label: `${L}.registeredAddress`, kind: 'text', wide: true },
    { key: 'workUnit', label: `${L}.workUnit`, kind: 'text' },
    {
      key: 'occupationCategory',
      label: `${L}.occupationCategory`,
      kind: 'dict',
      dict: 'OCCUPATION',
    },
    { key: 'occupation', label: `${L}.occupation`, kind: 'text', maxLength: 30 },
    {
      key: 'householdConsistency',
      label: `${L}.householdConsistency`,
      kind: 'dict',
      dict: 'HOUSEHOLD_CONSISTENCY',
    },
    { key: 'householdNumber', label: `${L}.householdNumber`, kind: 'text', maxLength: 9 },
    {
      key: 'householdHeadRelation',
      label: `${L}.householdHeadRelation`,
      kind: 'dict',
      dict: 'RELATIONSHIP',
    },
    { key: 'houseId', label: 'basedata.common.house', kind: 'house' },
    GRID,
    ...VALIDITY,
    { key: 'tags', label: `${L}.tags`, kind: 'text', readOnly: true, wide: true },
  ],
  columns: [
    { key: 'name', width: 110, link: true },
    { key: 'idNumber', width: 180 },
    { key: 'sex', width: 80 },
    { key: 'householdType', width: 110 },
    { key: 'tags', minWidth: 160 },
    { key: 'currentAddress', minWidth: 180 },
    { key: 'gridId', minWidth: 130 },
    { key: 'status', width: 80 },
  ],
  filters: [
    ...keywordAndGrid(`${L}.search`),
    { key: 'householdType', kind: 'dict', dict: 'HOUSEHOLD_TYPE', label: `${L}.householdType` },
    { key: 'tag', kind: 'dict', dict: 'KEY_GROUP', label: `${L}.tag`, width: 160 },
    { key: 'status', kind: 'dict', dict: 'PERSON_STATUS', label: `${L}.status`, width: 110 },
  ],
  title: (row) => String(row.name ?? ''),
  extraValues: (editing: ResourceRecord | null) => ({
    tags: ((editing?.tags as PersonTag[] | undefined) ?? []).map((tag) => ({
      tag: tag.tag,
      since: tag.since,
      details: { ...tag.details },
    })),
  }),
  toCommand: (command, values) => ({ ...command, tags: cleanTags(values.tags as PersonTag[]) }),
};

/** Tags as sent: empty detail values left out (the server names what is missing). */
export function cleanTags(tags: readonly PersonTag[] | undefined): PersonTag[] {
  return (tags ?? []).map((tag) => ({
    tag: tag.tag,
    since: tag.since || null,
    details: Object.fromEntries(
      Object.entries(tag.details ?? {}).filter(
        ([, value]) => value !== null && value !== undefined && value !== '',
      ),
    ),
  }));
}
