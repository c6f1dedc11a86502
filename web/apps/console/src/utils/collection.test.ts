import type { CollectionField, RegionNode } from '@/api';
import { describe, expect, it } from 'vitest';
import {
  answerRows,
  answerView,
  buildFields,
  canReview,
  checkFields,
  emptyAnswers,
  errorsOfField,
  listError,
  move,
  newDraft,
  subtreeIds,
  textLimit,
  toDrafts,
  todayInShanghai,
  workersIn,
} from './collection';

const field = (over: Partial<CollectionField>): CollectionField => ({
  key: 'name',
  label: '姓名',
  type: 'TEXT',
  required: false,
  options: [],
  min: null,
  max: null,
  maxLength: null,
  ...over,
});

describe('newDraft', () => {
  it('takes the first free field_<n> key and a distinct uid', () => {
    const a = newDraft();
    expect(a.key).toBe('field_1');
    expect(a.type).toBe('TEXT');
    const b = newDraft([{ key: 'field_2' }], 'NUMBER');
    expect(b.key).toBe('field_3');
    expect(b.type).toBe('NUMBER');
    expect(b.uid).not.toBe(a.uid);
  });
});

describe('buildFields', () => {
  it('trims and keeps only the rules of the type', () => {
    const built = buildFields([
      field({ key: ' age ', label: ' 年龄 ', type: 'NUMBER', min: 0, max: 150, maxLength: 9 }),
      field({ key: 'kind', type: 'SINGLE_CHOICE', options: [' 户籍 ', '', '流动'], min: 3 }),
      field({ key: 'memo', type: 'LONG_TEXT', maxLength: 500, options: ['x'] }),
      field({ key: 'at', type: 'LOCATION', required: true, maxLength: 5 }),
    ]);
    expect(built[0]).toEqual(
      field({ key: 'age', label: '年龄', type: 'NUMBER', min: 0, max: 150 }),
    );
    expect(built[1].options).toEqual(['户籍', '流动']);
    expect(built[1].min).toBeNull();
    expect(built[2]).toMatchObject({ maxLength: 500, options: [] });
    expect(built[3]).toMatchObject({ required: true, maxLength: null });
  });

  it('drops the uid of drafts and round-trips a definition', () => {
    const defs = [field({ type: 'MULTIPLE_CHOICE', options: ['a', 'b'] })];
    const drafts = toDrafts(defs);
    expect(drafts[0].uid).toBeGreaterThan(0);
    expect(buildFields(drafts)).toEqual(defs);
    drafts[0].options.push('c');
    expect(defs[0].options).toEqual(['a', 'b']);
  });
});

describe('checkFields', () => {
  it('accepts a good definition', () => {
    expect(
      checkFields([
        field({}),
        field({ key: 'age', type: 'NUMBER', min: 0, max: 0 }),
        field({ key: 'k', type: 'SINGLE_CHOICE', options: ['a'] }),
      ]),
    ).toEqual({});
  });

  it('names every problem as the server does', () => {
    expect(checkFields([])).toEqual({ fields: 'fieldCount' });
    expect(
      checkFields([
        field({ key: '1abc' }),
        field({ key: 'name', label: '' }),
        field({ key: 'name' }),
        field({ key: 'c', type: 'MULTIPLE_CHOICE', options: [] }),
        field({ key: 'd', type: 'SINGLE_CHOICE', options: ['a', 'a'] }),
        field({ key: 'e', type: 'NUMBER', min: 5, max: 1 }),
        field({ key: 'f', maxLength: 0 }),
      ]),
    ).toEqual({
      'fields[0].key': 'keyFormat',
      'fields[1].label': 'labelRequired',
      'fields[2].key': 'keyTwice',
      'fields[3].options': 'optionsRequired',
      'fields[4].options': 'optionsTwice',
      'fields[5].min': 'minAboveMax',
      'fields[6].maxLength': 'maxLengthPositive',
    });
  });

  it('limits keys to 40 characters', () => {
    expect(checkFields([field({ key: 'a'.repeat(40) })])).toEqual({});
    expect(checkFields([field({ key: 'a'.repeat(41) })])).toHaveProperty(['fields[0].key']);
  });
});

describe('server errors on the designer', () => {
  const errors = {
    fields: 'copied up',
    'fields[1].key': 'used twice',
    'fields[1].options': 'distinct options',
    'fields[10].label': 'required',
  };

  it('gives each field its own errors by prop', () => {
    expect(errorsOfField(errors, 1)).toEqual({ key: 'used twice', options: 'distinct options' });
    expect(errorsOfField(errors, 10)).toEqual({ label: 'required' });
    expect(errorsOfField(errors, 0)).toEqual({});
  });

  it('shows the list error only when it is not a copy of a field error', () => {
    expect(listError(errors)).toBe('');
    expect(listError({ fields: '1 to 100 fields' })).toBe('1 to 100 fields');
    expect(listError({})).toBe('');
  });
});

