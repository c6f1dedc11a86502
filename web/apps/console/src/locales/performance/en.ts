import type zhCN from './zh-CN';

/** Points and rankings (English). */
const performance: typeof zhCN = {
  menu: {
    rankings: 'Rankings',
  },
  ranking: {
    workers: 'Workers',
    grids: 'Grids',
    period: 'Period',
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
    area: 'Area',
    rank: 'Rank',
    name: 'Name',
    grid: 'Grid',
    points: 'Points',
    workerPoints: 'Worker points',
    onTimeRate: 'On-time rate',
    satisfaction: 'Satisfaction',
    change: 'Change',
    up: 'Up {n}',
    down: 'Down {n}',
    same: 'Unchanged',
    new: 'New',
    ledger: 'Points ledger',
    ledgerOf: 'Points of {name} ({period})',
    ledgerTotal: '{points} points this period',
    occurredAt: 'Time',
    rule: 'Rule',
    reason: 'Reason',
    source: 'Source',
    empty: 'No ranking for this period',
    ledgerEmpty: 'No points in this period',
    loadFailed: 'Could not load the ranking',
    unavailable: 'Rankings not available: {reason}',
    rangeOf: '{from} to {to}',
  },
  sourceTypes: {
    EVENT: 'Event',
    PATROL: 'Patrol',
    RECORD: 'Collected record',
    MANUAL: 'Manual',
  },
};

export default performance;
