import type zhCN from './zh-CN';

/** Video monitoring (English). */
const video: typeof zhCN = {
  menu: {
    monitor: 'Video monitoring',
  },
  statuses: {
    ONLINE: 'Online',
    OFFLINE: 'Offline',
    FAULT: 'Fault',
    DISABLED: 'Disabled',
  },
  streamKinds: {
    HLS: 'HLS',
    FLV: 'HTTP-FLV',
  },
  camera: {
    name: 'Name',
    deviceId: 'Device ID',
    deviceIdHint:
      'GB/T 28181, 20 digits: centre code 8 + industry 2 + type 3 (131/132 camera) + network 1 + serial 6',
    status: 'Status',
    grid: 'Grid',
    address: 'Address',
    streamUrl: 'Stream URL',
    streamUrlHint: 'HLS (.m3u8) or HTTP-FLV (.flv) URL on the city video platform',
    streamKind: 'Stream',
    ownerUnit: 'Owner',
    lon: 'Longitude',
    lat: 'Latitude',
    location: 'Location',
    pickOnMap: 'Click the map to pick the location',
    create: 'New camera',
    edit: 'Edit camera',
    search: 'Name, device ID or address',
    allStatuses: 'All statuses',
    cameras: 'Cameras',
    count: '{n} cameras',
    watch: 'Watch',
    loadFailed: 'Cameras could not be loaded',
  },
  player: {
    title: 'Live view',
    choose: 'Choose a camera in the list or on the map',
    connecting: 'Connecting to the stream…',
    playing: 'Playing',
    offline: 'This camera is {status} and may not play',
    failed: 'The stream cannot be played: {reason}',
    unsupported: 'This browser cannot play this kind of stream',
    retry: 'Reconnect',
    networkError: 'network error',
    mediaError: 'decoding error',
    resolution: 'Resolution',
  },
  map: {
    title: 'Camera map',
    layerFailed: 'The camera layer could not be loaded',
  },
  files: {
    notCompliantShort: 'not 1080p25',
    probe: '{width}×{height} · {fps} fps · {duration}',
    compliant: '1080p at 25 fps',
    notCompliant: 'Not 1080p at 25 fps (standard 7.3.2d)',
  },
};

export default video;
