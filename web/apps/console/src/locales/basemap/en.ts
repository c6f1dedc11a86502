/** Basemap (the `basemap` section of the console's English messages): the map's layer switch. */
const basemap = {
  vector: 'Map',
  imagery: 'Satellite',
};

export default basemap;
