// 基础数据: houses (with their occupants), places, organisations and things (部件).
import type { BaseQuery, BaseRecord, PlacedCommand } from './basedata';

/** Someone living in or renting a house. */
export interface Occupant {
  personId: number;
  name: string;
  /** masked */
  idNumber: string | null;
  since: string | null;
  until: string | null;
}

export interface House extends BaseRecord {
  address: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  use: string;
  area: number | null;
  ownerName: string | null;
  rented: boolean;
  validFrom?: string | null;
  validTo?: string | null;
  /** detail only */
  residents?: Occupant[];
  tenants?: Occupant[];
}

export interface HouseCommand extends PlacedCommand {
  address: string;
  building?: string | null;
  unit?: string | null;
  room?: string | null;
  use: string;
  area?: number | null;
  ownerName?: string | null;
  rented?: boolean | null;
}

export interface HouseQuery extends BaseQuery {
  use?: string;
  rented?: boolean | null;
}

export interface TenantCommand {
  personId: number;
  since?: string | null;
  until?: string | null;
}

export const HAZARD_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
/** Status of houses, places and organisations. */
export const RECORD_STATUSES = ['ACTIVE', 'INACTIVE'] as const;

export interface Place extends BaseRecord {
  name: string;
  type: string;
  address: string;
  houseId: number | null;
  contactName: string | null;
  hazardLevel: (typeof HAZARD_LEVELS)[number] | null;
}

export type PlaceCommand = Omit<Place, keyof BaseRecord> & PlacedCommand;

export interface PlaceQuery extends BaseQuery {
  type?: string;
}

export interface Organization extends BaseRecord {
  name: string;
  kind: string;
  /** unified social credit code (GB 32100) */
  creditCode: string;
  legalRepresentative: string | null;
  staffCount: number | null;
  hazardType: string | null;
  partyMemberCount: number | null;
  hasPartyOrg: boolean | null;
  address: string;
}

export type OrganizationCommand = Omit<Organization, keyof BaseRecord> & PlacedCommand;

export interface OrganizationQuery extends BaseQuery {
  kind?: string;
  hazardType?: string;
}

export interface Thing extends BaseRecord {
  code: string;
  type: string;
  name: string;
  address: string | null;
  ownerUnit: string | null;
}

/** A thing is always located: `lon` and `lat` required. */
export type ThingCommand = Omit<Thing, keyof BaseRecord> &
  PlacedCommand & { lon: number; lat: number };

export interface ThingQuery extends BaseQuery {
  type?: string;
  status?: string;
}
