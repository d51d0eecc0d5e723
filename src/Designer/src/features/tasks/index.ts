import { registerRoute } from '../../app/routes';
import { renderDone, renderInbox } from './inbox';
import { renderTask } from './task';
import '../common/common.css';

/** Officials who work tasks (owners reach their review task from the portal). */
export const officialRoles = ['admin', 'street-office', 'community', 'property-firm', 'owners-committee', 'enforcement-station', 'housing-bureau', 'department'] as const;

registerRoute({ path: '/tasks', titleKey: 'tasks.title', roles: officialRoles, nav: true, order: 10, render: renderInbox });
registerRoute({ path: '/tasks/done', titleKey: 'tasks.done', roles: officialRoles, render: renderDone });
registerRoute({ path: '/tasks/:id', titleKey: 'tasks.task', roles: [], render: renderTask });
