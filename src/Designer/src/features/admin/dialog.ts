import { ApiError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';

/**
 * Shows the server's field errors next to the fields (elements marked `data-field="<name>"`), and everything else
 * (the problem's detail, fields without a place) in `message`.
 */
export function showProblem(form: HTMLElement, message: HTMLElement, error: unknown): void {
  for (const old of form.querySelectorAll('.field-error')) old.remove();
  for (const old of form.querySelectorAll('.invalid')) old.classList.remove('invalid');
  if (!(error instanceof ApiError)) {
    replace(message, banner('error', String(error instanceof Error ? error.message : error)));
    return;
  }
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(error.problem.fieldErrors)) {
    const place = [...form.querySelectorAll<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)].find((el) => !el.closest('[hidden]'));
    if (!place) {
      unplaced.push(...messages);
      continue;
    }
    place.classList.add('invalid');
    place.append(h('div', { class: 'field-error', role: 'alert' }, messages.join(' ')));
  }
  const hasFields = Object.keys(error.problem.fieldErrors).length > 0;
  const text = [hasFields ? t('admin.fixFields') : error.message, ...unplaced].filter(Boolean).join(' ');
  replace(message, banner('error', text));
}

export interface DialogOptions {
  title: string;
  testId: string;
  /** The form's content (fields, explanations). */
  body: (Node | string)[];
  confirmLabel: string;
  danger?: boolean;
  /** An information dialog: only the confirm button (e.g. 关闭). */
  noCancel?: boolean;
  /** Runs on confirm; an error keeps the dialog open and is shown in it (fields marked). */
  onConfirm(form: HTMLFormElement): Promise<void>;
}

/** A modal dialog with a form, Confirm and Cancel; closes on success. */
export function openDialog(options: DialogOptions): HTMLDialogElement {
  const message = h('div', { class: 'dialog-message' });
  const confirm = h('button', { type: 'submit', class: options.danger ? 'button danger' : 'button primary', 'data-testid': `${options.testId}-confirm` }, options.confirmLabel);
  const cancel = h('button', { type: 'button', class: 'button' }, t('admin.cancel'));
  const form = h('form', { class: 'admin-form', novalidate: true }, ...options.body, message, h('div', { class: 'form-actions' }, confirm, options.noCancel ? null : cancel));
  const dialog = h('dialog', { class: 'admin-dialog', 'data-testid': options.testId, 'aria-label': options.title }, h('h2', null, options.title), form);
  const close = () => {
    if (dialog.open) dialog.close();
    dialog.remove();
  };
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', () => dialog.remove());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      await options.onConfirm(form);
      close();
    } catch (error) {
      showProblem(form, message, error);
    } finally {
      confirm.disabled = false;
    }
  });
  document.body.append(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  return dialog;
}

/** A labelled field wrapper that server errors for `name` attach to. */
export function field(name: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
  control.id = id;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id, class: 'field-caption' }, label),
    control,
    hint ? h('span', { class: 'field-hint muted' }, hint) : null);
}
