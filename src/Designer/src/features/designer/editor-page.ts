import type Modeler from 'bpmn-js/lib/Modeler';
import { ApiError, type ElementError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { definitionsApi, type DeploymentProblem } from './definitions-api';
import { ServerLint, type ServerVerdict } from './lint/server-lint';
import { createModeler, emptyDiagram } from './modeler/create-modeler';
import { markServerErrors } from './server-errors';

interface Canvas {
  zoom(level: string): void;
}

/**
 * The editor: bpmn-js Modeler with the properties panel, import/export of .bpmn files, deploy with a version
 * note, the server's validation errors on the elements, and a guard against leaving undeployed changes.
 * Route `/designer/new` starts an empty process; `/designer/:key?version=N` opens a deployed one.
 */
export async function renderEditor({ outlet, params, query, signal }: RouteContext): Promise<RouteInstance> {
  replace(outlet, loading());
  const key = params.key ?? null;
  const requested = query.get('version');
  let xml: string;
  let title: string;
  let basedOn: number | null = null;
  let fileUpdate: HTMLElement | null = null;
  if (key) {
    const versions = await definitionsApi.versions(key, signal);
    if (versions.fileUpdate) {
      fileUpdate = h(
        'div',
        { class: 'banner banner-info', 'data-testid': 'file-update-notice' },
        t('designer.fileUpdate.title', { file: versions.fileUpdate.fileName }),
        ' ',
        h('a', { class: 'button small', href: `#/designer/${encodeURIComponent(key)}/history` }, t('designer.fileUpdate.view')),
      );
    }
    basedOn = requested ? Number(requested) : (versions.versions[0]?.version ?? null);
    xml = await definitionsApi.xml(key, basedOn ?? undefined, signal);
    title = versions.name ?? key;
  } else {
    const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
    xml = emptyDiagram(id, t('designer.newProcess'));
    title = t('designer.newProcess');
  }

  let dirty = false;
  const message = h('div', { class: 'designer-message', 'data-testid': 'designer-message' });
  const errorList = h('div', { class: 'designer-errors' });
  const lintStatus = h('span', { class: 'lint-status muted', 'data-testid': 'lint-status', role: 'status' });
  const dirtyBadge = h('span', { class: 'badge badge-amber', hidden: true }, t('designer.unsaved'));
  const note = h('input', { class: 'deploy-note', 'aria-label': t('designer.deployNote'), placeholder: t('designer.deployNotePlaceholder'), 'data-testid': 'deploy-note' });
  const deployButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'deploy' }, t('designer.deploy'));
  const fileInput = h('input', { type: 'file', accept: '.bpmn,.xml,application/xml,text/xml', hidden: true, 'data-testid': 'import-file' });
  const importButton = h('button', { type: 'button', onclick: () => fileInput.click() }, t('designer.import'));
  const exportButton = h('button', { type: 'button', 'data-testid': 'export' }, t('designer.export'));
  const canvasElement = h('div', { class: 'designer-canvas', 'data-testid': 'canvas' });
  const panelElement = h('div', { class: 'designer-properties', 'data-testid': 'properties' });

  const heading = h(
    'div',
    { class: 'page-header' },
    h('h1', null, t('designer.editing', { name: title })),
    basedOn ? h('span', { class: 'muted' }, t('designer.editingVersion', { version: basedOn })) : null,
    dirtyBadge,
    h('span', { class: 'spacer' }),
    key ? h('a', { class: 'button', href: `#/designer/${encodeURIComponent(key)}/history` }, t('designer.history')) : null,
    h('a', { class: 'button', href: '#/designer' }, t('designer.backToList')),
  );
  const toolbar = h(
    'div',
    { class: 'designer-toolbar' },
    importButton,
    fileInput,
    exportButton,
    h('span', { class: 'spacer' }),
    lintStatus,
    h('label', { class: 'inline' }, t('designer.deployNote'), note),
    deployButton,
  );
  replace(
    outlet,
    heading,
    fileUpdate,
    toolbar,
    message,
    errorList,
    h('div', { class: 'designer-body' }, canvasElement, panelElement),
  );

  const modeler: Modeler = createModeler(canvasElement, panelElement);
  const setDirty = (value: boolean) => {
    dirty = value;
    dirtyBadge.hidden = !value;
  };
  await modeler.importXML(xml);
  (modeler.get('canvas') as Canvas).zoom('fit-viewport');
  let clearServerErrors = () => {};
  let deploying = false;
  let verdict: ServerVerdict = { state: 'checking' };

  /** Deploy is possible only when the server's dry run of the diagram as it is now found no error. */
  const updateDeployButton = () => {
    deployButton.disabled = deploying || verdict.state === 'checking' || (verdict.state === 'done' && verdict.result.errors.length > 0);
    deployButton.title = deployButton.disabled && !deploying ? t('designer.lint.deployDisabled') : '';
  };
  const showVerdict = (next: ServerVerdict) => {
    verdict = next;
    updateDeployButton();
    if (next.state === 'checking') {
      lintStatus.className = 'lint-status muted';
      lintStatus.textContent = t('designer.lint.checking');
      return;
    }
    clearServerErrors();
    if (next.state === 'failed') {
      lintStatus.className = 'lint-status muted';
      lintStatus.textContent = t('designer.lint.unavailable', { message: next.message });
      replace(errorList);
      return;
    }
    const { errors, warnings } = next.result;
    lintStatus.className = `lint-status ${errors.length > 0 ? 'lint-status-error' : warnings.length > 0 ? 'lint-status-warning' : 'lint-status-ok'}`;
    lintStatus.textContent =
      errors.length > 0
        ? t('designer.lint.errors', { count: errors.length })
        : warnings.length > 0
          ? t('designer.lint.warnings', { count: warnings.length })
          : t('designer.lint.ok');
    const clearErrors = markServerErrors(modeler, errors);
    const clearWarnings = markServerErrors(modeler, warnings, 'warning');
    clearServerErrors = () => {
      clearErrors();
      clearWarnings();
    };
    replace(errorList, errors.length + warnings.length > 0 ? problemListView(modeler, errors, warnings) : null);
  };
  const serverLint = new ServerLint({
    xml: async () => (await modeler.saveXML({ format: false })).xml ?? '',
    dryRun: (current, abort) => definitionsApi.dryRun(current, abort),
    onVerdict: showVerdict,
  });
  modeler.on('commandStack.changed', () => {
    setDirty(true);
    serverLint.schedule();
  });
  serverLint.schedule();

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    // A file bpmn-js cannot show leaves the modeler empty: the diagram as it was is put back.
    const before = (await modeler.saveXML({ format: false })).xml;
    try {
      await modeler.importXML(await file.text());
      (modeler.get('canvas') as Canvas).zoom('fit-viewport');
      setDirty(true);
      replace(message);
      serverLint.schedule();
    } catch (error) {
      if (before) await modeler.importXML(before);
      replace(message, banner('error', importFailure(error)));
    }
  });

  exportButton.addEventListener('click', async () => {
    const { xml: current } = await modeler.saveXML({ format: true });
    const link = h('a', {
      href: URL.createObjectURL(new Blob([current ?? ''], { type: 'application/xml' })),
      download: `${processId(modeler) ?? key ?? 'process'}.bpmn`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  deployButton.addEventListener('click', async () => {
    deploying = true;
    deployButton.disabled = true;
    try {
      // The verdict shown may be a moment old: ask the server about exactly what is about to be deployed.
      const checked = await serverLint.checkNow();
      if (checked.state === 'done' && checked.result.errors.length > 0) {
        replace(message, banner('error', t('designer.lintErrors', { count: checked.result.errors.length })));
        return;
      }
      clearServerErrors();
      replace(errorList);
      const { xml: current } = await modeler.saveXML({ format: true });
      const result = await definitionsApi.deploy(current ?? '', note.value);
      const deployed = result.definitions[0];
      setDirty(false);
      note.value = '';
      if (deployed && deployed.version !== basedOn) {
        replace(message, banner('success', t('designer.deployed', { name: deployed.name ?? deployed.key, version: deployed.version })));
        basedOn = deployed.version;
      } else if (deployed) {
        replace(message, banner('info', t('designer.unchanged', { version: deployed.version })));
      }
      // A new process, or one whose process id was changed: continue on the deployed key's page.
      if (deployed && deployed.key !== key) location.hash = `#/designer/${encodeURIComponent(deployed.key)}`;
    } catch (error) {
      if (error instanceof ApiError) {
        replace(message, banner('error', t('designer.deployFailed', { detail: error.problem.detail })));
        if (error.problem.elementErrors.length > 0) {
          clearServerErrors = markServerErrors(modeler, error.problem.elementErrors);
          replace(errorList, errorListView(modeler, error.problem.elementErrors));
        }
      } else {
        replace(message, banner('error', t('app.unexpectedError', { message: String(error) })));
      }
    } finally {
      deploying = false;
      updateDeployButton();
    }
  });

  return {
    isDirty: () => dirty,
    dispose: () => {
      serverLint.dispose();
      modeler.destroy();
    },
  };
}

function processId(modeler: Modeler): string | null {
  const root = (modeler.get('canvas') as { getRootElement(): { businessObject?: { id?: string; processRef?: { id?: string } } } }).getRootElement();
  return root.businessObject?.processRef?.id ?? root.businessObject?.id ?? null;
}

/** The dry run's errors and warnings as lists; clicking one selects its element. */
function problemListView(modeler: Modeler, errors: DeploymentProblem[], warnings: DeploymentProblem[]): HTMLElement {
  return h(
    'div',
    null,
    errors.length > 0 ? errorListView(modeler, errors) : null,
    warnings.length > 0 ? errorListView(modeler, warnings, 'warning') : null,
  );
}

/** The server's problems as a list; clicking one selects its element. */
function errorListView(modeler: Modeler, errors: ElementError[], kind: 'error' | 'warning' = 'error'): HTMLElement {
  const registry = modeler.get('elementRegistry') as { get(id: string): unknown };
  const selection = modeler.get('selection') as { select(element: unknown): void };
  return h(
    'div',
    { class: `card server-errors${kind === 'warning' ? ' server-warnings' : ''}`, 'data-testid': kind === 'warning' ? 'server-warnings' : 'server-errors' },
    h('h2', null, kind === 'warning' ? t('designer.serverWarnings') : t('designer.serverErrors')),
    h(
      'ul',
      null,
      errors.map((e) =>
        h(
          'li',
          null,
          e.elementId && registry.get(e.elementId)
            ? h('button', { type: 'button', class: 'link', onclick: () => selection.select(registry.get(e.elementId!)) }, e.elementId)
            : e.elementId
              ? h('code', null, e.elementId)
              : null,
          e.line ? h('span', { class: 'muted' }, ` ${t('designer.line', { line: e.line })} `) : ' ',
          e.message,
        ),
      ),
    ),
  );
}

/** Why a file could not be opened, in the user's language for the reasons bpmn-js gives most. */
function importFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.includes('no diagram to display')) return t('designer.importNoDiagram');
  if (text.includes('failed to parse document') || text.includes('unparsable content')) return t('designer.importNotBpmn');
  return t('designer.importFailed', { message: text });
}
