import { asPage, http, queryParams } from './http';
import type { Page, PageQuery } from './types';
import type {
  DailyNote,
  DailyNoteCommand,
  DailyNoteQuery,
  Dispute,
  DisputeAction,
  DisputeCommand,
  DisputeQuery,
} from './basedata-cases';
import type {
  House,
  HouseCommand,
  HouseQuery,
  Organization,
  OrganizationCommand,
  OrganizationQuery,
  Place,
  PlaceCommand,
  PlaceQuery,
  TenantCommand,
  Thing,
  ThingCommand,
  ThingQuery,
} from './basedata-records';

// 基础数据 (the server's `basedata` module, issue 4): people, houses, places, organisations,
// things (部件), disputes (矛盾纠纷) and daily notes (民情日志), with the code tables. Identifiers
// (ID numbers, phones) only ever arrive masked; an exact lookup or an unmask is a POST.

export * from './basedata-records';
export * from './basedata-cases';

const V1 = '/api/v1';

/** The permission codes of the basedata and search modules (migration V18). */
export const BASEDATA_PERMISSIONS = {
  PERSON_READ: 'basedata:person:read',
  PERSON_WRITE: 'basedata:person:write',
  /** houses, places, organisations, things */
  OBJECT_READ: 'basedata:object:read',
  OBJECT_WRITE: 'basedata:object:write',
  /** disputes, daily notes */
  SITUATION_READ: 'basedata:situation:read',
  SITUATION_WRITE: 'basedata:situation:write',
  IMPORT: 'basedata:import',
  EXPORT: 'basedata:export',
  UNMASK: 'person:unmask',
  SEARCH: 'search:query',
} as const;

/** The kinds the map and the search know, as the server names them in paths and types. */
export const RECORD_KINDS = [
  'people',
  'houses',
  'organizations',
  'places',
  'things',
  'events',
] as const;

export const DICT_TYPES = [
  'SEX',
  'ETHNICITY',
  'HOUSEHOLD_TYPE',
  'POLITICAL_STATUS',
  'EDUCATION',
  'RELATIONSHIP',
  'MARITAL_STATUS',
  'RELIGION',
  'OCCUPATION',
  'HOUSEHOLD_CONSISTENCY',
  'KEY_GROUP',
  'PERSON_STATUS',
  'HOUSE_USE',
  'PLACE_TYPE',
  'ORG_KIND',
  'HAZARD_TYPE',
  'THING_TYPE',
  'THING_STATUS',
  'DISPUTE_TYPE',
  'DISPUTE_SCALE',
  'DISPUTE_STATUS',
] as const;
export type DictType = (typeof DICT_TYPES)[number];

/** One code of a code table, named in both languages. */
export interface DictEntry {
  code: string;
  name: string;
  nameEn: string | null;
}

/** What every basedata record carries. */
export interface BaseRecord {
  id: number;
  gridId: number;
  gridName: string;
  status: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  lon?: number | null;
  lat?: number | null;
}

/** A list query of a basedata kind (`q` searches names and addresses). */
export interface BaseQuery extends PageQuery {
  q?: string;
  gridId?: number | null;
}

/**
 * What every write may carry besides its own fields: the placement (`gridId`, else the house's
 * grid, else the grid at `lon`/`lat`), status, validity, and `version` on update (a stale one is 409).
 */
export interface PlacedCommand {
  gridId?: number | null;
  lon?: number | null;
  lat?: number | null;
  status?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  version?: number;
}

// ---- people ----

export interface PersonTag {
  tag: string;
  /** the group's name (Chinese); absent on write */
  name?: string;
  since: string | null;
  details: Record<string, unknown>;
}

export interface Person extends BaseRecord, PersonDetails {
  name: string;
  sex: string | null;
  sexName: string | null;
  ethnicity: string | null;
  ethnicityName: string | null;
  birthDate: string | null;
  /** masked: 320***********1234 */
  idNumber: string;
  /** masked: 138****5678 */
  phone: string | null;
  householdType: string;
  householdTypeName: string | null;
  registeredAddress: string | null;
  currentAddress: string;
  houseId: number | null;
  houseAddress: string | null;
  workUnit: string | null;
  politicalStatus: string | null;
  education: string | null;
  validFrom: string | null;
  validTo: string | null;
  tags: PersonTag[];
}

/**
 * The further data items of GB/T 31000 and the Jiangsu resource catalogue, flat on the person:
 * places are 6-digit GB/T 2260 codes, the others codes of `MARITAL_STATUS` (GB/T 2261.2),
 * `RELIGION` (GA 214.12), `OCCUPATION` (GB/T 6565), `HOUSEHOLD_CONSISTENCY` and `RELATIONSHIP`
 * (GB/T 4761), or text. A `PUT` sets them all (one left out is cleared).
 */
export interface PersonDetails {
  formerName?: string | null;
  nativePlace?: string | null;
  maritalStatus?: string | null;
  religion?: string | null;
  occupationCategory?: string | null;
  occupation?: string | null;
  registeredPlace?: string | null;
  currentPlace?: string | null;
  householdConsistency?: string | null;
  householdNumber?: string | null;
  householdHeadRelation?: string | null;
}

