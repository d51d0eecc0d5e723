import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/app/i18n';
import { fileUpdateSection, sourceLabel } from '../../../src/features/designer/file-update';
import type { DefinitionVersions } from '../../../src/features/designer/definitions-api';

const definition = (fileUpdate: DefinitionVersions['fileUpdate']): DefinitionVersions => ({
  key: 'complaint-handling',
  name: '投诉处理',
  versions: [
    { version: 2, id: 'complaint-handling:2', deployedAt: '2026-12-01T02:00:00Z', deployedBy: 'admin', note: null, source: 'user:admin', contentHash: 'hash-2' },
    { version: 1, id: 'complaint-handling:1', deployedAt: '2026-11-30T02:00:00Z', deployedBy: 'system', note: null, source: 'file:complaint-handling.bpmn', contentHash: 'hash-1' },
  ],
  fileUpdate,
});

describe('definition sources', () => {
  afterEach(() => setLanguage('zh-CN'));

  it('tells a file version from a person\'s and says nothing for versions from before sources were kept', () => {
    expect(sourceLabel('file:complaint-handling.bpmn')).toBe('定义文件 complaint-handling.bpmn');
    expect(sourceLabel('user:admin')).toBe('人员部署');
    expect(sourceLabel(null)).toBe('');
    setLanguage('en');
    expect(sourceLabel('file:complaint-handling.bpmn')).toBe('Definitions file complaint-handling.bpmn');
  });
});

describe('a newer definitions file', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is offered only when the server says so', () => {
    expect(fileUpdateSection('complaint-handling', definition(null), () => {})).toBeNull();
  });

  it('offers adopt and ignore, each after a confirmation, naming the content by its hash', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return url.endsWith('/adopt')
        ? new Response(JSON.stringify({ deploymentId: 'd', definitions: [{ key: 'complaint-handling', version: 3, name: null, id: 'complaint-handling:3' }] }), { status: 201 })
        : new Response(null, { status: 204 });
    }));
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValue(true);
    vi.stubGlobal('confirm', confirm);
    const outcomes: unknown[] = [];
    const section = fileUpdateSection('complaint-handling', definition({ fileName: 'complaint-handling.bpmn', contentHash: 'abc', lastFileVersion: 1, xml: '<x/>' }), (o) => outcomes.push(o))!;

    expect(section.element.querySelector('h2')!.textContent).toBe('定义文件有新版本：definitions/complaint-handling.bpmn');
    expect(section.element.textContent).toContain('上次来自该文件的是第 1 版。');
    const adopt = section.element.querySelector<HTMLButtonElement>('[data-testid="adopt-file"]')!;
    adopt.click(); // declined
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([]);
    adopt.click();
    await vi.waitFor(() => expect(outcomes).toEqual([{ adopted: 3 }]));
    section.element.querySelector<HTMLButtonElement>('[data-testid="ignore-file"]')!.click();
    await vi.waitFor(() => expect(outcomes).toEqual([{ adopted: 3 }, { ignored: true }]));
    expect(calls).toEqual([
      { url: '/api/definitions/complaint-handling/file-update/adopt', body: { contentHash: 'abc' } },
      { url: '/api/definitions/complaint-handling/file-update/ignore', body: { contentHash: 'abc' } },
    ]);
  });
});
