import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 水电煤气 (the server's `special` module, docs/api/special-utility.md): utility meters placed on
// houses, their readings ingested in batches, and each meter's daily usage.

const V1 = '/api/v1';

export const SPECIAL_UTILITY_PERMISSIONS = {
  READ: 'special:utility:read',
  WRITE: 'special:utility:write',
} as const;

export const METER_KINDS = ['WATER', 'ELECTRICITY', 'GAS'] as const;
export type MeterKind = (typeof METER_KINDS)[number];

export type MeterStatus = 'ACTIVE' | 'REMOVED';

/** The exchange import kind for readings (columns 表号, 表计类型, 读数时间, 读数, 是否累计). */
export const UTILITY_READINGS_IMPORT = 'utility-readings';

export interface Meter {
  id: number;
  kind: MeterKind;
  kindLabel: string;
  /** m³ or kWh */
  unit: string;
  meterNumber: string;
  houseId: number;
  address: string;
  gridId: number;
  gridName: string;
  lon: number | null;
  lat: number | null;
  status: MeterStatus;
  note: string | null;
  lastReadingAt: string | null;
  lastValue: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A registration or an edit; a PUT replaces every field (`version` guards against lost edits). */
export interface MeterCommand {
  kind: MeterKind;
  meterNumber: string;
  houseId: number | null;
  status?: MeterStatus;
  note?: string | null;
  version?: number;
}

export interface MeterQuery extends PageQuery {
  kind?: MeterKind | null;
  regionId?: number | null;
  gridId?: number | null;
  keyword?: string | null;
}

export interface UsageDay {
  date: string;
  /** null: no readings that day */
  usage: number | null;
  readings: number;
}

export interface DailySeries {
  meterId: number;
  kind: MeterKind;
  unit: string;
  from: string;
  to: string;
  total: number;
  days: UsageDay[];
}

export interface UtilityReading {
  meterNumber: string;
  kind: MeterKind;
  /** ISO-8601 with offset */
  time: string;
  value: number;
  /** true: the meter's count; false: usage since the previous reading */
  cumulative: boolean;
}

export interface IngestReport {
  accepted: number;
  duplicates: number;
  rejected: { index: number; errors: { field: string; message: string }[] }[];
}

export const specialUtilityApi = {
  meters: (query: MeterQuery = {}) =>
    http
      .get<Page<Meter>>(`${V1}/special/meters`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  meter: (id: number) => http.get<Meter>(`${V1}/special/meters/${id}`).then((r) => r.data),
  create: (body: MeterCommand) =>
    http.post<Meter>(`${V1}/special/meters`, body).then((r) => r.data),
  update: (id: number, body: MeterCommand) =>
    http.put<Meter>(`${V1}/special/meters/${id}`, body).then((r) => r.data),
  /** Local days `from`–`to` inclusive (yyyy-MM-dd; default the last 30 days). */
  daily: (id: number, from?: string | null, to?: string | null) =>
    http
      .get<DailySeries>(`${V1}/special/meters/${id}/readings`, {
        params: queryParams({ from, to }),
      })
      .then((r) => r.data),
  ingest: (readings: UtilityReading[]) =>
    http.post<IngestReport>(`${V1}/special/utility-readings`, { readings }).then((r) => r.data),
};
