/** 导入边界 (the `boundaries` section of the console's zh-CN messages). */
const boundaries = {
  open: '导入边界',
  title: '批量导入边界',
  under: '导入到',
  underHint:
    '文件中的区划须位于此区划之下（上级编码可指向此区划或其下级，也可指向文件中的其他要素）',
  file: '文件',
  chooseFile: '选择文件',
  fileHint:
    'GeoJSON FeatureCollection（.geojson / .json）或压缩的 Shapefile（.zip，含 .shp/.dbf/.prj，在浏览器中转换）',
  noFile: '请先选择文件',
  codeField: '编码属性',
  nameField: '名称属性',
  parentCodeField: '上级编码属性',
  crs: '坐标系',
  crsOptions: {
    WGS84: 'WGS-84（原样）',
    CGCS2000: 'CGCS2000（原样）',
    GCJ02: 'GCJ-02（转换为 WGS-84）',
  },
  check: '检查（试运行）',
  commit: '确认导入',
  commitHint: '检查通过后方可导入；导入为整体提交，任一要素有误则全部不写入',
  running: '正在检查 {processed} / {total}',
  total: '要素总数',
  valid: '通过',
  errorCount: '错误',
  committed: '已写入',
  dryRunDone: '检查完成：{valid} / {total} 个要素通过',
  allValid: '全部要素通过检查，可以确认导入',
  committedDone: '已导入 {n} 个区划',
  failed: '导入失败：{message}',
  index: '序号',
  code: '编码',
  message: '问题',
  moreErrors: '仅显示前 {shown} 条，共 {total} 条错误',
  shapefileRead: '已在浏览器中读取 Shapefile 图层 {layer}：{n} 个要素，坐标系 {crs}（按原样使用）',
  noPrj: '未附 .prj，按所选坐标系',
  shapefileErrors: {
    noLayer: '压缩包中没有 .shp 文件',
    manyLayers: '压缩包中有多个图层（{detail}），请每次导入一个',
    projection:
      '不支持的坐标系 {detail}：仅接受 WGS-84 或 CGCS2000 经纬度，请先转换（例如 ogr2ogr -t_srs EPSG:4490）',
    unreadable: '无法读取该 Shapefile：{detail}',
  },
  startFailed: '提交导入失败',
};

export default boundaries;
