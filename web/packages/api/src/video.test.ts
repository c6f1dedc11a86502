import { describe, expect, it } from 'vitest';
import { streamKindOf } from './video';

describe('streamKindOf', () => {
  it('tells HLS from HTTP-FLV by the path, as the server does', () => {
    expect(streamKindOf('https://v.example.gov.cn/live/a.m3u8')).toBe('HLS');
    expect(streamKindOf('http://v.example.gov.cn:8080/a.FLV?token=1')).toBe('FLV');
    expect(streamKindOf('https://v.example.gov.cn/a.mp4')).toBeNull();
    expect(streamKindOf('https://v.example.gov.cn/a?f=.m3u8')).toBeNull();
    expect(streamKindOf('not a url')).toBeNull();
  });
});
