import { h, replace } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';
import { registerRoute } from '../../app/routes';
import './admin.css';
import { renderCompounds } from './compounds';
import { renderJurisdictions } from './jurisdictions';
import { renderRegister } from './register';
import { renderUsers } from './users';

/** The 管理 menu's entries: path, title, one line of what it is for. */
const entries: { href: string; title: MessageKey; text: MessageKey; testId: string }[] = [
  { href: '#/admin/users', title: 'admin.users.title', text: 'admin.menu.users', testId: 'admin-users' },
  { href: '#/admin/jurisdictions', title: 'admin.tree.title', text: 'admin.menu.tree', testId: 'admin-tree' },
  { href: '#/admin/compounds', title: 'admin.compounds.title', text: 'admin.menu.compounds', testId: 'admin-compounds' },
  { href: '#/register', title: 'register.title', text: 'admin.menu.register', testId: 'admin-register' },
  { href: '#/calendar', title: 'calendar.title', text: 'admin.menu.calendar', testId: 'admin-calendar' },
];

registerRoute({
  path: '/admin', titleKey: 'admin.title', roles: ['admin'], nav: true, order: 58,
  render({ outlet }) {
    replace(outlet, h('div', { class: 'admin-page' },
      h('h1', null, t('admin.title')),
      h('ul', { class: 'admin-links', 'data-testid': 'admin-menu', style: 'padding:0' }, entries.map((e) => h('li', { style: 'list-style:none' },
        h('a', { class: 'card', href: e.href, 'data-testid': e.testId }, h('strong', null, t(e.title)), h('span', { class: 'muted' }, t(e.text))))))));
  },
});
registerRoute({ path: '/admin/users', titleKey: 'admin.users.title', roles: ['admin'], render: renderUsers });
registerRoute({ path: '/admin/jurisdictions', titleKey: 'admin.tree.title', roles: ['admin'], render: renderJurisdictions });
registerRoute({ path: '/admin/compounds', titleKey: 'admin.compounds.title', roles: ['admin'], render: renderCompounds });
registerRoute({ path: '/register', titleKey: 'register.title', roles: ['admin', 'street-office', 'community'], nav: true, order: 57, render: renderRegister });
