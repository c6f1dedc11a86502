import type zhCN from './zh-CN';

/** Boundary import (English). */
const boundaries: typeof zhCN = {
  open: 'Import boundaries',
  title: 'Bulk boundary import',
  under: 'Import under',
  underHint:
    'Regions in the file must lie under this region (a parent code may name it, a region below it, or another feature of the file)',
  file: 'File',
  chooseFile: 'Choose file',
  fileHint:
    'A GeoJSON FeatureCollection (.geojson / .json) or a zipped Shapefile (.zip with .shp/.dbf/.prj, converted in the browser)',
  noFile: 'Choose a file first',
  codeField: 'Code property',
  nameField: 'Name property',
  parentCodeField: 'Parent code property',
  crs: 'Coordinate system',
  crsOptions: {
    WGS84: 'WGS-84 (as is)',
    CGCS2000: 'CGCS2000 (as is)',
    GCJ02: 'GCJ-02 (converted to WGS-84)',
  },
  check: 'Check (dry run)',
  commit: 'Import',
  commitHint:
    'Import after a clean check; the import is all or nothing: one bad feature and nothing is written',
  running: 'Checking {processed} / {total}',
  total: 'Features',
  valid: 'Valid',
  errorCount: 'Errors',
  committed: 'Written',
  dryRunDone: 'Check finished: {valid} of {total} features valid',
  allValid: 'Every feature passed: ready to import',
  committedDone: '{n} regions imported',
  failed: 'Import failed: {message}',
  index: 'Index',
  code: 'Code',
  message: 'Problem',
  moreErrors: 'Showing the first {shown} of {total} errors',
  shapefileRead:
    'Shapefile layer {layer} read in the browser: {n} features, coordinate system {crs} (used as is)',
  noPrj: 'no .prj: the chosen coordinate system',
  shapefileErrors: {
    noLayer: 'The zip holds no .shp file',
    manyLayers: 'The zip holds several layers ({detail}); import one at a time',
    projection:
      'Unsupported coordinate system {detail}: only WGS-84 or CGCS2000 longitude/latitude is accepted; reproject first (e.g. ogr2ogr -t_srs EPSG:4490)',
    unreadable: 'This Shapefile cannot be read: {detail}',
  },
  startFailed: 'Could not start the import',
};

export default boundaries;
