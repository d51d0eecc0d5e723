import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseProblem, request, setUnauthorizedHandler, withQuery } from '../../src/app/api';

describe('parseProblem', () => {
  it('reads title, detail and code of a problem+json body', () => {
    const problem = parseProblem(404, { title: '不存在', detail: '请求的对象不存在。', status: 404, code: 'notFound' });
    expect(problem).toMatchObject({ status: 404, title: '不存在', detail: '请求的对象不存在。', code: 'notFound' });
  });

  it('turns an errors object into field errors', () => {
    const problem = parseProblem(400, { title: 'x', errors: { approved: ['必填'], amount: 'too big' } });
    expect(problem.fieldErrors).toEqual({ approved: ['必填'], amount: ['too big'] });
    expect(problem.elementErrors).toEqual([]);
  });

  it('turns an errors array into element errors of a deployment', () => {
    const problem = parseProblem(400, {
      detail: '流程定义有误',
      errors: [{ elementId: 'Task_1', line: 12, message: 'no assignee' }, { elementId: null, line: null, message: 'broken' }],
    });
    expect(problem.elementErrors).toEqual([
      { elementId: 'Task_1', line: 12, message: 'no assignee' },
      { elementId: null, line: null, message: 'broken' },
    ]);
    expect(problem.detail).toBe('流程定义有误');
  });

  it('keeps a plain-text body as the detail', () => {
    expect(parseProblem(502, ' Bad gateway ').detail).toBe('Bad gateway');
  });

  it('falls back to the title when there is no detail', () => {
    expect(parseProblem(409, { title: '已被修改' }).detail).toBe('已被修改');
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(() => {});
  });

  it('sends Accept-Language and throws ApiError with the parsed problem', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ title: 't', detail: '字段有误', errors: { name: ['必填'] } }), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const error = await request('POST', '/api/x', { json: { a: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.fieldErrors).toEqual({ name: ['必填'] });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('zh-CN');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('reports a 401 to the session handler unless the call allows it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    const expired = vi.fn();
    setUnauthorizedHandler(expired);
    await expect(request('GET', '/api/tasks')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    await expect(request('POST', '/api/auth/login', { allowUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('returns undefined for 204 and text for XML', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await expect(request('POST', '/api/tasks/1/claim')).resolves.toBeUndefined();
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<definitions/>', { status: 200 })));
    await expect(request('GET', '/api/definitions/a/xml', { as: 'text' })).resolves.toBe('<definitions/>');
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/instances', { status: 'active', page: 2, businessKey: '', x: undefined })).toBe('/api/instances?status=active&page=2');
  });
});
