// Shapes every part of the API shares: pages of results and the public configuration.

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface PageQuery {
  page?: number;
  size?: number;
}

export interface PublicConfig {
  mapTileUrl: string | null;
  mapAttribution: string | null;
  appName: string;
}
