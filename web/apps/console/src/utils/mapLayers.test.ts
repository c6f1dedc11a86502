import { describe, expect, it } from 'vitest';
import {
  featurePath,
  layerColour,
  layerDicts,
  layerKind,
  layerLabel,
  markerSign,
  markerWeight,
  type PopupContext,
} from './mapLayers';

const base = { id: 5, kind: 'x', name: 'n', status: null, gridId: 1 };
const layer = (type: string, icon: string, colour = '#c2185b') => ({
  type,
  label: { zh: type === 'alerts' ? '<预警>' : '矛盾纠纷', en: 'Disputes' },
  icon,
  colour,
});
const ctx: PopupContext = {
  t: (key, values) => (values ? `${key}:${JSON.stringify(values)}` : key),
  dict: (type, code) => `${type}.${code}`,
  eventStatus: (code) => `status.${code}`,
};

describe('markers', () => {
  it('weighs a house of the people layer by its people', () => {
    expect(markerWeight('people', { ...base, count: 4 })).toBe(4);
    expect(markerWeight('people', { ...base })).toBe(1);
    expect(markerWeight('houses', { ...base, count: 4 })).toBe(1);
  });

  it('opens the house for people, the event, the record; notes their list; unknown types nothing', () => {
    expect(featurePath('people', { ...base, houseId: 9 })).toBe('/basedata/houses/9');
    expect(featurePath('events', base)).toBe('/events/5');
    expect(featurePath('organizations', base)).toBe('/basedata/organizations/5');
    expect(featurePath('disputes', base)).toBe('/basedata/disputes/5');
    expect(featurePath('daily-notes', base)).toBe('/basedata/daily-notes');
    expect(featurePath('no-such-layer', base)).toBeNull();
    expect(featurePath('cameras', base)).toBe('/video');
  });

  it('signs a marker by its icon key, else by the label, and keeps colours to #rrggbb', () => {
    expect(markerSign(layer('disputes', 'dispute'))).toBe('纠');
    expect(markerSign(layer('alerts', 'bell'))).toBe('<');
    expect(layerColour(layer('disputes', 'dispute'))).toBe('#c2185b');
    expect(layerColour(layer('disputes', 'dispute', 'red;background:url(x)'))).toBe('#666666');
    expect(layerLabel(layer('disputes', 'dispute'), 'en')).toBe('Disputes');
    expect(layerLabel(layer('disputes', 'dispute'), 'zh-CN')).toBe('矛盾纠纷');
  });
});

describe('popups', () => {
  it('names a dispute by its code tables, counts its parties and says where it stands', () => {
    const lines = layerKind('disputes').lines!(
      {
        ...base,
        status: 'OPEN',
        kindType: 'NEIGHBOUR',
        parties: 2,
        placed: 'GRID',
        gridName: 'G1',
      },
      ctx,
    ).map((line) => line.text);
    expect(lines[0]).toBe('DISPUTE_TYPE.NEIGHBOUR · DISPUTE_STATUS.OPEN');
    expect(lines).toContain('basedata.panorama.parties:{"n":2}');
    expect(lines).toContain('basedata.panorama.grid：G1');
    expect(lines).toContain('basedata.panorama.placed.GRID');
  });

  it('titles a note by its topic and date and shows its shortened text', () => {
    const note = {
      ...base,
      kindType: 'VISIT',
      notedOn: '2026-12-01',
      text: '走访…',
      placed: 'GRID',
    };
    expect(
      layerKind('daily-notes').title!(note, {
        ...ctx,
        t: (key) => (key.endsWith('VISIT') ? '走访入户' : key),
      }),
    ).toBe('走访入户 · 2026-12-01');
    expect(layerKind('daily-notes').lines!(note, ctx)[0].text).toBe('走访…');
  });

  it('gives an unknown layer a plain popup and asks for the code tables the known ones need', () => {
    expect(layerKind('no-such-layer').lines!({ ...base, status: 'ONLINE' }, ctx)[0].text).toBe(
      'basedata.common.status：ONLINE',
    );
    expect(
      layerDicts([layer('disputes', 'dispute'), layer('houses', 'house'), layer('x', 'y')]),
    ).toEqual(['DISPUTE_TYPE', 'DISPUTE_STATUS', 'HOUSE_USE']);
  });
});

describe('party layers', () => {
  it('shows an organisation by type and member count, an activity by type, time, organisation', () => {
    const org = layerKind('party-organizations');
    expect(
      org.lines!({ ...base, type: 'BRANCH', memberCount: 12 } as never, ctx).map((l) => l.text),
    ).toEqual(['party.types.BRANCH', 'party.panorama.members:{"n":12}']);
    expect(featurePath('party-organizations', base)).toBe('/party/organizations');

    const activity = layerKind('party-activities');
    const p = {
      ...base,
      title: '主题党日',
      type: 'THEME_DAY',
      heldAt: '2026-12-01T01:30:00Z',
      organizationName: '一支部',
    } as never;
    expect(activity.title!(p, ctx)).toBe('主题党日');
    const lines = activity.lines!(p, ctx).map((l) => l.text);
    expect(lines[0]).toBe('party.activityTypes.THEME_DAY');
    expect(lines[1]).toBe('party.panorama.heldAt:{"time":"2026-12-01 09:30:00"}');
    expect(lines[2]).toBe('party.panorama.organization:{"name":"一支部"}');
    expect(featurePath('party-activities', base)).toBe('/party/activities');
  });
});

describe('party layer signs', () => {
  it('signs the party layers by the server icon keys', () => {
    expect(markerSign(layer('party-organizations', 'party'))).toBe('党');
    expect(markerSign(layer('party-activities', 'flag'))).toBe('活');
  });
});
