import { download } from './exchange';
import { asPage, http, queryParams } from './http';
import type { BoundaryGeometry, Page, PageQuery } from './types';

// 基层党建 (the server's `party` module, docs/api/party.md): party organisations placed into
// grids (入网落格), their members, their activities reported from the field, and the statistics.

const V1 = '/api/v1';
const BASE = `${V1}/party`;

export const PARTY_PERMISSIONS = {
  ORGANIZATION_READ: 'party:organization:read',
  ORGANIZATION_MANAGE: 'party:organization:manage',
  MEMBER_READ: 'party:member:read',
  MEMBER_MANAGE: 'party:member:manage',
  ACTIVITY_READ: 'party:activity:read',
  ACTIVITY_REPORT: 'party:activity:report',
  STATS_READ: 'party:stats:read',
  SYNC: 'party:sync',
} as const;

/** 党委 → 党总支 → 党支部 → 党小组: a child's type is strictly below its parent's. */
export const PARTY_ORGANIZATION_TYPES = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP'] as const;
export type PartyOrganizationType = (typeof PARTY_ORGANIZATION_TYPES)[number];

/** 正式党员, 预备党员, 发展对象, 入党积极分子 */
export const PARTY_MEMBER_STATUSES = ['FULL', 'PROBATIONARY', 'CANDIDATE', 'ACTIVIST'] as const;
export type PartyMemberStatus = (typeof PARTY_MEMBER_STATUSES)[number];

/** 三会一课, 主题党日, 志愿服务, 组织生活会, 走访群众 */
export const PARTY_ACTIVITY_TYPES = [
  'THREE_MEETINGS_ONE_LESSON',
  'THEME_DAY',
  'VOLUNTEER',
  'LIFE_MEETING',
  'HOUSEHOLD_VISIT',
] as const;
export type PartyActivityType = (typeof PARTY_ACTIVITY_TYPES)[number];

export interface GridRef {
  id: number;
  code: string;
  name: string;
}

