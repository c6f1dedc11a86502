const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-24 18:09:05` in Asia/Shanghai, or an em dash for nothing. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(
    dateTimeFormat.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `11-24 18:09` for this year, `2025-11-24 18:09` otherwise (dense tables), Asia/Shanghai. */
export function formatShortDateTime(value: string | null | undefined, now = new Date()): string {
  const full = formatDateTime(value);
  if (full === '—' || full.length < 16) return full;
  const thisYear = formatDateTime(now.toISOString()).slice(0, 4);
  return full.startsWith(thisYear) ? full.slice(5, 16) : full.slice(0, 16);
}

/**
 * The part of a server message in the reader's language: the server writes field reasons as
 * `English / 中文`; anything else comes back whole.
 */
export function localMessage(message: string | null | undefined, locale: string): string {
  if (!message) return '';
  const match = /^(.+?) \/ (.*[\u4e00-\u9fff].*)$/.exec(message);
  if (!match) return message;
  return locale.startsWith('zh') ? match[2].trim() : match[1].trim();
}
