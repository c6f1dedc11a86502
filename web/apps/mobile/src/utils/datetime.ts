import { isoLocal } from './patrol';

const p = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of `<input type="datetime-local">` in the phone's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The value of a datetime-local input (phone's time zone) as ISO-8601 with its offset. */
export function fromLocalInput(value: string): string | null {
  const ms = new Date(value).getTime();
  // to the minute, as typed: no milliseconds
  return Number.isNaN(ms) ? null : isoLocal(ms).replace(/\.\d{3}(?=[+-])/, '');
}

/** `2026-11-24 09:30` in the phone's time zone. */
export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = toLocalInput(iso);
  return value.replace('T', ' ');
}