export interface PartyOrganization {
  id: number;
  code: string;
  name: string;
  type: PartyOrganizationType;
  parentId: number | null;
  parentName: string | null;
  regionId: number;
  regionName: string | null;
  gridIds: number[];
  grids: GridRef[];
  secretaryName: string | null;
  foundedOn: string | null;
  memberCount: number;
  externalId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One node of `GET /party/organizations/tree` (the caller's scope). */
export interface PartyOrganizationNode {
  id: number;
  code: string;
  name: string;
  type: PartyOrganizationType;
  regionId: number;
  memberCount: number;
  children: PartyOrganizationNode[];
}

/** A new organisation or an edit (a PUT replaces every field; `version` guards lost edits). */
export interface PartyOrganizationCommand {
  name: string;
  type: PartyOrganizationType | '';
  parentId: number | null;
  regionId: number | null;
  gridIds: number[];
  secretaryName: string | null;
  foundedOn: string | null;
  code?: string | null;
  version?: number;
}

export interface PartyOrganizationQuery extends PageQuery {
  regionId?: number | null;
  type?: PartyOrganizationType | null;
  parentId?: number | null;
  keyword?: string | null;
}

export interface PartyMember {
  id: number;
  name: string;
  /** GB/T 2261.1: 1 male, 2 female */
  gender: string | null;
  /** masked (320505********1234) */
  idNumber: string | null;
  /** masked */
  phone: string | null;
  organizationId: number;
  organizationName: string | null;
  status: PartyMemberStatus;
  joinedOn: string | null;
  gridId: number | null;
  gridName: string | null;
  /** 双报到: also reports to the community where they live */
  dualReport: boolean;
  /** the base-data person with the same ID number, if any */
  personId: number | null;
  externalId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PartyMemberCommand {
  name: string;
  gender: string | null;
  idNumber: string;
  phone: string | null;
  organizationId: number | null;
  status: PartyMemberStatus | '';
  joinedOn: string | null;
  gridId: number | null;
  dualReport: boolean;
  version?: number;
}

export interface PartyMemberQuery extends PageQuery {
  organizationId?: number | null;
  gridId?: number | null;
  regionId?: number | null;
  status?: PartyMemberStatus | null;
  keyword?: string | null;
  /** true: placed into a grid (入网落格); false: not yet */
  placed?: boolean | null;
}

export interface PartyActivityFile {
  id: number;
  contentType: string;
  fileName: string | null;
  sizeBytes: number;
}

export interface PartyActivity {
  id: number;
  organizationId: number;
  organizationName: string | null;
  type: PartyActivityType;
  title: string;
  heldAt: string;
  place: string | null;
  lon: number | null;
  lat: number | null;
  gridId: number | null;
  gridName: string | null;
  participantIds: number[];
  participants: { id: number; name: string }[];
  participantCount: number;
  content: string | null;
  fileIds: number[];
  files: PartyActivityFile[];
  reportedBy: number | null;
  reportedByName: string | null;
  createdAt: string;
}

export interface PartyActivityReport {
  organizationId: number | null;
  type: PartyActivityType | '';
  title: string;
  heldAt: string;
  place?: string | null;
  lon: number | null;
  lat: number | null;
  participantIds: number[];
  content: string | null;
  fileIds?: number[];
}

export interface PartyActivityQuery extends PageQuery {
  organizationId?: number | null;
  regionId?: number | null;
  gridId?: number | null;
  type?: PartyActivityType | null;
  /** yyyy-MM-dd */
  from?: string | null;
  to?: string | null;
}

export interface PartyStatsQuery {
  regionId?: number | null;
  from?: string | null;
  to?: string | null;
}

export interface PartyParticipation {
  organizationId: number;
  name: string;
  members: number;
  activities: number;
  participants: number;
  /** participants / (members × activities), 0..1 */
  rate: number;
}

export interface PartyStats {
  organizations: number;
  members: number;
  activities: number;
  organizationsByType: { type: PartyOrganizationType; count: number }[];
  membersByStatus: { status: PartyMemberStatus; count: number }[];
  byType: { type: PartyActivityType; count: number }[];
  /** `month` as 2026-11 */
  byMonth: { month: string; count: number }[];
  gridsWithoutOrganization: number;
  uncoveredGrids: GridRef[];
  placedMembers: number;
  unplacedMembers: number;
  dualReportMembers: number;
  participation: PartyParticipation[];
  byRegion: {
    regionId: number;
    name: string;
    organizations: number;
    members: number;
    activities: number;
  }[];
}

/** The grids of an area as polygons, `covered` when a party organisation is placed in them. */
export interface PartyCoverage {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: BoundaryGeometry | null;
    properties: {
      id: number;
      code?: string;
      name: string;
      covered: boolean;
      organizationNames: string[];
    };
  }[];
}

export interface PartySyncResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: { externalId: string; errors: { field: string; message: string }[] }[];
}

const geoJson = { Accept: 'application/geo+json, application/json, application/problem+json' };

export const partyApi = {
  organizations: (query: PartyOrganizationQuery = {}) =>
    http
      .get(`${BASE}/organizations`, { params: queryParams({ ...query }) })
      .then((r) => asPage<PartyOrganization>(r.data) as Page<PartyOrganization>),
  tree: (regionId?: number | null) =>
    http
      .get<PartyOrganizationNode[]>(`${BASE}/organizations/tree`, {
        params: queryParams({ regionId }),
      })
      .then((r) => r.data),
  organization: (id: number) =>
    http.get<PartyOrganization>(`${BASE}/organizations/${id}`).then((r) => r.data),
  createOrganization: (body: PartyOrganizationCommand) =>
    http.post<PartyOrganization>(`${BASE}/organizations`, body).then((r) => r.data),
  updateOrganization: (id: number, body: PartyOrganizationCommand) =>
    http.put<PartyOrganization>(`${BASE}/organizations/${id}`, body).then((r) => r.data),

  members: (query: PartyMemberQuery = {}) =>
    http
      .get(`${BASE}/members`, { params: memberParams(query) })
      .then((r) => asPage<PartyMember>(r.data) as Page<PartyMember>),
  member: (id: number) => http.get<PartyMember>(`${BASE}/members/${id}`).then((r) => r.data),
  createMember: (body: PartyMemberCommand) =>
    http.post<PartyMember>(`${BASE}/members`, body).then((r) => r.data),
  updateMember: (id: number, body: PartyMemberCommand) =>
    http.put<PartyMember>(`${BASE}/members/${id}`, body).then((r) => r.data),
  /** The ID number and phone in clear (`person:unmask`, audited). */
  unmaskMember: (id: number) =>
    http
      .post<{ idNumber: string | null; phone: string | null }>(`${BASE}/members/${id}/unmask`)
      .then((r) => r.data),
  /** The list as xlsx, with the list's filters. */
  exportMembers: (query: PartyMemberQuery = {}) =>
    download(`${V1}/exports/party-members.xlsx`, 'party-members.xlsx', memberParams(query)),

  activities: (query: PartyActivityQuery = {}) =>
    http
      .get(`${BASE}/activities`, { params: queryParams({ ...query }) })
      .then((r) => asPage<PartyActivity>(r.data) as Page<PartyActivity>),
  activity: (id: number) => http.get<PartyActivity>(`${BASE}/activities/${id}`).then((r) => r.data),
  /** The same key from the same user answers the first result (the phone's outbox resends). */
  reportActivity: (body: PartyActivityReport, idempotencyKey?: string) =>
    http
      .post<PartyActivity>(`${BASE}/activities`, body, {
        headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
      })
      .then((r) => r.data),

  stats: (query: PartyStatsQuery = {}) =>
    http
      .get<PartyStats>(`${BASE}/stats`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  statsWorkbook: (query: PartyStatsQuery = {}) =>
    download(`${BASE}/stats.xlsx`, 'party-stats.xlsx', { ...query }),
  coverage: (regionId?: number | null, signal?: AbortSignal) =>
    http
      .get<PartyCoverage>(`${BASE}/coverage.geojson`, {
        params: queryParams({ regionId }),
        signal,
        headers: geoJson,
      })
      .then((r) => r.data),
};

/** `placed=false` must reach the server (queryParams drops a plain `false`). */
function memberParams(query: PartyMemberQuery) {
  const { placed, ...rest } = query;
  return {
    ...queryParams({ ...rest }),
    ...(placed === true || placed === false ? { placed: String(placed) } : {}),
  };
}
