import type { DictType, ExchangeKind, Page } from '@/api';

// One description per basedata kind drives the shared list, detail drawer and form
// (`ResourcePage`): which fields there are, how each is entered and shown, which are columns and
// filters. The kinds differ only in their descriptions and in a few slots of their own.

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'dict'
  | 'choice'
  | 'grid'
  | 'house'
  | 'switch'
  | 'location'
  | 'idNumber'
  | 'phone'
  | 'creditCode';

export interface FieldSpec {
  /** the property of the view and the command (`location` stands for `lon` and `lat`) */
  key: string;
  /** i18n key of the label */
  label: string;
  kind: FieldKind;
  dict?: DictType;
  /** `choice`: the codes, labelled by `${choiceLabels}.${code}` */
  choices?: readonly string[];
  choiceLabels?: string;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** a whole row of the two-column form */
  wide?: boolean;
  /** shown, never entered (derived, or changed by actions) */
  readOnly?: boolean;
  /** shown in the detail but not on the form, and not in the detail either when false */
  detail?: boolean;
}

export interface ColumnSpec {
  key: string;
  width?: number;
  minWidth?: number;
  /** the cell opens the detail */
  link?: boolean;
}

export type FilterKind = 'keyword' | 'grid' | 'dict' | 'choice' | 'boolean' | 'dateRange';

export interface FilterSpec {
  /** the query parameter (`dateRange`: sent as `from` and `to`) */
  key: string;
  kind: FilterKind;
  /** i18n key of the placeholder */
  label: string;
  dict?: DictType;
  choices?: readonly string[];
  choiceLabels?: string;
  width?: number;
}

export interface ResourceRecord {
  id: number;
  [key: string]: unknown;
}

/** The calls a kind offers; `create`/`update` absent where the server has none. */
export interface ResourceCalls {
  list: (query: Record<string, unknown>) => Promise<Page<ResourceRecord>>;
  get?: (id: number) => Promise<ResourceRecord>;
  create?: (body: never) => Promise<unknown>;
  update?: (id: number, body: never) => Promise<unknown>;
}

export interface ResourceSpec {
  /** section of the `basedata` messages (`people` → `basedata.people.create`) and test ids */
  name: string;
  /** the list's path; `${path}/:id` opens a record */
  path: string;
  api: ResourceCalls;
  readPermission: string;
  writePermission: string;
  fields: FieldSpec[];
  columns: ColumnSpec[];
  filters: FilterSpec[];
  /** import/export buttons for this kind */
  exchange?: ExchangeKind;
  /** the drawer's title */
  title: (row: ResourceRecord) => string;
  /** form values of a kind's own parts (the `form` slot), e.g. the people's tags */
  extraValues?: (editing: ResourceRecord | null) => Record<string, unknown>;
  /** last touches to the command (e.g. the people's tags) */
  toCommand?: (
    command: Record<string, unknown>,
    values: Record<string, unknown>,
    editing: ResourceRecord | null,
  ) => Record<string, unknown>;
  formWidth?: string;
  /** the form's own parts (the `form` slot) stand after this field; else at the end */
  formSlotAfter?: string;
}
