import type {
  CheckMigrationElement,
  CheckMigrationResponse,
  GetDefinitionResponse,
  GetMigrationResponse,
  MigrationProblemView,
  MigrationRequestInstruction,
  StartMigrationResponse,
} from '../../api/schema';
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { loading } from '../../app/router';
import { definitionName, loadDefinitions, type DefinitionSummary } from '../common/definitions';

/** GET /api/definitions/{key} (src/Host/Features/Definitions/GetDefinition.cs). */
type DefinitionDetail = GetDefinitionResponse;

type Instruction = MigrationRequestInstruction;

export type MigrationProblem = MigrationProblemView;

export type MigrationElement = CheckMigrationElement;

/** POST /api/migrations/check (src/Host/Features/Migrations/CheckMigration.cs). */
export type MigrationCheck = CheckMigrationResponse;

/** GET /api/migrations/{batchId} (src/Host/Features/Migrations/GetMigration.cs); `status` is running or completed. */
type MigrationBatch = GetMigrationResponse;

/** Problems of the plan itself (not of one instance): they stop every instance. */
const planCodes = new Set(['unknownSourceActivity', 'unknownTargetActivity', 'incompatibleActivity', 'differentProcess']);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "name（id）" for administrators, the id alone when the element has no name. */
export function elementLabel(element: MigrationElement | undefined, id: string): string {
  return element?.name ? `${element.name}（${id}）` : id;
}

/**
 * The rows of the mapping table: every source element, those the instances are active in first; each with the
 * target elements of the same kind it may map to and the current mapping.
 */
export function mappingRows(check: MigrationCheck): { source: MigrationElement; active: number; targetId: string; options: MigrationElement[]; problems: MigrationProblem[] }[] {
  const mapped = new Map(check.instructions.map((i) => [i.sourceActivityId, i.targetActivityId]));
  const activeCount = new Map<string, number>();
  for (const instance of check.instances) {
    for (const id of instance.activeActivities) activeCount.set(id, (activeCount.get(id) ?? 0) + 1);
  }
  const rows = check.sourceElements.map((source) => ({
    source,
    active: activeCount.get(source.id) ?? 0,
    targetId: mapped.get(source.id) ?? '',
    options: check.targetElements.filter((target) => target.type === source.type),
    problems: check.problems.filter((p) => p.activityId === source.id),
  }));
  return [...rows.filter((r) => r.active > 0), ...rows.filter((r) => r.active === 0)];
}

/**
 * 实例迁移 (administrators): move running cases of one version to another. Choose the target version; the plan
 * maps same ids automatically and the administrator chooses targets for the others; the check names the problems
 * per step and previews the cases; a confirmation with a reason starts the batch, whose progress and result per
 * case are shown.
 */
