// Regions and grid boundaries.

export type RegionLevel = 'CITY' | 'DISTRICT' | 'TOWN' | 'COMMUNITY' | 'GRID';

export const REGION_LEVELS: readonly RegionLevel[] = [
  'CITY',
  'DISTRICT',
  'TOWN',
  'COMMUNITY',
  'GRID',
];

export type Position = number[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface RegionNode {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  children: RegionNode[];
}

export interface Region {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  boundary: BoundaryGeometry | null;
  center: { lon: number; lat: number } | null;
}

export interface GridProperties {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  parentName: string | null;
}

export interface GridFeature {
  type: 'Feature';
  id?: string | number;
  geometry: BoundaryGeometry | null;
  properties: GridProperties;
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export interface RegionCreateRequest {
  parentId: number | null;
  level: RegionLevel;
  code: string;
  name: string;
  boundary: BoundaryGeometry | null;
}

export interface RegionUpdateRequest {
  name: string;
  boundary: BoundaryGeometry | null;
}