describe('move', () => {
  it('moves up and down and ignores moves off the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('preview helpers', () => {
  it('starts each answer empty in the shape of its type', () => {
    expect(
      emptyAnswers([
        field({ key: 'a' }),
        field({ key: 'b', type: 'MULTIPLE_CHOICE' }),
        field({ key: 'c', type: 'PHOTO' }),
      ]),
    ).toEqual({ a: null, b: [], c: [] });
  });

  it('knows the server’s default text limits', () => {
    expect(textLimit(field({}))).toBe(200);
    expect(textLimit(field({ type: 'LONG_TEXT' }))).toBe(2000);
    expect(textLimit(field({ maxLength: 30 }))).toBe(30);
    expect(textLimit(field({ type: 'NUMBER' }))).toBeUndefined();
  });
});

describe('answerView', () => {
  it('shapes each type for display', () => {
    expect(answerView('TEXT', '张三')).toEqual({ kind: 'text', text: '张三' });
    expect(answerView('LONG_TEXT', 'a\nb')).toEqual({
      kind: 'text',
      text: 'a\nb',
      multiline: true,
    });
    expect(answerView('NUMBER', 0)).toEqual({ kind: 'text', text: '0', mono: true });
    expect(answerView('ID_CARD', '320505********1234')).toEqual({
      kind: 'text',
      text: '320505********1234',
      mono: true,
    });
    expect(answerView('SINGLE_CHOICE', '户籍')).toEqual({ kind: 'choices', items: ['户籍'] });
    expect(answerView('MULTIPLE_CHOICE', ['a', 'b'])).toEqual({
      kind: 'choices',
      items: ['a', 'b'],
    });
    expect(answerView('PHOTO', [3, 4])).toEqual({ kind: 'photos', ids: [3, 4] });
    expect(answerView('LOCATION', { lon: 120.6, lat: 31.3 })).toEqual({
      kind: 'location',
      point: { lon: 120.6, lat: 31.3 },
    });
    expect(answerView('DATETIME', '2026-05-01T08:00:00+08:00')).toEqual({
      kind: 'datetime',
      value: '2026-05-01T08:00:00+08:00',
    });
  });

  it('shows nothing as empty and odd values raw', () => {
    expect(answerView('TEXT', null)).toEqual({ kind: 'empty' });
    expect(answerView('TEXT', '')).toEqual({ kind: 'empty' });
    expect(answerView('PHOTO', [])).toEqual({ kind: 'empty' });
    expect(answerView('TEXT', undefined)).toEqual({ kind: 'empty' });
    expect(answerView('LOCATION', 'here')).toEqual({ kind: 'text', text: 'here' });
    expect(answerView(null, { lon: 1, lat: 2 })).toEqual({
      kind: 'location',
      point: { lon: 1, lat: 2 },
    });
    expect(answerView(null, ['a', 'b'])).toEqual({ kind: 'text', text: '["a","b"]', mono: true });
  });
});

describe('answerRows', () => {
  it('follows the definition, then adds answers it does not know', () => {
    const rows = answerRows(
      [field({ key: 'name' }), field({ key: 'age', label: '年龄', type: 'NUMBER' })],
      { old: 'x', age: 30, name: '李四' },
    );
    expect(rows.map((r) => [r.key, r.label, r.type])).toEqual([
      ['name', '姓名', 'TEXT'],
      ['age', '年龄', 'NUMBER'],
      ['old', 'old', null],
    ]);
    expect(rows[2].view).toEqual({ kind: 'text', text: 'x' });
  });

  it('copes with no answers', () => {
    expect(answerRows([field({})], null)[0].view).toEqual({ kind: 'empty' });
  });
});

describe('canReview', () => {
  it('lets a reviewer review a submitted record only', () => {
    expect(canReview({ status: 'SUBMITTED' }, true)).toBe(true);
    expect(canReview({ status: 'SUBMITTED' }, false)).toBe(false);
    expect(canReview({ status: 'RETURNED' }, true)).toBe(false);
    expect(canReview({ status: 'APPROVED' }, true)).toBe(false);
    expect(canReview(null, true)).toBe(false);
  });
});

describe('todayInShanghai', () => {
  it('is the calendar day in China', () => {
    expect(todayInShanghai(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(todayInShanghai(new Date('2026-03-01T15:00:00Z'))).toBe('2026-03-01');
  });
});

describe('workers of a region', () => {
  const grid = (id: number) => ({ id, children: [] }) as unknown as RegionNode;
  const community = { id: 10, children: [grid(11), grid(12)] } as unknown as RegionNode;
  const town = {
    id: 1,
    children: [community, { id: 20, children: [grid(21)] }],
  } as unknown as RegionNode;

  it('collects the ids of a subtree', () => {
    expect([...subtreeIds(community)].sort()).toEqual([10, 11, 12]);
    expect(subtreeIds(null).size).toBe(0);
  });

  it('keeps enabled grid workers placed inside', () => {
    const users = [
      { id: 1, roles: ['GRID_WORKER'], enabled: true, scopeRegionId: 11 },
      { id: 2, roles: ['GRID_WORKER'], enabled: true, scopeRegionId: 21 },
      { id: 3, roles: ['GRID_CHIEF'], enabled: true, scopeRegionId: 10 },
      { id: 4, roles: ['GRID_WORKER'], enabled: false, scopeRegionId: 12 },
      { id: 5, roles: ['GRID_WORKER'], enabled: true, scopeRegionId: null },
    ];
    expect(workersIn(users, community).map((u) => u.id)).toEqual([1]);
    expect(workersIn(users, town).map((u) => u.id)).toEqual([1, 2]);
    expect(workersIn(users, null)).toEqual([]);
  });
});
