import type { FieldSpec, FilterSpec } from '@/views/basedata/shared/spec';

// The pure part of the shared basedata list and form: default values, filling a form from a
// record, the command sent back, and the list query from the filters.

type Values = Record<string, unknown>;

const TEXT_KINDS = new Set(['text', 'textarea', 'idNumber', 'phone', 'creditCode']);

function emptyValue(field: FieldSpec): unknown {
  if (TEXT_KINDS.has(field.kind)) return '';
  if (field.kind === 'switch') return false;
  return null;
}

/** The form's values for a new record (`item` null) or for editing `item`. */
export function formValues(fields: readonly FieldSpec[], item: Values | null): Values {
  const values: Values = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    if (!item) {
      values[field.key] = emptyValue(field);
    } else if (field.kind === 'location') {
      values.location =
        typeof item.lon === 'number' && typeof item.lat === 'number'
          ? { lon: item.lon, lat: item.lat }
          : null;
    } else if (field.kind === 'idNumber' || field.kind === 'phone') {
      // the record holds them masked: an empty input keeps the stored value
      values[field.key] = '';
    } else if (field.kind === 'switch') {
      values[field.key] = item[field.key] === true;
    } else {
      values[field.key] = item[field.key] ?? emptyValue(field);
    }
  }
  return values;
}

/**
 * The body of a create or update: texts trimmed (blank → null), the location as `lon`/`lat`, an
 * identifier left blank on update is left out (the server keeps it), `version` on update.
 */
export function formCommand(
  fields: readonly FieldSpec[],
  values: Values,
  editing: Values | null,
): Values {
  const command: Values = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    const value = values[field.key];
    if (field.kind === 'location') {
      const point = value as { lon: number; lat: number } | null;
      // a view without lon/lat (the server does not show it) must not lose the stored point
      if (point || !editing || 'lon' in editing) {
        command.lon = point?.lon ?? null;
        command.lat = point?.lat ?? null;
      }
    } else if (field.kind === 'idNumber' || field.kind === 'phone') {
      const text = String(value ?? '').trim();
      if (text) command[field.key] = field.kind === 'idNumber' ? text.toUpperCase() : text;
    } else if (TEXT_KINDS.has(field.kind)) {
      const text = String(value ?? '').trim();
      command[field.key] =
        text === '' ? null : field.kind === 'creditCode' ? text.toUpperCase() : text;
    } else if (field.kind === 'switch') {
      command[field.key] = value === true;
    } else {
      command[field.key] = value === '' || value === undefined ? null : value;
    }
  }
  if (editing && editing.version !== undefined) command.version = editing.version;
  return command;
}

/** The filters' starting values. */
export function filterValues(filters: readonly FilterSpec[]): Values {
  const values: Values = {};
  for (const filter of filters) {
    values[filter.key] =
      filter.kind === 'keyword' || filter.kind === 'dict' || filter.kind === 'choice' ? '' : null;
  }
  return values;
}

/** The list query of the filters (a date range becomes `from` and `to`). */
export function filterQuery(filters: readonly FilterSpec[], values: Values): Values {
  const query: Values = {};
  for (const filter of filters) {
    const value = values[filter.key];
    if (filter.kind === 'dateRange') {
      const range = Array.isArray(value) ? value : [];
      query.from = range[0] ?? null;
      query.to = range[1] ?? null;
    } else if (typeof value === 'string') {
      query[filter.key] = value.trim();
    } else {
      query[filter.key] = value;
    }
  }
  return query;
}
