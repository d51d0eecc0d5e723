import { ApiError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { definitionsApi, type DefinitionVersions } from './definitions-api';
import { renderDiff } from './version-diff';

/** A version's source for people: "定义文件 x.bpmn", "人员部署", or empty for versions from before sources were kept. */
export function sourceLabel(source: string | null | undefined): string {
  if (!source) return '';
  if (source.startsWith('file:')) return t('designer.source.file', { file: source.slice('file:'.length) });
  if (source.startsWith('user:')) return t('designer.source.user');
  return source;
}

/**
 * "定义文件有新版本": the definitions file's newer content beside the latest (person's) version, with its diff, and
 * 采用 (deploys the file as a new version) or 忽略 (not offered again for this content). Each asks for confirmation;
 * `done` runs after either succeeded. Returns null when nothing is on offer, else the section and its disposer.
 */
export function fileUpdateSection(
  key: string,
  definition: DefinitionVersions,
  done: (outcome: { adopted: number } | { ignored: true }) => void,
): { element: HTMLElement; show: () => Promise<void>; dispose: () => void } | null {
  const update = definition.fileUpdate;
  if (!update) return null;
  const latest = definition.versions[0]?.version;
  const status = h('div', { 'aria-live': 'polite' });
  const diffArea = h('div', { class: 'diff-area' });
  let dispose = () => {};
  const act = async (button: HTMLButtonElement, confirmText: string, run: () => Promise<{ adopted: number } | { ignored: true }>) => {
    if (!window.confirm(confirmText)) return;
    button.disabled = true;
    try {
      done(await run());
    } catch (error) {
      button.disabled = false;
      replace(status, banner('error', error instanceof ApiError ? error.problem.detail : String(error)));
    }
  };
  const adopt = h('button', { type: 'button', class: 'primary', 'data-testid': 'adopt-file' }, t('designer.fileUpdate.adopt'));
  adopt.addEventListener('click', () =>
    void act(adopt, t('designer.fileUpdate.confirmAdopt'), async () => {
      const result = await definitionsApi.adoptFile(key, update.contentHash);
      const version = result.definitions.find((d) => d.key === key)?.version ?? result.definitions[0]?.version ?? 0;
      return { adopted: version };
    }));
  const ignore = h('button', { type: 'button', 'data-testid': 'ignore-file' }, t('designer.fileUpdate.ignore'));
  ignore.addEventListener('click', () =>
    void act(ignore, t('designer.fileUpdate.confirmIgnore'), async () => {
      await definitionsApi.ignoreFile(key, update.contentHash);
      return { ignored: true as const };
    }));
  const element = h(
    'section',
    { class: 'card file-update', 'data-testid': 'file-update' },
    h('h2', null, t('designer.fileUpdate.title', { file: update.fileName })),
    h('p', null, t('designer.fileUpdate.explain'), update.lastFileVersion ? ` ${t('designer.fileUpdate.lastFileVersion', { version: update.lastFileVersion })}` : ''),
    h('div', { class: 'designer-toolbar' }, adopt, ignore),
    status,
    diffArea,
  );
  const show = async () => {
    if (latest === undefined) return;
    const latestXml = await definitionsApi.xml(key, latest);
    dispose();
    dispose = await renderDiff(
      diffArea,
      { label: t('designer.version', { version: latest }), xml: latestXml },
      { label: t('designer.fileUpdate.fileLabel', { file: update.fileName }), xml: update.xml },
    );
  };
  return { element, show, dispose: () => dispose() };
}
