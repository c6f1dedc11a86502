import { http } from './http';

// 字典管理 (the server's `dictionary` module, docs/api/dictionaries.md): the code tables of forms,
// filters and imports, editable by the system admin, versioned, system codes protected.

const V1 = '/api/v1';

export const DICTIONARY_PERMISSIONS = {
  TYPE_CREATE: 'dictionary:type:create',
  ITEM_CREATE: 'dictionary:item:create',
  ITEM_UPDATE: 'dictionary:item:update',
  ITEM_DELETE: 'dictionary:item:delete',
  HISTORY_READ: 'dictionary:history:read',
} as const;

/** A code table; `closed`: the program acts on each code, so none can be added or disabled. */
export interface DictionaryType {
  code: string;
  name: string;
  nameEn: string | null;
  system: boolean;
  closed: boolean;
  version: number;
  updatedAt: string;
}

export interface DictionaryItem {
  code: string;
  name: string;
  nameEn: string | null;
  sort: number;
  enabled: boolean;
  system: boolean;
  parentCode: string | null;
}

export interface DictionaryTable {
  type: DictionaryType;
  items: DictionaryItem[];
}

/** One change: `before`/`after` are the item as JSON text (null on create/delete). */
export interface DictionaryChange {
  id: number;
  itemCode: string | null;
  action: 'CREATE' | 'UPDATE' | 'ENABLE' | 'DISABLE' | 'DELETE' | 'TYPE_CREATE';
  version: number;
  before: string | null;
  after: string | null;
  changedBy: string;
  changedAt: string;
}

export interface DictionaryTypeCommand {
  code: string;
  name: string;
  nameEn?: string | null;
}

/** On update the code comes from the path; absent `sort`/`enabled` keep the stored value. */
export interface DictionaryItemCommand {
  code: string;
  name: string;
  nameEn?: string | null;
  sort?: number | null;
  enabled?: boolean;
  parentCode?: string | null;
}

const path = (type: string) => `${V1}/dictionaries/${encodeURIComponent(type)}`;

export const dictionaryApi = {
  types: () => http.get<DictionaryType[]>(`${V1}/dictionaries`).then((r) => r.data),
  table: (type: string) => http.get<DictionaryTable>(path(type)).then((r) => r.data),
  history: (type: string) =>
    http.get<DictionaryChange[]>(`${path(type)}/history`).then((r) => r.data),
  createType: (body: DictionaryTypeCommand) =>
    http.post<DictionaryType>(`${V1}/dictionaries`, body).then((r) => r.data),
  createItem: (type: string, body: DictionaryItemCommand) =>
    http.post<DictionaryItem>(`${path(type)}/items`, body).then((r) => r.data),
  updateItem: (type: string, code: string, body: DictionaryItemCommand) =>
    http
      .put<DictionaryItem>(`${path(type)}/items/${encodeURIComponent(code)}`, body)
      .then((r) => r.data),
  deleteItem: (type: string, code: string) =>
    http.delete<void>(`${path(type)}/items/${encodeURIComponent(code)}`).then(() => undefined),
};