/**
 * `POST /people` and `PUT /people/{id}`. On update an absent `idNumber` or `phone` keeps the stored
 * one (the client only ever has them masked); an absent `tags` keeps the tags.
 */
export interface PersonCommand extends PlacedCommand, PersonDetails {
  idNumber?: string;
  name: string;
  sex?: string | null;
  ethnicity?: string | null;
  birthDate?: string | null;
  phone?: string;
  householdType: string;
  registeredAddress?: string | null;
  currentAddress: string;
  houseId?: number | null;
  workUnit?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  tags?: PersonTag[];
}

export interface PersonQuery extends BaseQuery {
  householdType?: string;
  /** a key group */
  tag?: string;
  status?: string;
}

/** The clear identifiers of one person (`person:unmask`, audited). */
export interface PersonIdentifiers {
  idNumber: string;
  phone: string | null;
}

export type KeyGroupFieldType = 'DATE' | 'TEXT' | 'INT' | 'CHOICE';

/** One of a key group's own fields (GB/T 31000), e.g. 社区矫正's correction dates. */
export interface KeyGroupField {
  name: string;
  type: KeyGroupFieldType;
  required: boolean;
  choices: string[];
  min: number;
  max: number;
}

/** Key group code → its fields. */
export type KeyGroupFields = Record<string, KeyGroupField[]>;

// ---- the clients ----

/** List, read, create and update of one kind: the same four calls for every kind. */
export interface ResourceApi<T, C = unknown, Q extends object = BaseQuery> {
  list: (query?: Q) => Promise<Page<T>>;
  get: (id: number) => Promise<T>;
  create: (body: C) => Promise<T>;
  update: (id: number, body: C) => Promise<T>;
}

function resourceApi<T, C, Q extends object>(path: string): ResourceApi<T, C, Q> {
  return {
    list: (query?: Q) =>
      http.get(path, { params: queryParams({ ...query }) }).then((r) => asPage<T>(r.data)),
    get: (id) => http.get<T>(`${path}/${id}`).then((r) => r.data),
    create: (body) => http.post<T>(path, body).then((r) => r.data),
    update: (id, body) => http.put<T>(`${path}/${id}`, body).then((r) => r.data),
  };
}

const dictCache = new Map<string, Promise<DictEntry[]>>();

export const dictApi = {
  /** A code table's enabled codes; asked once until {@link dictApi.forget} (after an admin's change). */
  entries: (type: DictType): Promise<DictEntry[]> => {
    let pending = dictCache.get(type);
    if (!pending) {
      pending = http.get<DictEntry[]>(`${V1}/dicts/${type}`).then((r) => r.data);
      pending.catch(() => dictCache.delete(type));
      dictCache.set(type, pending);
    }
    return pending;
  },
  /** Drops a table (or every table) so that the next read asks the server again. */
  forget: (type?: string) => (type ? dictCache.delete(type) : dictCache.clear()),
};

export const peopleApi = {
  ...resourceApi<Person, PersonCommand, PersonQuery>(`${V1}/people`),
  /** The clear ID number and phone (audited on the server). */
  unmask: (id: number) =>
    http.post<PersonIdentifiers>(`${V1}/people/${id}/unmask`, {}).then((r) => r.data),
  /** Exact lookup by ID number or phone, in the body so that it never lands in a URL. */
  lookup: (identifier: string) =>
    http.post<Person[]>(`${V1}/people/lookup`, { identifier }).then((r) => r.data),
  keyGroups: () => http.get<KeyGroupFields>(`${V1}/people/key-groups`).then((r) => r.data),
};

export const houseApi = {
  ...resourceApi<House, HouseCommand, HouseQuery>(`${V1}/houses`),
  addTenant: (id: number, body: TenantCommand) =>
    http.post<House>(`${V1}/houses/${id}/tenants`, body).then((r) => r.data),
  removeTenant: (id: number, personId: number) =>
    http.delete<void>(`${V1}/houses/${id}/tenants/${personId}`).then(() => undefined),
};

export const placeApi = resourceApi<Place, PlaceCommand, PlaceQuery>(`${V1}/places`);

export const organizationApi = resourceApi<Organization, OrganizationCommand, OrganizationQuery>(
  `${V1}/organizations`,
);

export const thingApi = resourceApi<Thing, ThingCommand, ThingQuery>(`${V1}/things`);

export const disputeApi = {
  ...resourceApi<Dispute, DisputeCommand, DisputeQuery>(`${V1}/disputes`),
  /** Guarded: a move the status does not allow is 409 `illegal-transition`. */
  step: (id: number, action: DisputeAction, note: string) =>
    http.post<Dispute>(`${V1}/disputes/${id}/steps`, { action, note }).then((r) => r.data),
};

export const dailyNoteApi = {
  list: (query: DailyNoteQuery = {}) =>
    http
      .get(`${V1}/daily-notes`, { params: queryParams({ ...query }) })
      .then((r) => asPage<DailyNote>(r.data)),
  create: (body: DailyNoteCommand) =>
    http.post<DailyNote>(`${V1}/daily-notes`, body).then((r) => r.data),
};
