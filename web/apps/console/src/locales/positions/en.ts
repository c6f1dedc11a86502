import type zhCN from './zh-CN';

/** Live worker positions (English). */
const positions: typeof zhCN = {
  title: 'Workers on duty',
  count: '{n} on duty',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  show: 'Show map',
  hide: 'Hide map',
  onPatrol: 'On patrol',
  onDuty: 'On duty',
  none: 'No worker on duty has a position',
  loadFailed: 'Could not load the workers’ positions',
  freshness: 'Positions of the last {minutes} minutes; every view is audited',
  ago: '{n} s ago',
  minutesAgo: '{n} min ago',
  grid: 'Grid',
  outsideGrids: 'Outside the grids',
  nearest: 'Nearest available',
  nearestHint: 'On-duty people of the target unit, nearest to the event first; click to assign',
  nearestNone: 'Nobody of the target unit is on duty with a position',
  nearestNoPoint: 'The event has no location, so no distance',
  distance: '{m} m',
  distanceKm: '{km} km',
};

export default positions;
