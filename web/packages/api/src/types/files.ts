// Stored files and what the server read from an uploaded video.

export interface StoredFile {
  id: number;
  name: string;
  contentType: string;
  size?: number;
  sha256?: string;
  width?: number | null;
  height?: number | null;
  /** download (always an attachment) */
  url: string;
  /** our re-encoded JPEG preview; null for videos and documents */
  thumbnailUrl: string | null;
  createdAt?: string;
  /** an mp4's probe; null for other files */
  video?: StoredVideo | null;
}

/** What the server read from an uploaded mp4; `compliant`: 1080p at 25 fps (标准 7.3.2d). */
export interface StoredVideo {
  width: number;
  height: number;
  frameRate: number | null;
  durationMs: number | null;
  compliant: boolean;
  /** why not compliant: `not 1080p25 (标准 7.3.2d): …` */
  note: string | null;
}
