import type { UploaderFileListItem } from 'vant';
import type { QueuedPhoto } from '../offline/types';

/** A photo of a collection form's PHOTO field: a new file, or one on the server (`fileId`). */
export type PhotoEntry = UploaderFileListItem & { fileId?: number };

/** The new photos of an uploader as queue photos (blobs kept until uploaded). */
export function queuedPhotos(list: UploaderFileListItem[], field?: string): QueuedPhoto[] {
  return list
    .map((p) => p.file)
    .filter((f): f is File => f instanceof Blob)
    .map((f) => ({
      name: f.name || 'photo.jpg',
      type: f.type || 'image/jpeg',
      blob: f,
      ...(field ? { field } : {}),
    }));
}

/** Queue photos back into an uploader (editing a queued write). */
export function uploaderItems(photos: QueuedPhoto[]): UploaderFileListItem[] {
  return photos.map((p) => ({
    file: new File([p.blob], p.name, { type: p.type }),
    objectUrl: URL.createObjectURL(p.blob),
    isImage: true,
  }));
}
