import { h } from '../../app/dom';
import { t } from '../../app/i18n';

export interface FilePicker {
  element: HTMLElement;
  input: HTMLInputElement;
  files(): File[];
  clear(): void;
}

/**
 * A file chooser with Chinese text: the browser's own button speaks the browser's language ("Choose Files"),
 * so the input is visually hidden behind a labelled button, and the chosen names are listed.
 */
export function filePicker(id: string, accept: string, multiple = true): FilePicker {
  const input = h('input', { type: 'file', id, accept, multiple, class: 'visually-hidden' });
  const chosen = h('span', { class: 'muted file-names' }, t('files.none'));
  const update = () => {
    const names = Array.from(input.files ?? []).map((f) => f.name);
    chosen.textContent = names.length ? names.join('、') : t('files.none');
  };
  input.addEventListener('change', update);
  const button = h('label', { for: id, class: 'button file-button' }, t('files.choose'));
  return {
    element: h('div', { class: 'file-picker' }, input, button, chosen),
    input,
    files: () => Array.from(input.files ?? []),
    clear: () => {
      input.value = '';
      update();
    },
  };
}
