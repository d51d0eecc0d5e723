import type { DepartmentsView, ListUsersResponse, UserView as ApiUserView } from '../../api/schema';
import { api } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { roleName, t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { allRoles, byPath, fetchTree, jurisdictionOptions, pathName } from './common';
import { field, openDialog } from './dialog';

/** GET /api/users items. */
export type UserView = ApiUserView;

type UserPage = ListUsersResponse;

type Department = DepartmentsView;

/** 用户管理: filter, create, edit roles/jurisdictions, lock/unlock, reset password, delete. */
export async function renderUsers({ outlet, query, signal, user }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('admin.users.title')), loading());
  const [nodes, departments] = await Promise.all([fetchTree(signal), api.get<Department[]>('/api/registry/departments', { signal })]);
  if (signal.aborted) return;
  const names = byPath(nodes);

  const text = h('input', { type: 'search', id: 'users-text', value: query.get('text') ?? '', placeholder: t('admin.users.searchHint'), maxlength: '100' }) as HTMLInputElement;
  const role = h('select', { id: 'users-role' }, h('option', { value: '' }, t('admin.users.anyRole')), allRoles.map((r) => h('option', { value: r, selected: query.get('role') === r }, roleName(r)))) as HTMLSelectElement;
  const area = h('select', { id: 'users-jurisdiction' }, h('option', { value: '' }, t('admin.users.anyJurisdiction')), jurisdictionOptions(nodes, [query.get('jurisdiction') ?? ''])) as HTMLSelectElement;
  const message = h('div', { 'data-testid': 'users-message' });
  const list = h('div', null, loading());
  let page = Number(query.get('page') ?? '1') || 1;

  const load = async () => {
    replace(list, loading());
    try {
      const result = await api.get<UserPage>('/api/users', { signal, query: { text: text.value.trim(), role: role.value, jurisdiction: area.value, page, pageSize: 20 } });
      if (signal.aborted) return;
      replace(list, table(result), pager(result));
    } catch (error) {
      replace(list, banner('error', error instanceof Error ? error.message : String(error)));
    }
  };
  const done = async (note: string) => {
    replace(message, banner('success', note));
    await load();
  };

  const table = (result: UserPage) => {
    if (result.items.length === 0) return h('p', { class: 'empty' }, t('admin.users.none'));
    return h('table', { class: 'grid stack', 'data-testid': 'users-table' },
      h('thead', null, h('tr', null, (['admin.users.col.name', 'admin.users.col.roles', 'admin.users.col.jurisdictions', 'admin.users.col.status', 'admin.users.col.actions'] as const).map((k) => h('th', null, t(k))))),
      h('tbody', null, result.items.map((u) => h('tr', { 'data-username': u.username },
        h('td', { 'data-label': t('admin.users.col.name') }, h('span', { class: 'user-name' }, u.displayName || u.username), h('span', { class: 'user-login' }, u.username)),
        h('td', { 'data-label': t('admin.users.col.roles') }, u.roles.map(roleName).join('、') || '—',
          u.departmentId ? h('span', { class: 'user-login' }, departments.find((d) => d.id === u.departmentId)?.name ?? u.departmentId) : null),
        h('td', { 'data-label': t('admin.users.col.jurisdictions') }, u.jurisdictions.map((p) => pathName(p, names)).join('；') || '—'),
        h('td', { 'data-label': t('admin.users.col.status') }, u.lockedOut ? h('span', { class: 'badge badge-locked' }, t('admin.users.locked')) : h('span', { class: 'badge' }, t('admin.users.active'))),
        h('td', { 'data-label': t('admin.users.col.actions') }, h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', onclick: () => editUser(u) }, t('admin.users.edit')),
          u.lockedOut
            ? h('button', { type: 'button', class: 'small', onclick: () => unlockUser(u) }, t('admin.users.unlock'))
            : h('button', { type: 'button', class: 'small', disabled: u.username === user?.username, onclick: () => lockUser(u) }, t('admin.users.lock')),
          h('button', { type: 'button', class: 'small', onclick: () => resetPassword(u) }, t('admin.users.resetPassword')),
          h('button', { type: 'button', class: 'small danger', disabled: u.username === user?.username, onclick: () => deleteUser(u) }, t('admin.users.delete'))))))));
  };

  const pager = (result: UserPage) => {
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    return h('div', { class: 'pager' },
      h('span', { class: 'muted' }, t('admin.users.count', { total: result.total })),
      h('button', { type: 'button', disabled: page <= 1, onclick: () => { page -= 1; void load(); } }, t('admin.previous')),
      h('span', null, `${page} / ${pages}`),
      h('button', { type: 'button', disabled: page >= pages, onclick: () => { page += 1; void load(); } }, t('admin.next')));
  };

  const userForm = (existing: UserView | null) => {
    const username = h('input', { type: 'text', name: 'username', autocomplete: 'off', maxlength: '64', value: existing?.username ?? '', disabled: existing !== null }) as HTMLInputElement;
    const displayName = h('input', { type: 'text', name: 'displayName', maxlength: '100', value: existing?.displayName ?? '' }) as HTMLInputElement;
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', maxlength: '256' }) as HTMLInputElement;
    const roles = h('div', { class: 'checks' }, allRoles.map((r) => h('label', null,
      h('input', { type: 'checkbox', name: 'roles', value: r, checked: existing?.roles.includes(r) ?? false }), roleName(r))));
    const jurisdictions = h('select', { name: 'jurisdictions', multiple: true, size: 10 }, jurisdictionOptions(nodes, existing?.jurisdictions ?? [])) as HTMLSelectElement;
    const department = h('select', { name: 'departmentId' }, h('option', { value: '' }, t('admin.users.noDepartment')),
      departments.map((d) => h('option', { value: d.id, selected: existing?.departmentId === d.id }, d.name))) as HTMLSelectElement;
    const body = [
      field('username', t('admin.users.username'), username, existing ? undefined : t('admin.users.usernameHint')),
      field('displayName', t('admin.users.displayName'), displayName),
      existing ? null : field('password', t('admin.users.password'), password, t('admin.users.passwordHint')),
      h('div', { class: 'field', 'data-field': 'roles' }, h('span', { class: 'field-caption' }, t('admin.users.roles')), roles),
      field('jurisdictions', t('admin.users.jurisdictions'), jurisdictions, t('admin.users.jurisdictionsHint')),
      field('departmentId', t('admin.users.department'), department, t('admin.users.departmentHint')),
    ].filter((x): x is HTMLElement => x !== null);
    const values = () => ({
      username: username.value.trim(),
      displayName: displayName.value,
      password: password.value,
      roles: [...roles.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value),
      jurisdictions: [...jurisdictions.selectedOptions].map((o) => o.value),
      departmentId: department.value,
    });
    return { body, values };
  };

  const createUser = () => {
    const form = userForm(null);
    openDialog({
      title: t('admin.users.create'), testId: 'user-create', body: form.body, confirmLabel: t('admin.users.createConfirm'),
      async onConfirm() {
        const created = await api.post<UserView>('/api/users', form.values());
        await done(t('admin.users.created', { name: created.displayName, username: created.username }));
      },
    });
  };

  const editUser = (existing: UserView) => {
    const form = userForm(existing);
    openDialog({
      title: t('admin.users.editTitle', { name: existing.displayName || existing.username }), testId: 'user-edit', body: form.body, confirmLabel: t('admin.save'),
      async onConfirm() {
        const { displayName, roles, jurisdictions, departmentId } = form.values();
        await api.put<UserView>(`/api/users/${encodeURIComponent(existing.username)}`, { displayName, roles, jurisdictions, departmentId });
        await done(t('admin.users.saved', { name: displayName }));
      },
    });
  };

  const lockUser = (target: UserView) => {
    openDialog({
      title: t('admin.users.lockTitle', { name: target.displayName }), testId: 'user-lock', danger: true, confirmLabel: t('admin.users.lock'),
      body: [h('p', null, t('admin.users.lockExplain', { name: target.displayName, username: target.username }))],
      async onConfirm() {
        await api.post(`/api/users/${encodeURIComponent(target.username)}/lock`);
        await done(t('admin.users.lockedNote', { name: target.displayName }));
      },
    });
  };

  const unlockUser = async (target: UserView) => {
    try {
      await api.post(`/api/users/${encodeURIComponent(target.username)}/unlock`);
      await done(t('admin.users.unlockedNote', { name: target.displayName }));
    } catch (error) {
      replace(message, banner('error', error instanceof Error ? error.message : String(error)));
    }
  };

  const resetPassword = (target: UserView) => {
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', maxlength: '256' }) as HTMLInputElement;
    openDialog({
      title: t('admin.users.resetTitle', { name: target.displayName }), testId: 'user-password', confirmLabel: t('admin.users.resetPassword'),
      body: [h('p', { class: 'muted' }, t('admin.users.resetExplain')), field('password', t('admin.users.newPassword'), password, t('admin.users.passwordHint'))],
      async onConfirm() {
        await api.post(`/api/users/${encodeURIComponent(target.username)}/password`, { password: password.value });
        await done(t('admin.users.resetNote', { name: target.displayName }));
      },
    });
  };

  const deleteUser = (target: UserView) => {
    openDialog({
      title: t('admin.users.deleteTitle', { name: target.displayName }), testId: 'user-delete', danger: true, confirmLabel: t('admin.users.delete'),
      body: [h('p', null, t('admin.users.deleteExplain', { name: target.displayName, username: target.username }))],
      async onConfirm() {
        await api.delete(`/api/users/${encodeURIComponent(target.username)}`);
        await done(t('admin.users.deletedNote', { name: target.displayName }));
      },
    });
  };

  const filter = h('form', { class: 'admin-toolbar', 'data-testid': 'users-filter' },
    h('label', { for: 'users-text' }, t('admin.users.search'), text),
    h('label', { for: 'users-role' }, t('admin.users.role'), role),
    h('label', { for: 'users-jurisdiction' }, t('admin.users.jurisdiction'), area),
    h('button', { type: 'submit' }, t('admin.users.filter')),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', class: 'primary', 'data-testid': 'user-new', onclick: createUser }, t('admin.users.create')));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    void load();
  });
  role.addEventListener('change', () => { page = 1; void load(); });
  area.addEventListener('change', () => { page = 1; void load(); });

  replace(outlet, h('div', { class: 'admin-page' }, h('p', null, h('a', { href: '#/admin' }, t('admin.back'))), h('h1', null, t('admin.users.title')), filter, message, list));
  await load();
}

