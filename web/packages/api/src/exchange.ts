import { asPage, http, queryParams } from './http';
import type { PageQuery } from './types';

// 数据交换 (the server's `exchange` module): xlsx/csv imports run as jobs with a row-level error
// report, and exports of a filtered list as xlsx.

const V1 = '/api/v1';

export const EXCHANGE_KINDS = ['people', 'houses', 'organizations', 'things'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** The tables of the Jiangsu resource catalogue export, by the kind whose page offers them. */
export const CATALOGUE_TABLES = {
  people: [
    'people',
    'registered',
    'floating',
    'foreign',
    'left-behind',
    'released-prisoners',
    'community-correction',
    'mental-disorder',
    'drug-users',
    'hiv-risk',
    'key-youth',
  ],
  houses: ['houses', 'rented-houses'],
  organizations: ['non-public-organizations', 'social-organizations'],
  things: ['things'],
} as const satisfies Record<ExchangeKind, readonly string[]>;
export type CatalogueTable =
  (typeof CATALOGUE_TABLES)[ExchangeKind][number] | 'places' | 'disputes';

export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportJob {
  id: number;
  kind: ExchangeKind;
  filename: string;
  status: ImportStatus;
  /** data rows in the file; `rowsRead / rowsTotal` is the progress */
  rowsTotal: number | null;
  rowsRead: number;
  rowsOk: number;
  rowsFailed: number;
  /** rows that made a new record, and that updated one (`created + updated = rowsOk`) */
  created: number;
  updated: number;
  /** why a job failed as a whole */
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** One bad cell of an import (`row` as numbered in the sheet). */
export interface ImportError {
  row: number;
  column: string | null;
  reason: string;
}

/** A file the browser saves, read as a blob so that a failure can still be shown. */
export interface Download {
  blob: Blob;
  filename: string;
}

function filenameOf(disposition: unknown, fallback: string): string {
  if (typeof disposition !== 'string') return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** A GET whose answer is a file (an error still arrives as a problem). */
export async function download(url: string, fallback: string, params?: object): Promise<Download> {
  const response = await http.get<Blob>(url, {
    params: params ? queryParams(params) : undefined,
    responseType: 'blob',
    timeout: 300_000,
    headers: { Accept: '*/*' },
  });
  return {
    blob: response.data,
    filename: filenameOf(response.headers['content-disposition'], fallback),
  };
}

/** How far a streamed export has come: bytes received, and the rows the server announced. */
export interface ExportProgress {
  bytes: number;
  /** `X-Export-Rows`: the rows the filters select, known before the first byte */
  rows: number | null;
}

/** The 事件台账 export, with the event list's filters (paging and sorting left out). */
async function eventLedger(
  filters: object,
  onProgress?: (progress: ExportProgress) => void,
): Promise<Download & { rows: number | null }> {
  const { page: _page, size: _size, sort: _sort, ...rest } = filters as Record<string, unknown>;
  let rows: number | null = null;
  const response = await http.get<Blob>(`${V1}/exports/events.xlsx`, {
    params: queryParams(rest),
    responseType: 'blob',
    timeout: 300_000,
    headers: { Accept: '*/*' },
    onDownloadProgress: (event) => {
      const request = (event.event as ProgressEvent | undefined)?.target as
        XMLHttpRequest | undefined;
      const announced = request?.getResponseHeader?.('X-Export-Rows');
      if (announced != null && rows == null) rows = Number(announced);
      onProgress?.({ bytes: event.loaded, rows });
    },
  });
  return {
    blob: response.data,
    filename: filenameOf(response.headers['content-disposition'], 'events.xlsx'),
    rows:
      response.headers['x-export-rows'] == null ? rows : Number(response.headers['x-export-rows']),
  };
}

export const exchangeApi = {
  eventLedger,
  template: (kind: ExchangeKind) =>
    download(`${V1}/imports/templates/${kind}.xlsx`, `${kind}-template.xlsx`),
  /** 202: the job is queued; poll {@link exchangeApi.job}. */
  start: (kind: ExchangeKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http
      .post<Pick<ImportJob, 'id' | 'status'>>(`${V1}/imports`, form, {
        params: { kind },
        timeout: 300_000,
      })
      .then((r) => r.data);
  },
  /** My import jobs, most recent first. */
  jobs: (query: PageQuery = {}) =>
    http
      .get(`${V1}/imports`, { params: queryParams({ ...query }) })
      .then((r) => asPage<ImportJob>(r.data)),
  job: (id: number) => http.get<ImportJob>(`${V1}/imports/${id}`).then((r) => r.data),
  errors: (id: number) => http.get<ImportError[]>(`${V1}/imports/${id}/errors`).then((r) => r.data),
  errorReport: (id: number) =>
    download(`${V1}/imports/${id}/errors.xlsx`, `import-${id}-errors.xlsx`),
  /**
   * The list's current filters (paging left out); needs `basedata:export`. `unmask`: ID numbers and
   * phones in clear (`person:unmask`; audited as such).
   */
  export: (kind: ExchangeKind, filters: object, unmask = false) => {
    const { page: _page, size: _size, ...rest } = filters as Record<string, unknown>;
    return download(`${V1}/exports/${kind}.xlsx`, `${kind}.xlsx`, { ...rest, unmask });
  },
  /**
   * One table of the Jiangsu resource catalogue (标准 7.3.2b) over the caller's whole area, in the
   * catalogue's columns; needs `basedata:export`. `unmask` as for `export`.
   */
  catalogue: (table: CatalogueTable, unmask = false) =>
    download(`${V1}/exports/catalogue/${table}.xlsx`, `${table}.xlsx`, { unmask }),
};
