declare module 'shpjs' {
  export function parseShp(shp: DataView, prj?: string): GeoJSON.Geometry[];
  export function parseDbf(dbf: DataView, cpg?: string): Record<string, unknown>[];
  export function combine(
    parts: [GeoJSON.Geometry[], Record<string, unknown>[] | undefined],
  ): GeoJSON.FeatureCollection;
}
