/** 智能分拨 (the `suggest` section of the console's Chinese messages). */
const suggest = {
  title: '智能分拨',
  categories: '建议分类',
  units: '建议处置单位',
  thinking: '正在分析描述…',
  none: '暂无建议，请手动选择分类',
  hint: '根据描述和已结案事件推荐，点击采用',
  applied: '已采用建议分类',
  score: '置信度 {score}%',
};

export default suggest;
