/** 底图 (the `basemap` section of the console's zh-CN messages): the map's layer switch. */
const basemap = {
  vector: '矢量',
  imagery: '影像',
};

export default basemap;
