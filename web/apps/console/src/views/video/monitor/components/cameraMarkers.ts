import type { CameraStatus, MapFeature } from '@/api';
import L from 'leaflet';

/** A camera's dot on the map, coloured by its status, that knows the camera it stands for. */
export type CameraMarker = L.Marker & { cameraId?: number };

const STATUS_COLOURS: Record<CameraStatus, string> = {
  ONLINE: '#1f9d55',
  OFFLINE: '#8a94a6',
  FAULT: '#d64545',
  DISABLED: '#c98a15',
};

export function cameraMarker(feature: MapFeature, onClick: (id: number) => void): CameraMarker {
  const status = (feature.properties.status ?? 'OFFLINE') as CameraStatus;
  const [lon, lat] = feature.geometry.coordinates;
  const icon = L.divIcon({
    className: 'camera-marker',
    html: `<span style="background:${STATUS_COLOURS[status] ?? '#8a94a6'}"></span>`,
    iconSize: [22, 22],
    iconAnchor: [11, 11],
  });
  const m: CameraMarker = L.marker([lat, lon], {
    icon,
    title: String(feature.properties.name ?? ''),
  });
  m.cameraId = feature.properties.id;
  m.on('click', () => onClick(feature.properties.id));
  return m;
}

/** Marks the chosen camera's dot (and unmarks the others). */
export function highlightCamera(markers: L.LayerGroup, cameraId: number): void {
  markers.eachLayer((layer) => {
    const marker = layer as CameraMarker;
    marker.getElement()?.classList.toggle('selected', marker.cameraId === cameraId);
  });
}
