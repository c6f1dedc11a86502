import {
  BASEDATA_PERMISSIONS as P,
  DISPUTE_ACTIONS,
  disputeApi,
  type DisputeAction,
  type DisputeParty,
} from '@/api';
import { GRID, LOCATION, keywordAndGrid } from '../shared/fields';
import type { ResourceCalls, ResourceRecord, ResourceSpec } from '../shared/spec';

const L = 'basedata.disputes';

/**
 * The mediation moves allowed now: the server's `actions` when the detail carries them, else
 * what the status allows (the server guards the same: 409 otherwise).
 */
export function disputeActions(
  status: string | null | undefined,
  allowed?: readonly string[] | null,
): DisputeAction[] {
  if (allowed) return DISPUTE_ACTIONS.filter((a) => allowed.includes(a));
  switch (status) {
    case 'OPEN':
      return ['MEDIATE', 'ESCALATE'];
    case 'MEDIATING':
      return ['MEDIATE', 'RESOLVE', 'FAIL', 'ESCALATE'];
    case 'FAILED':
      return ['ESCALATE'];
    default:
      return [];
  }
}

/** Parties as sent: the named ones only. */
export function cleanParties(parties: readonly DisputeParty[] | undefined): DisputeParty[] {
  return (parties ?? [])
    .filter((p) => p.name?.trim())
    .map((p) => ({ name: p.name.trim(), role: p.role || null, personId: p.personId ?? null }));
}

/** 矛盾纠纷: parties, mediation steps and the result. */
export const disputeSpec: ResourceSpec = {
  name: 'disputes',
  path: '/basedata/disputes',
  api: disputeApi as unknown as ResourceCalls,
  readPermission: P.SITUATION_READ,
  writePermission: P.SITUATION_WRITE,
  fields: [
    { key: 'title', label: `${L}.title`, kind: 'text', required: true, maxLength: 100, wide: true },
    { key: 'type', label: `${L}.type`, kind: 'dict', dict: 'DISPUTE_TYPE', required: true },
    { key: 'scale', label: `${L}.scale`, kind: 'dict', dict: 'DISPUTE_SCALE', required: true },
    { key: 'occurredOn', label: `${L}.occurredOn`, kind: 'date', required: true },
    { key: 'status', label: `${L}.status`, kind: 'dict', dict: 'DISPUTE_STATUS', readOnly: true },
    { key: 'parties', label: `${L}.parties`, kind: 'text', readOnly: true, wide: true },
    { key: 'address', label: `${L}.address`, kind: 'text', wide: true },
    { key: 'description', label: `${L}.description`, kind: 'textarea', maxLength: 2000 },
    { key: 'result', label: `${L}.result`, kind: 'text', readOnly: true, wide: true },
    GRID,
    LOCATION,
  ],
  columns: [
    { key: 'title', minWidth: 200, link: true },
    { key: 'type', width: 120 },
    { key: 'scale', width: 140 },
    { key: 'parties', minWidth: 150 },
    { key: 'occurredOn', width: 110 },
    { key: 'status', width: 100 },
    { key: 'gridId', minWidth: 140 },
  ],
  filters: [
    ...keywordAndGrid(`${L}.search`),
    { key: 'type', kind: 'dict', dict: 'DISPUTE_TYPE', label: `${L}.type` },
    { key: 'status', kind: 'dict', dict: 'DISPUTE_STATUS', label: `${L}.status`, width: 120 },
  ],
  title: (row) => String(row.title ?? ''),
  formSlotAfter: 'occurredOn',
  extraValues: (editing: ResourceRecord | null) => ({
    parties: editing
      ? ((editing.parties as DisputeParty[] | undefined) ?? []).map((p) => ({ ...p }))
      : [
          { name: '', role: 'APPLICANT', personId: null },
          { name: '', role: 'RESPONDENT', personId: null },
        ],
  }),
  toCommand: (command, values) => ({
    ...command,
    parties: cleanParties(values.parties as DisputeParty[]),
  }),
};
