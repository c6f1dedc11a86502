import { http } from './http';

// 智能分拨 (the server's `event.suggest`, docs/api/suggest.md): the likeliest 小类 and handling
// units for a report's text, learnt from the deployment's closed events (keyword rules on a
// cold start). Scores are 0..1, best first, at most three of each.

const V1 = '/api/v1';

export const SUGGEST_PERMISSIONS = {
  /** asking for a suggestion: whoever may report an event */
  SUGGEST: 'event:case:report',
  /** the keyword rules: category administrators */
  KEYWORDS_WRITE: 'event:category:write',
} as const;

export interface SuggestRequest {
  description: string;
  title?: string | null;
  lon?: number | null;
  lat?: number | null;
}

export interface SuggestedCategory {
  code: string;
  name: string;
  parentCode: string;
  score: number;
}

export interface SuggestedUnit {
  kind: 'GRID' | 'COMMUNITY' | 'TOWN_CENTRE' | 'DEPARTMENT';
  id: number;
  name: string | null;
  score: number;
}

export interface Suggestion {
  categories: SuggestedCategory[];
  units: SuggestedUnit[];
}

export interface CategoryKeywords {
  categoryCode: string;
  keywords: string[];
}

export const suggestApi = {
  suggest: (body: SuggestRequest) =>
    http.post<Suggestion>(`${V1}/events/suggest`, body).then((r) => r.data),
  keywords: (categoryCode: string) =>
    http
      .get<CategoryKeywords>(`${V1}/events/suggest/keywords/${encodeURIComponent(categoryCode)}`)
      .then((r) => r.data),
  replaceKeywords: (categoryCode: string, keywords: string[]) =>
    http
      .put<CategoryKeywords>(`${V1}/events/suggest/keywords/${encodeURIComponent(categoryCode)}`, {
        keywords,
      })
      .then((r) => r.data),
};
