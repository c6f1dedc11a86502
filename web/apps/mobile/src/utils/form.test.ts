import { describe, expect, it } from 'vitest';
import type { CollectionField } from '@govgrid/api';
import { answerErrors, checkAnswer, cleanAnswers, validIdNumber } from './form';

const field = (
  type: CollectionField['type'],
  extra: Partial<CollectionField> = {},
): CollectionField => ({
  key: 'k',
  label: 'L',
  type,
  required: false,
  options: [],
  min: null,
  max: null,
  maxLength: null,
  ...extra,
});

describe('validIdNumber (GB 11643)', () => {
  it('checks the MOD 11-2 character and the birth date', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('11010519491231002x')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(validIdNumber('11010519490231002X')).toBe(false); // no 31 February (and check fails)
    expect(validIdNumber('1101051949123100')).toBe(false);
  });

  it('refuses impossible or future birth dates even with a right check character', () => {
    // 1949-02-30 with its own right check character
    const body = '11010519490230002';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
    expect(validIdNumber(body + '10X98765432'[sum % 11])).toBe(false);
    expect(validIdNumber('11010519491231002X', new Date(1949, 11, 30))).toBe(false);
  });
});

describe('checkAnswer (the server rules)', () => {
  it('required: null, blank and empty lists are missing', () => {
    const required = field('TEXT', { required: true });
    expect(checkAnswer(required, '  ')?.key).toBe('collect.error.required');
    expect(checkAnswer(field('MULTIPLE_CHOICE', { required: true }), [])?.key).toBe(
      'collect.error.required',
    );
    expect(checkAnswer(field('TEXT'), null)).toBeNull();
  });

  it('texts up to their length (200 / 2000 by default)', () => {
    expect(checkAnswer(field('TEXT'), 'a'.repeat(200))).toBeNull();
    expect(checkAnswer(field('TEXT'), 'a'.repeat(201))).toEqual({
      key: 'collect.error.tooLong',
      values: { n: 200 },
    });
    expect(checkAnswer(field('LONG_TEXT', { maxLength: 5 }), 'abcdef')?.key).toBe(
      'collect.error.tooLong',
    );
  });

  it('numbers within min and max', () => {
    const rooms = field('NUMBER', { min: 1, max: 20 });
    expect(checkAnswer(rooms, 3)).toBeNull();
    expect(checkAnswer(rooms, 0)?.key).toBe('collect.error.min');
    expect(checkAnswer(rooms, 21)?.key).toBe('collect.error.max');
    expect(checkAnswer(rooms, Number.NaN)?.key).toBe('collect.error.number');
  });

  it('choices, times, locations, photos, ID numbers and phones', () => {
    const use = field('SINGLE_CHOICE', { options: ['自住', '出租'] });
    expect(checkAnswer(use, '出租')).toBeNull();
    expect(checkAnswer(use, '仓库')?.key).toBe('collect.error.choice');
    const tags = field('MULTIPLE_CHOICE', { options: ['a', 'b'] });
    expect(checkAnswer(tags, ['a', 'b'])).toBeNull();
    expect(checkAnswer(tags, ['a', 'c'])?.key).toBe('collect.error.choice');
    expect(checkAnswer(field('DATETIME'), '2026-11-24T09:30:00+08:00')).toBeNull();
    expect(checkAnswer(field('DATETIME'), '2026-11-24 09:30')?.key).toBe('collect.error.datetime');
    expect(checkAnswer(field('LOCATION'), { lon: 120.6, lat: 31.3 })).toBeNull();
    expect(checkAnswer(field('LOCATION'), { lon: 200, lat: 31.3 })?.key).toBe(
      'collect.error.location',
    );
    const photo = field('PHOTO', { required: true });
    expect(checkAnswer(photo, [])?.key).toBe('collect.error.required');
    expect(checkAnswer(photo, [], true)).toBeNull();
    expect(checkAnswer(photo, [4])).toBeNull();
    expect(checkAnswer(field('ID_CARD'), '110105194912310021')?.key).toBe('collect.error.idCard');
    expect(checkAnswer(field('PHONE'), '13912345678')).toBeNull();
    expect(checkAnswer(field('PHONE'), '0512-65551234')).toBeNull();
    expect(checkAnswer(field('PHONE'), '12345')?.key).toBe('collect.error.phone');
  });
});

describe('answers', () => {
  it('trims, capitalises ID numbers and leaves out empty answers', () => {
    const fields = [
      field('TEXT', { key: 'name' }),
      field('ID_CARD', { key: 'id' }),
      field('TEXT', { key: 'empty' }),
      field('NUMBER', { key: 'n' }),
    ];
    expect(
      cleanAnswers(fields, { name: ' 王 ', id: '11010519491231002x', empty: ' ', n: 0, x: 1 }),
    ).toEqual({ name: '王', id: '11010519491231002X', n: 0 });
  });

  it('maps the server errors of answers to their fields, the rest to the form', () => {
    expect(
      answerErrors({
        'answers.idCard': '身份证号码无效',
        answers: '身份证号码无效',
        lon: '不在网格内',
      }),
    ).toEqual({ idCard: '身份证号码无效', '': '不在网格内' });
  });
});
