import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  fieldErrors,
  globalErrors,
  isProblemType,
  parseProblem,
  PROBLEM_TYPES,
  problemMessage,
  toApiError,
} from './problem';

function axiosFailure(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response = {
    status,
    statusText: '',
    data,
    headers: {},
    config,
  } as AxiosResponse;
  return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, undefined, response);
}

const validationProblem = {
  type: 'https://govgrid.org/problems/validation',
  title: '请求参数有误',
  status: 400,
  detail: '2 个字段有误',
  errors: [
    { field: 'newPassword', message: '至少 8 个字符' },
    { field: 'newPassword', message: '不能与最近 5 次密码相同' },
    { field: 'boundary.coordinates', message: '多边形未闭合' },
    { field: '', message: '请稍后重试' },
  ],
};

describe('problem → field errors', () => {
  it('maps every field error onto its field, joining repeated fields', () => {
    const errors = fieldErrors(axiosFailure(400, validationProblem));
    expect(errors.newPassword).toBe('至少 8 个字符；不能与最近 5 次密码相同');
    expect(errors['boundary.coordinates']).toBe('多边形未闭合');
  });

  it('also reports a nested field under its root field', () => {
    const errors = fieldErrors(axiosFailure(400, validationProblem));
    expect(errors.boundary).toBe('多边形未闭合');
    expect(Object.keys(errors)).not.toContain('');
  });

  it('keeps a root field message of its own instead of the nested one', () => {
    const errors = fieldErrors(
      axiosFailure(400, {
        status: 400,
        errors: [
          { field: 'roles', message: '至少选择一个角色' },
          { field: 'roles[1]', message: '未知角色' },
        ],
      }),
    );
    expect(errors.roles).toBe('至少选择一个角色');
    expect(errors['roles[1]']).toBe('未知角色');
  });

  it('lists errors that no shown field can display', () => {
    const global = globalErrors(axiosFailure(400, validationProblem), ['newPassword', 'boundary']);
    expect(global).toEqual(['请稍后重试']);
  });

  it('returns no field errors for a problem without errors or a body that is not a problem', () => {
    expect(fieldErrors(axiosFailure(401, { status: 401, detail: '用户名或密码错误' }))).toEqual({});
    expect(fieldErrors(axiosFailure(502, '<html>Bad gateway</html>'))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('problem parsing', () => {
  it('prefers detail, then title, then the fallback', () => {
    expect(problemMessage(axiosFailure(401, { title: '未认证', detail: '用户名或密码错误' }))).toBe(
      '用户名或密码错误',
    );
    expect(problemMessage(axiosFailure(403, { title: '无权访问' }))).toBe('无权访问');
    expect(problemMessage(axiosFailure(500, ''), '服务器错误')).toBe('服务器错误');
  });

  it('keeps the status and type and recognises the password-change problem', () => {
    const error = toApiError(
      axiosFailure(403, { type: PROBLEM_TYPES.PASSWORD_CHANGE_REQUIRED, title: '请先修改密码' }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(403);
    expect(error.problem.status).toBe(403);
    expect(isProblemType(error, PROBLEM_TYPES.PASSWORD_CHANGE_REQUIRED)).toBe(true);
  });

  it('parses a problem that arrives as a JSON string and drops malformed errors', () => {
    const problem = parseProblem(
      JSON.stringify({ status: 400, errors: [{ field: 'code', message: '已存在' }, 'junk'] }),
    );
    expect(problem.errors).toEqual([{ field: 'code', message: '已存在' }]);
  });

  it('reports a request without response as status 0', () => {
    const error = toApiError(new AxiosError('Network Error', 'ERR_NETWORK'));
    expect(error.status).toBe(0);
    expect(problemMessage(error)).toBe('Network Error');
  });
});