export async function renderMigrate({ outlet, query, signal }: RouteContext): Promise<RouteInstance | void> {
  const title = h('h1', null, t('migrate.title'));
  replace(outlet, title, loading());
  const from = query.get('from') ?? '';
  const key = query.get('procedure') || from.slice(0, from.lastIndexOf(':')) || '';
  const instanceIds = (query.get('instances') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  let definitions: DefinitionSummary[] = [];
  let detail: DefinitionDetail;
  try {
    definitions = await loadDefinitions();
    if (!key) {
      replace(outlet, title, banner('error', t('migrate.noProcedure')));
      return;
    }
    detail = await api.get<DefinitionDetail>(`/api/definitions/${encodeURIComponent(key)}`, { signal });
  } catch (error) {
    if (!signal.aborted) replace(outlet, title, banner('error', error instanceof ApiError && error.status === 404 ? t('migrate.noProcedure') : message(error)));
    return;
  }
  if (signal.aborted) return;
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  const sourceId = versions.some((v) => v.id === from) ? from : (versions[1] ?? versions[0])?.id ?? '';
  const versionLabel = (v: DefinitionDetail['versions'][number]) => `${t('monitor.version', { version: v.version })}${v.note ? ` · ${v.note}` : ''}`;
  const sourceSelect = h('select', { id: 'migrate-source' }, versions.map((v) => h('option', { value: v.id, selected: v.id === sourceId }, versionLabel(v))));
  const targetSelect = h('select', { id: 'migrate-target' }, versions.map((v) => h('option', { value: v.id, selected: v.id === versions[0]?.id && v.id !== sourceId }, versionLabel(v))));

  const given = new Map<string, string>();
  let selected = new Set<string>(instanceIds);
  let check: MigrationCheck | null = null;
  let running = false;

  const body = h('div', { 'data-testid': 'migrate-body' }, loading());
  const status = h('div', { 'aria-live': 'polite' });
  const start = h('button', { type: 'button', class: 'primary', 'data-testid': 'migrate-start', disabled: true }, t('migrate.start'));
  const progressBox = h('div', { 'data-testid': 'migrate-progress' });
  replace(outlet, h('p', null, h('a', { href: `#/monitor?procedure=${encodeURIComponent(key)}` }, `← ${t('monitor.back')}`)),
    title,
    h('p', { class: 'muted' }, t('migrate.hint')),
    h('div', { class: 'filters' },
      h('span', null, definitionName(definitions, key)),
      h('label', { for: 'migrate-source' }, t('migrate.from'), sourceSelect),
      h('label', { for: 'migrate-target' }, t('migrate.to'), targetSelect)),
    body, status, h('div', { class: 'actions' }, start), progressBox);

  const blocking = (): string | null => {
    if (!check) return t('migrate.checking');
    if (check.sourceDefinitionId === check.targetDefinitionId) return t('migrate.sameVersion');
    if (check.problems.some((p) => planCodes.has(p.code))) return t('migrate.planProblems');
    const chosen = check.instances.filter((i) => selected.has(i.id));
    if (chosen.length === 0) return t('migrate.noneSelected');
    if (chosen.some((i) => i.problems.length > 0)) return t('migrate.selectedProblems');
    return null;
  };
  const updateStart = () => {
    const reason = blocking();
    start.disabled = running || reason !== null;
    replace(status, reason && check ? h('p', { class: 'muted', 'data-testid': 'migrate-blocked' }, reason) : null);
  };

  const render = () => {
    if (!check) return;
    const current = check;
    const sourceById = new Map(current.sourceElements.map((e) => [e.id, e]));
    const rows = mappingRows(current);
    const planProblems = current.problems.filter((p) => planCodes.has(p.code) && !sourceById.has(p.activityId));
    const mapping = h('table', { class: 'grid compact', 'data-testid': 'migrate-mapping' },
      h('thead', null, h('tr', null, h('th', null, t('migrate.col.source')), h('th', null, t('migrate.col.active')), h('th', null, t('migrate.col.target')), h('th', null, t('migrate.col.problems')))),
      h('tbody', null, rows.map((row) => {
        const select = h('select', { 'data-source': row.source.id, 'aria-label': elementLabel(row.source, row.source.id) },
          // Unmapping is for steps with no counterpart; a mapped step may only be mapped to another of its kind.
          row.targetId ? null : h('option', { value: '' }, t('migrate.unmapped')),
          row.options.map((o) => h('option', { value: o.id, selected: o.id === row.targetId }, elementLabel(o, o.id))));
        select.addEventListener('change', () => {
          if (select.value) given.set(row.source.id, select.value);
          else given.delete(row.source.id);
          void runCheck();
        });
        return h('tr', { class: row.problems.length ? 'row-overdue' : null, 'data-activity': row.source.id },
          h('td', null, elementLabel(row.source, row.source.id), h('span', { class: 'muted' }, ` ${row.source.type}`)),
          h('td', null, row.active ? h('span', { class: 'badge' }, String(row.active)) : ''),
          h('td', null, select),
          h('td', { 'data-testid': row.problems.length ? 'migrate-problem' : null }, row.problems.map((p) => h('div', null, p.message))));
      })));
    const preview = current.instances.length === 0
      ? h('p', { class: 'muted' }, t('migrate.noInstances'))
      : h('table', { class: 'grid compact', 'data-testid': 'migrate-instances' },
          h('thead', null, h('tr', null, h('th', null, ''), h('th', null, t('monitor.col.businessKey')), h('th', null, t('monitor.col.startedAt')), h('th', null, t('monitor.openSteps')), h('th', null, t('migrate.col.problems')))),
          h('tbody', null, current.instances.map((instance) => {
            const box = h('input', { type: 'checkbox', checked: selected.has(instance.id), 'aria-label': instance.businessKey ?? t('migrate.case') });
            box.addEventListener('change', () => {
              if (box.checked) selected.add(instance.id);
              else selected.delete(instance.id);
              updateStart();
            });
            return h('tr', { 'data-instance': instance.id, class: instance.problems.length ? 'row-overdue' : null },
              h('td', null, box),
              h('td', null, h('a', { href: `#/cases/${instance.id}` }, instance.businessKey ?? t('migrate.case'))),
              h('td', null, formatDateTime(instance.startedAt)),
              h('td', null, instance.activeActivities.map((id) => elementLabel(sourceById.get(id), id)).join('、')),
              h('td', null, instance.problems.map((p) => h('div', null, p.message))));
          })));
    replace(body,
      planProblems.length ? h('div', { class: 'banner banner-error', role: 'alert' }, planProblems.map((p) => h('div', null, p.message))) : null,
      h('section', { class: 'card' }, h('h2', null, t('migrate.mapping')), mapping),
      h('section', { class: 'card' }, h('h2', null, t('migrate.preview', { count: current.instances.length })), preview));
    updateStart();
  };

  let checkSeq = 0;
  const runCheck = async () => {
    const seq = ++checkSeq;
    check = null;
    updateStart();
    try {
      const result = await api.post<MigrationCheck>('/api/migrations/check', {
        sourceDefinitionId: sourceSelect.value,
        targetDefinitionId: targetSelect.value,
        instructions: [...given].map(([sourceActivityId, targetActivityId]) => ({ sourceActivityId, targetActivityId })),
        instanceIds: instanceIds.length ? instanceIds : undefined,
      }, { signal });
      if (seq !== checkSeq || signal.aborted) return;
      if (instanceIds.length === 0 && selected.size === 0) {
        // Opened from a version's list: every case that can move is chosen; the administrator may leave some out.
        selected = new Set(result.instances.filter((i) => i.problems.length === 0).map((i) => i.id));
      }
      check = result;
      render();
    } catch (error) {
      if (seq === checkSeq && !signal.aborted) replace(body, banner('error', message(error)));
    }
  };
  for (const select of [sourceSelect, targetSelect]) {
    select.addEventListener('change', () => {
      given.clear();
      if (instanceIds.length === 0) selected = new Set();
      void runCheck();
    });
  }

  let timer: number | undefined;
  const follow = async (batchId: string) => {
    try {
      const batch = await api.get<MigrationBatch>(`/api/migrations/${batchId}`);
      const names = new Map(check?.instances.map((i) => [i.id, i.businessKey ?? `${t('migrate.case')} · ${formatDateTime(i.startedAt)}`]) ?? []);
      replace(progressBox,
        h('section', { class: 'card' },
          h('h2', null, batch.status === 'completed' ? t('migrate.finished') : t('migrate.running')),
          h('progress', { max: batch.total, value: batch.done, 'data-testid': 'migrate-bar' }),
          h('p', { 'data-testid': 'migrate-summary' }, t('migrate.summary', { done: batch.done, total: batch.total, succeeded: batch.succeeded, failed: batch.failed })),
          h('table', { class: 'grid compact', 'data-testid': 'migrate-results' },
            h('thead', null, h('tr', null, h('th', null, t('migrate.case')), h('th', null, t('migrate.col.result')))),
            h('tbody', null, batch.results.map((r) => h('tr', { class: r.ok ? null : 'row-overdue', 'data-instance': r.instanceId },
              h('td', null, h('a', { href: `#/cases/${r.instanceId}` }, names.get(r.instanceId) ?? t('migrate.case'))),
              h('td', null, r.ok ? t('migrate.ok') : r.message ?? r.code ?? '')))))));
      if (batch.status === 'running' && !signal.aborted) timer = window.setTimeout(() => void follow(batchId), 500);
      else {
        running = false;
        updateStart();
      }
    } catch (error) {
      running = false;
      replace(progressBox, banner('error', message(error)));
      updateStart();
    }
  };

  start.addEventListener('click', () => {
    if (!check || blocking()) return;
    const chosen = check.instances.filter((i) => selected.has(i.id)).map((i) => i.id);
    const reason = h('textarea', { id: 'migrate-reason', rows: 3, maxlength: 500, required: true });
    const error = h('div', null);
    const confirm = h('button', { type: 'button', class: 'primary', 'data-testid': 'migrate-confirm' }, t('migrate.confirm'));
    const cancel = h('button', { type: 'button' }, t('app.cancel'));
    const dialog = h('dialog', { 'data-testid': 'migrate-dialog', 'aria-labelledby': 'migrate-dialog-title' },
      h('h2', { id: 'migrate-dialog-title' }, t('migrate.confirmTitle')),
      h('p', null, t('migrate.confirmText', { count: chosen.length, from: sourceSelect.selectedOptions[0]?.text ?? '', to: targetSelect.selectedOptions[0]?.text ?? '' })),
      h('label', { for: 'migrate-reason' }, t('migrate.reason'), reason),
      error,
      h('div', { class: 'actions' }, confirm, cancel));
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    confirm.addEventListener('click', async () => {
      if (!reason.value.trim()) {
        replace(error, banner('error', t('migrate.reasonRequired')));
        return;
      }
      confirm.disabled = true;
      try {
        const answer = await api.post<StartMigrationResponse>('/api/migrations', {
          sourceDefinitionId: check!.sourceDefinitionId,
          targetDefinitionId: check!.targetDefinitionId,
          instructions: check!.instructions,
          instanceIds: chosen,
          reason: reason.value.trim(),
        });
        dialog.close();
        running = true;
        updateStart();
        void follow(answer.batchId);
      } catch (failure) {
        confirm.disabled = false;
        replace(error, banner('error', message(failure)));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
  });

  await runCheck();
  return { dispose: () => window.clearTimeout(timer) };
}
