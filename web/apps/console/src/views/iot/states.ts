import type { DeviceState } from '@/api';

/** One colour per device state, on the map, the legend and the tags alike. */
export const STATE_COLOURS: Record<DeviceState, string> = {
  ONLINE: '#1f9d55',
  OFFLINE: '#8a94a6',
  ALARM: '#d64545',
  DISABLED: '#c98a15',
};

export const STATE_TAGS: Record<DeviceState, 'success' | 'info' | 'danger' | 'warning'> = {
  ONLINE: 'success',
  OFFLINE: 'info',
  ALARM: 'danger',
  DISABLED: 'warning',
};
