/** 在岗人员实时位置 (the `positions` section of the console's Chinese messages). */
const positions = {
  title: '在岗人员位置',
  count: '在岗 {n} 人',
  live: '实时',
  reconnecting: '正在重连…',
  show: '显示位置图',
  hide: '收起位置图',
  onPatrol: '巡查中',
  onDuty: '在岗',
  none: '暂无在岗人员位置',
  loadFailed: '在岗人员位置加载失败',
  freshness: '只显示 {minutes} 分钟内的位置，查看记入审计',
  ago: '{n} 秒前',
  minutesAgo: '{n} 分钟前',
  grid: '所在网格',
  outsideGrids: '不在网格内',
  nearest: '附近可派人员',
  nearestHint: '目标单位在岗人员，按与事件的距离排序，点击指派',
  nearestNone: '目标单位暂无在岗人员位置',
  nearestNoPoint: '事件没有位置，无法计算距离',
  distance: '{m} 米',
  distanceKm: '{km} 公里',
};

export default positions;
