// 维护: the administrators' repair tools on a case's page and in the list — each asks for confirmation and a reason.
import { api, ApiError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import type { Instance } from '../tasks/types';
import {
  bulkSummary, editorText, flowNodes, maxReasonLength, modifyInstructions, nodeLabel, parseTypedValue, reasonProblem,
  variableTypeOf, variableTypes, type BulkResult, type ModifyInstruction, type VariableType,
} from './repair-logic';
import './repair.css';

type Content = Node | string | null | (Node | string | null)[];

export interface RepairDialogOptions {
  title: string;
  /** What will happen, shown above the reason. */
  body: Content;
  confirmLabel: string;
  testId: string;
  /** Runs the action with the reason; a returned node (results) replaces the form; an error is shown in the dialog. */
  run: (reason: string) => Promise<Node | void>;
  /** After success (or closing the results): refresh the page. */
  done?: () => void;
}

function refresh(): void {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.values(error.problem.fieldErrors).flat();
    return [error.message, ...fields].filter(Boolean).join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** A modal asking for confirmation and a reason (required, at most 500 characters) before a repair runs. */
export function repairDialog(options: RepairDialogOptions): HTMLDialogElement {
  const reason = h('textarea', { id: 'repair-reason', rows: 3, maxlength: maxReasonLength, 'aria-required': 'true', 'data-testid': 'repair-reason' });
  const errorBox = h('div', { 'aria-live': 'polite' });
  const confirm = h('button', { type: 'submit', class: 'primary', 'data-testid': 'repair-confirm' }, options.confirmLabel);
  const cancel = h('button', { type: 'button' }, t('app.cancel'));
  const form = h('form', { method: 'dialog', class: 'repair-form' },
    h('div', { class: 'repair-body' }, options.body),
    h('label', { for: 'repair-reason' }, t('repair.reason'), reason),
    h('p', { class: 'muted small' }, t('repair.reasonHint')),
    errorBox,
    h('div', { class: 'actions' }, cancel, confirm));
  const dialog = h('dialog', { class: 'repair-dialog', 'data-testid': options.testId, 'aria-label': options.title }, h('h2', null, options.title), form);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  cancel.addEventListener('click', close);
  reason.addEventListener('input', () => replace(errorBox));
  dialog.addEventListener('cancel', () => dialog.remove());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = reasonProblem(reason.value);
    if (problem) {
      replace(errorBox, banner('error', t(problem, { max: maxReasonLength })));
      reason.focus();
      return;
    }
    confirm.disabled = true;
    replace(errorBox);
    try {
      const result = await options.run(reason.value.trim());
      if (result) {
        const closeResults = h('button', { type: 'button', class: 'primary' }, t('app.close'));
        closeResults.addEventListener('click', () => {
          close();
          (options.done ?? refresh)();
        });
        replace(form, result, h('div', { class: 'actions' }, closeResults));
        return;
      }
      close();
      (options.done ?? refresh)();
    } catch (error) {
      confirm.disabled = false;
      replace(errorBox, banner('error', errorText(error)));
    }
  });
  document.body.append(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  reason.focus();
  return dialog;
}

/** The per-id results of a bulk action, with the names the caller knows them by. */
export function bulkResultsView(results: readonly BulkResult[], label: (id: string) => string): HTMLElement {
  const { ok, failed } = bulkSummary(results);
  return h('div', { 'data-testid': 'bulk-results' },
    banner(failed ? 'error' : 'success', t('repair.bulkSummary', { ok, failed })),
    h('table', { class: 'grid compact' },
      h('thead', null, h('tr', null, h('th', null, t('repair.case')), h('th', null, t('repair.result')))),
      h('tbody', null, results.map((r) => h('tr', { 'data-result': r.ok ? 'ok' : 'failed' },
        h('td', null, label(r.id)),
        h('td', null, r.ok ? t('repair.resultOk') : (r.message ?? r.code ?? t('repair.resultFailed'))))))));
}

/** The retry of one incident: shows its message, asks for the reason. */
export function retryIncident(incident: { id: string; message: string }, stepName: string): void {
  repairDialog({
    title: t('repair.retryTitle'),
    testId: 'retry-dialog',
    confirmLabel: t('monitor.retry'),
    body: [
      h('p', null, t('repair.retryIntro', { step: stepName })),
      h('p', { class: 'incident-message', 'data-testid': 'incident-message' }, incident.message),
    ],
    run: async (reason) => {
      await api.post(`/api/incidents/${incident.id}/retry`, { reason });
    },
  });
}

/** 立即执行 of a pending job (a timer fires now, a retry runs now): what will happen, and the reason, asked first. */
export function runJobNow(job: { id: string; type: string }, stepName: string, typeName: string): void {
  repairDialog({
    title: t('monitor.runNowTitle'),
    testId: 'run-job-dialog',
    confirmLabel: t('monitor.runNow'),
    body: h('p', null, t('monitor.runNowIntro', { step: stepName, type: typeName })),
    run: async (reason) => {
      await api.post(`/api/jobs/${job.id}/execute`, { reason });
    },
  });
}

/**
 * 维护 (administrators, active cases): cancel the case; modify it (cancel steps, start before or after a step chosen
 * from the list or by clicking the diagram, with variables); edit a variable as a type.
 */
export function repairPanel(instance: Instance, xml: string): { element: HTMLElement; selectStep: (id: string) => void } {
  const nodes = flowNodes(xml);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const label = (id: string) => nodeLabel(byId.get(id) ?? { id });

  // Cancel the whole case.
  const cancelCase = h('button', { type: 'button', class: 'danger', 'data-testid': 'repair-cancel' }, t('repair.cancelCase'));
  cancelCase.addEventListener('click', () => repairDialog({
    title: t('repair.cancelTitle'),
    testId: 'cancel-dialog',
    confirmLabel: t('repair.cancelCase'),
    body: h('p', null, t('repair.cancelIntro')),
    run: async (reason) => {
      await api.post(`/api/instances/${instance.id}/cancel`, { reason });
    },
  }));

  // Modify: cancel active steps and/or start at a step.
  const active = [...new Set(instance.activeActivityIds)];
  const cancelBoxes = active.map((id) => h('input', { type: 'checkbox', value: id, id: `cancel-${id}` }));
  const mode = h('select', { id: 'modify-mode', 'data-testid': 'modify-mode' },
    h('option', { value: 'none' }, t('repair.startNone')),
    h('option', { value: 'startBefore' }, t('repair.startBefore')),
    h('option', { value: 'startAfter' }, t('repair.startAfter')));
  const target = h('select', { id: 'modify-target', 'data-testid': 'modify-target' }, h('option', { value: '' }, t('repair.chooseStep')),
    nodes.map((n) => h('option', { value: n.id }, nodeLabel(n))));
  const variablesText = h('textarea', { id: 'modify-variables', rows: 2, placeholder: '{"approved": true}' });
  const modifyError = h('div');
  const modify = h('button', { type: 'button', 'data-testid': 'repair-modify' }, t('repair.modify'));
  modify.addEventListener('click', () => {
    const draft = modifyInstructions({
      cancel: cancelBoxes.filter((b) => b.checked).map((b) => b.value),
      start: mode.value as 'none' | 'startBefore' | 'startAfter',
      startActivity: target.value,
      variablesText: variablesText.value,
    });
    if (!draft.ok) {
      replace(modifyError, banner('error', t(draft.error)));
      return;
    }
    replace(modifyError);
    repairDialog({
      title: t('repair.modifyTitle'),
      testId: 'modify-dialog',
      confirmLabel: t('repair.modify'),
      body: h('ul', null, draft.instructions.map((i: ModifyInstruction) => h('li', null, t(`repair.instruction.${i.type}`, { step: label(i.activityId) }),
        i.variables ? h('span', { class: 'muted' }, ` ${JSON.stringify(i.variables)}`) : null))),
      run: async (reason) => {
        await api.post(`/api/instances/${instance.id}/modify`, { instructions: draft.instructions, reason });
      },
    });
  });

  // Edit one variable as a type.
  const names = Object.keys(instance.variables).sort();
  const variableName = h('input', { id: 'variable-name', list: 'variable-names', maxlength: 128, 'data-testid': 'variable-name' });
  const variableList = h('datalist', { id: 'variable-names' }, names.map((n) => h('option', { value: n })));
  const variableType = h('select', { id: 'variable-type', 'data-testid': 'variable-type' }, variableTypes.map((v) => h('option', { value: v }, t(`repair.type.${v}`))));
  const variableValue = h('textarea', { id: 'variable-value', rows: 2, 'data-testid': 'variable-value' });
  variableName.addEventListener('change', () => {
    if (variableName.value in instance.variables) {
      const current = instance.variables[variableName.value];
      variableType.value = variableTypeOf(current);
      variableValue.value = editorText(current);
    }
  });
  const editError = h('div');
  const edit = h('button', { type: 'button', 'data-testid': 'repair-edit' }, t('repair.editVariable'));
  edit.addEventListener('click', () => {
    const name = variableName.value.trim();
    const type = variableType.value as VariableType;
    const parsed = parseTypedValue(type, variableValue.value);
    if (!name) {
      replace(editError, banner('error', t('repair.error.variableName')));
      return;
    }
    if (!parsed.ok) {
      replace(editError, banner('error', t(parsed.error)));
      return;
    }
    replace(editError);
    const old = name in instance.variables ? JSON.stringify(instance.variables[name]) : t('repair.noValue');
    repairDialog({
      title: t('repair.editTitle'),
      testId: 'edit-dialog',
      confirmLabel: t('repair.editVariable'),
      body: h('p', null, t('repair.editIntro', { name, old, value: JSON.stringify(parsed.value) })),
      run: async (reason) => {
        await api.put(`/api/instances/${instance.id}/variables/${encodeURIComponent(name)}`, { value: parsed.value, type, reason });
      },
    });
  });

  const element = h('section', { class: 'card repair-panel', 'data-testid': 'repair-panel' },
    h('h2', null, t('repair.title')),
    h('p', { class: 'muted' }, t('repair.intro')),
    h('div', { class: 'actions' }, cancelCase),
    h('h3', null, t('repair.modifyHeading')),
    active.length ? h('fieldset', null, h('legend', null, t('repair.cancelSteps')),
      active.map((id, i) => h('label', { class: 'inline', for: `cancel-${id}` }, cancelBoxes[i], ` ${label(id)}`))) : null,
    h('div', { class: 'filters' },
      h('label', { for: 'modify-mode' }, t('repair.then'), mode),
      h('label', { for: 'modify-target' }, t('repair.step'), target)),
    h('p', { class: 'muted small' }, t('repair.pickFromDiagram')),
    h('label', { for: 'modify-variables' }, t('repair.startVariables'), variablesText),
    modifyError,
    h('div', { class: 'actions' }, modify),
    h('h3', null, t('repair.editHeading')),
    h('div', { class: 'filters' },
      h('label', { for: 'variable-name' }, t('monitor.variableName'), variableName, variableList),
      h('label', { for: 'variable-type' }, t('repair.variableType'), variableType)),
    h('label', { for: 'variable-value' }, t('monitor.variableValue'), variableValue),
    editError,
    h('div', { class: 'actions' }, edit));

  const selectStep = (id: string) => {
    if (!byId.has(id)) return;
    target.value = id;
    if (mode.value === 'none') mode.value = 'startBefore';
    target.focus();
  };
  return { element, selectStep };
}
