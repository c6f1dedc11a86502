// File upload (docs/api/files.md).
import { http } from '../http';
import type { StoredFile } from '../types/files';

const V1 = '/api/v1';

export const fileApi = {
  /** `POST /files` (multipart field `file`); the id goes into an event's `fileIds`. */
  upload: (file: Blob, name?: string) => {
    const form = new FormData();
    if (name) form.append('file', file, name);
    else form.append('file', file);
    return http.post<StoredFile>(`${V1}/files`, form, { timeout: 120_000 }).then((r) => r.data);
  },
};
