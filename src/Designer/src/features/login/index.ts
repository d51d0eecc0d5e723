import { ApiError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { registerRoute } from '../../app/routes';
import { login, takeExpiredNotice } from '../../app/session';

registerRoute({
  path: '/login',
  titleKey: 'login.title',
  roles: [],
  public: true,
  render({ outlet, query }) {
    const message = h('div', { class: 'login-message' });
    if (takeExpiredNotice()) replace(message, banner('info', t('app.sessionExpired')));

    const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));

    const form = h(
      'form',
      {
        class: 'login-form card',
        novalidate: true,
        onsubmit: async (event: Event) => {
          event.preventDefault();
          if (!username.value.trim() || !password.value) {
            replace(message, banner('error', t('login.required')));
            return;
          }
          submit.disabled = true;
          try {
            await login(username.value.trim(), password.value);
            const next = query.get('next');
            location.hash = next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/';
          } catch (error) {
            const text =
              error instanceof ApiError && error.status === 401 ? t('login.failed') : error instanceof Error ? error.message : String(error);
            replace(message, banner('error', text));
          } finally {
            submit.disabled = false;
          }
        },
      },
      h('h1', null, t('login.title')),
      message,
      h('label', null, t('login.username'), username),
      h('label', null, t('login.password'), password),
      submit,
    );
    replace(outlet, h('div', { class: 'login-page' }, form));
  },
});
