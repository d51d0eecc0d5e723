import { describe, expect, it } from 'vitest';
import { href, matchPath } from '../../src/app/routes';
import { parseHash } from '../../src/app/router';

describe('routes', () => {
  it('matches named segments and decodes them', () => {
    expect(matchPath('/designer/:key', '/designer/%E6%8A%95%E8%AF%89')).toEqual({ key: '投诉' });
    expect(matchPath('/designer/:key', '/designer')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
  });

  it('builds hash links with encoded params and a query', () => {
    expect(href('/designer/:key', { key: 'a b' }, { version: '2' })).toBe('#/designer/a%20b?version=2');
  });

  it('splits a hash into path and query', () => {
    const { path, query } = parseHash('#/login?next=%23%2Fdesigner');
    expect(path).toBe('/login');
    expect(query.get('next')).toBe('#/designer');
    expect(parseHash('').path).toBe('/');
  });
});
