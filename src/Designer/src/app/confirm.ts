// A modal "are you sure?" for actions that cannot be taken back (退回 …), when the reason was already given.
import { h } from './dom';
import { t } from './i18n';

export interface ConfirmOptions {
  title: string;
  /** What will happen (and the reason given), shown above the buttons. */
  body: (Node | string | null)[];
  confirmLabel: string;
  testId: string;
}

/** Shows the question in a modal dialog; resolves true on the confirm button, false on cancel or Escape. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const confirm = h('button', { type: 'button', class: 'primary', 'data-testid': `${options.testId}-ok` }, options.confirmLabel);
    const cancel = h('button', { type: 'button', 'data-testid': `${options.testId}-cancel` }, t('app.cancel'));
    const dialog = h('dialog', { class: 'confirm-dialog', 'data-testid': options.testId, 'aria-label': options.title },
      h('h2', null, options.title), h('div', { class: 'confirm-body' }, options.body), h('div', { class: 'actions' }, cancel, confirm));
    let answered = false;
    const close = (answer: boolean) => {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(answer);
    };
    confirm.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    cancel.focus();
  });
}
