import type zhCN from './zh-CN';

/** Dictionaries (English). */
const dictionary: typeof zhCN = {
  menu: 'Dictionaries',
  types: 'Code tables',
  items: 'Codes',
  history: 'History',
  createType: 'New code table',
  createItem: 'New code',
  editItem: 'Edit code',
  code: 'Code',
  name: 'Name',
  nameEn: 'English name',
  sort: 'Order',
  parent: 'Parent code',
  enabled: 'Status',
  system: 'System',
  custom: 'Custom',
  closed: 'Fixed codes',
  closedHint:
    'The program acts on each code of this table: names and order may change, codes cannot be added or disabled.',
  systemHint: 'System codes cannot be deleted, only disabled; a code never changes once saved.',
  version: 'Version {version}',
  disable: 'Disable',
  enable: 'Enable',
  noType: 'Choose a code table on the left',
  removeConfirm: 'Delete the code "{name}" ({code})? Records using it will show the bare code.',
  disableConfirm:
    'Once disabled, "{name}" can no longer be chosen for new data; existing records keep it. Disable it?',
  keyword: 'Search tables',
  changedAt: 'Time',
  changedBy: 'By',
  action: 'Action',
  change: 'Change',
  actions: {
    CREATE: 'Created',
    UPDATE: 'Updated',
    ENABLE: 'Enabled',
    DISABLE: 'Disabled',
    DELETE: 'Deleted',
    TYPE_CREATE: 'Table created',
  },
};

export default dictionary;
