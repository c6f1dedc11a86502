/** 视频监控 (the `video` section of the console's zh-CN messages). */
const video = {
  menu: {
    monitor: '视频监控',
  },
  statuses: {
    ONLINE: '在线',
    OFFLINE: '离线',
    FAULT: '故障',
    DISABLED: '停用',
  },
  streamKinds: {
    HLS: 'HLS',
    FLV: 'HTTP-FLV',
  },
  camera: {
    name: '点位名称',
    deviceId: '国标编码',
    deviceIdHint:
      'GB/T 28181 20位编码：中心编码8位 + 行业2位 + 类型3位（131/132 摄像机）+ 网络1位 + 序号6位',
    status: '状态',
    grid: '所属网格',
    address: '安装地址',
    streamUrl: '视频流地址',
    streamUrlHint: '城市视频平台的 HLS（.m3u8）或 HTTP-FLV（.flv）地址',
    streamKind: '流格式',
    ownerUnit: '权属单位',
    lon: '经度',
    lat: '纬度',
    location: '位置',
    pickOnMap: '在地图上点击选择位置',
    create: '新增点位',
    edit: '编辑点位',
    search: '名称、国标编码或地址',
    allStatuses: '全部状态',
    cameras: '监控点位',
    count: '共 {n} 个点位',
    watch: '查看',
    loadFailed: '监控点位加载失败',
  },
  player: {
    title: '实时画面',
    choose: '请在列表或地图上选择一个监控点位',
    connecting: '正在连接视频流…',
    playing: '播放中',
    offline: '该点位当前{status}，可能无法播放',
    failed: '视频流无法播放：{reason}',
    unsupported: '当前浏览器不支持该视频流格式',
    retry: '重新连接',
    networkError: '网络错误',
    mediaError: '解码错误',
    resolution: '分辨率',
  },
  map: {
    title: '点位分布',
    layerFailed: '点位图层加载失败',
  },
  files: {
    notCompliantShort: '非1080p25',
    probe: '{width}×{height} · {fps} 帧/秒 · {duration}',
    compliant: '符合 1080p/25帧',
    notCompliant: '不符合 1080p/25帧（标准 7.3.2d）',
  },
};

export default video;
