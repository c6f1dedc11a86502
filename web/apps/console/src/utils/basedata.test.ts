import type { FieldSpec, FilterSpec } from '@/views/basedata/shared/spec';
import { describe, expect, it } from 'vitest';
import { cleanParties, disputeActions } from '@/views/basedata/disputes/spec';
import { cleanTags } from '@/views/basedata/people/spec';
import { filterQuery, filterValues, formCommand, formValues } from './basedata';

const fields: FieldSpec[] = [
  { key: 'name', label: 'n', kind: 'text', required: true },
  { key: 'idNumber', label: 'i', kind: 'idNumber' },
  { key: 'phone', label: 'p', kind: 'phone' },
  { key: 'householdType', label: 'h', kind: 'dict', dict: 'HOUSEHOLD_TYPE' },
  { key: 'area', label: 'a', kind: 'number' },
  { key: 'rented', label: 'r', kind: 'switch' },
  { key: 'creditCode', label: 'c', kind: 'creditCode' },
  { key: 'location', label: 'l', kind: 'location' },
  { key: 'status', label: 's', kind: 'dict', readOnly: true },
];

describe('formValues', () => {
  it('starts a new record empty', () => {
    expect(formValues(fields, null)).toEqual({
      name: '',
      idNumber: '',
      phone: '',
      householdType: null,
      area: null,
      rented: false,
      creditCode: '',
      location: null,
    });
  });

  it('fills from a record, leaving the masked identifiers out', () => {
    const values = formValues(fields, {
      id: 1,
      name: '张三',
      idNumber: '320***********1234',
      phone: '138****5678',
      householdType: 'FLOATING',
      area: 80.5,
      rented: true,
      creditCode: null,
      lon: 120.6,
      lat: 31.3,
      status: 'ACTIVE',
    });
    expect(values).toEqual({
      name: '张三',
      idNumber: '',
      phone: '',
      householdType: 'FLOATING',
      area: 80.5,
      rented: true,
      creditCode: '',
      location: { lon: 120.6, lat: 31.3 },
    });
  });
});

describe('formCommand', () => {
  const values = {
    name: ' 张三 ',
    idNumber: '11010519491231002x',
    phone: '',
    householdType: 'REGISTERED',
    area: null,
    rented: false,
    creditCode: ' 91350100m000100y43 ',
    location: { lon: 120.6, lat: 31.3 },
  };

  it('trims texts, upper-cases codes and spreads the location', () => {
    expect(formCommand(fields, values, null)).toEqual({
      name: '张三',
      idNumber: '11010519491231002X',
      householdType: 'REGISTERED',
      area: null,
      rented: false,
      creditCode: '91350100M000100Y43',
      lon: 120.6,
      lat: 31.3,
    });
  });

  it('leaves blank identifiers out on update (kept by the server) and sends the version', () => {
    const command = formCommand(fields, { ...values, idNumber: '  ' }, { id: 1, version: 3 });
    expect(command).not.toHaveProperty('idNumber');
    expect(command).not.toHaveProperty('phone');
    expect(command.version).toBe(3);
    expect(command).not.toHaveProperty('status');
  });

  it('keeps the stored point of a record whose view has no location', () => {
    const command = formCommand(fields, { ...values, location: null }, { id: 1, version: 1 });
    expect(command).not.toHaveProperty('lon');
    const cleared = formCommand(fields, { ...values, location: null }, { id: 1, lon: 1, lat: 2 });
    expect(cleared.lon).toBeNull();
  });

  it('sends a blank text as null and no location as nulls', () => {
    const command = formCommand(fields, { ...values, name: '  ', location: null }, null);
    expect(command.name).toBeNull();
    expect(command.lon).toBeNull();
    expect(command.lat).toBeNull();
  });
});

describe('filters', () => {
  const filters: FilterSpec[] = [
    { key: 'q', kind: 'keyword', label: 'k' },
    { key: 'gridId', kind: 'grid', label: 'g' },
    { key: 'rented', kind: 'boolean', label: 'r' },
    { key: 'range', kind: 'dateRange', label: 'd' },
  ];

  it('starts empty and sends a date range as from/to', () => {
    expect(filterValues(filters)).toEqual({ q: '', gridId: null, rented: null, range: null });
    expect(
      filterQuery(filters, {
        q: ' 张 ',
        gridId: 7,
        rented: false,
        range: ['2026-11-01', '2026-11-24'],
      }),
    ).toEqual({ q: '张', gridId: 7, rented: false, from: '2026-11-01', to: '2026-11-24' });
    expect(filterQuery(filters, filterValues(filters))).toEqual({
      q: '',
      gridId: null,
      rented: null,
      from: null,
      to: null,
    });
  });
});

describe('kind-specific commands', () => {
  it('sends the tags without empty detail values', () => {
    expect(
      cleanTags([
        {
          tag: 'DISABLED',
          since: '',
          details: { disabilityType: 'VISUAL', grade: null, note: '' },
        },
      ]),
    ).toEqual([{ tag: 'DISABLED', since: null, details: { disabilityType: 'VISUAL' } }]);
  });

  it('sends the named parties only', () => {
    expect(
      cleanParties([
        { name: ' 李四 ', role: 'APPLICANT' },
        { name: ' ', role: 'RESPONDENT' },
      ]),
    ).toEqual([{ name: '李四', role: 'APPLICANT', personId: null }]);
  });

  it('offers the mediation moves the status allows', () => {
    expect(disputeActions('OPEN')).toEqual(['MEDIATE', 'ESCALATE']);
    expect(disputeActions('MEDIATING')).toEqual(['MEDIATE', 'RESOLVE', 'FAIL', 'ESCALATE']);
    expect(disputeActions('FAILED')).toEqual(['ESCALATE']);
    expect(disputeActions('RESOLVED')).toEqual([]);
    expect(disputeActions('ESCALATED')).toEqual([]);
    expect(disputeActions('OPEN', ['ESCALATE', 'MEDIATE', 'EDIT'])).toEqual([
      'MEDIATE',
      'ESCALATE',
    ]);
  });
});
