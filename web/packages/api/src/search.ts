import { RECORD_KINDS } from './basedata';
import { http } from './http';

// 全文检索 (the server's `search` module): grouped hits with highlighted fragments. Always a POST, so
// that an ID number or phone typed into the box never lands in a URL (or a log of URLs).

/** What can be searched: every kind of record and events. */
export const SEARCH_TYPES = RECORD_KINDS;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  id: number;
  title: string;
  subtitle: string | null;
  gridName: string | null;
  /** field → fragment with the matches in `<em>…</em>` (render through a sanitiser) */
  highlights: Record<string, string>;
}

export interface SearchGroup {
  type: SearchType;
  total: number;
  hits: SearchHit[];
}

export interface SearchResult {
  q: string;
  tookMs: number;
  groups: SearchGroup[];
}

export interface SearchRequest {
  q: string;
  /** all types when absent */
  types?: SearchType[];
  /** hits per group */
  size?: number;
}

export const searchApi = {
  search: (request: SearchRequest, signal?: AbortSignal) =>
    http.post<SearchResult>('/api/v1/search', request, { signal }).then((r) => r.data),
};
