import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 物联感知 (the server's `iot` module, docs/api/iot.md): the device registry, each device's message
// log (telemetry and alarms over HTTP and MQTT) and the alarms, each the source of one IOT event.

const V1 = '/api/v1';

export const IOT_PERMISSIONS = {
  DEVICE_READ: 'iot:device:read',
  DEVICE_WRITE: 'iot:device:write',
} as const;

export const DEVICE_KINDS = [
  'SMOKE_DETECTOR',
  'GAS_DETECTOR',
  'WATER_LEVEL',
  'MANHOLE_COVER',
  'HYDRANT_PRESSURE',
  'CAMERA',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_STATES = ['ONLINE', 'OFFLINE', 'ALARM', 'DISABLED'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export type DeviceMessageType = 'TELEMETRY' | 'ALARM' | 'ALARM_CLEARED';

export interface IotDevice {
  id: number;
  /** unique; also the `{deviceCode}` of the MQTT topics */
  code: string;
  kind: DeviceKind;
  kindName: string;
  name: string;
  gridId: number;
  gridName: string;
  lon: number;
  lat: number;
  address: string | null;
  ownerDepartmentId: number | null;
  ownerDepartmentName: string | null;
  state: DeviceState;
  /** percent, as the device last reported */
  battery: number | null;
  lastSeenAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A registration or an edit; a PUT replaces every field. `state` DISABLED takes it out of service. */
export interface IotDeviceCommand {
  code: string;
  kind: DeviceKind;
  name: string;
  lon: number | null;
  lat: number | null;
  gridId?: number | null;
  address?: string | null;
  ownerDepartmentId?: number | null;
  state?: DeviceState | null;
  version?: number;
}

export interface IotDeviceQuery extends PageQuery {
  regionId?: number | null;
  kind?: DeviceKind | null;
  state?: DeviceState | null;
  keyword?: string | null;
}

export interface DeviceMessage {
  /** the device's time */
  at: string;
  type: DeviceMessageType;
  alarmKind: string | null;
  channel: 'HTTP' | 'MQTT';
  receivedAt: string;
  /** the JSON object the device sent */
  payload: string;
}

export interface DeviceAlarm {
  deviceId: number;
  deviceCode: string;
  deviceName: string;
  kind: DeviceKind;
  kindName: string;
  gridId: number;
  gridName: string;
  lon: number;
  lat: number;
  alarmKind: string;
  episode: number;
  eventId: number;
  eventCode: string | null;
  eventStatus: string | null;
  raisedAt: string;
  /** alarms repeated while the event was open (each a note on the event) */
  repeats: number;
  clearedAt: string | null;
}

export const iotApi = {
  devices: (query: IotDeviceQuery = {}) =>
    http
      .get<Page<IotDevice>>(`${V1}/iot/devices`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  device: (id: number) => http.get<IotDevice>(`${V1}/iot/devices/${id}`).then((r) => r.data),
  create: (body: IotDeviceCommand) =>
    http.post<IotDevice>(`${V1}/iot/devices`, body).then((r) => r.data),
  update: (id: number, body: IotDeviceCommand) =>
    http.put<IotDevice>(`${V1}/iot/devices/${id}`, body).then((r) => r.data),
  messages: (id: number, query: PageQuery & { type?: DeviceMessageType | null } = {}) =>
    http
      .get<Page<DeviceMessage>>(`${V1}/iot/devices/${id}/messages`, {
        params: queryParams({ ...query }),
      })
      .then((r) => r.data),
  alarms: (query: PageQuery & { regionId?: number | null; open?: boolean | null } = {}) =>
    http
      .get<Page<DeviceAlarm>>(`${V1}/iot/alarms`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
};
