import { registerRoute } from '../../app/routes';
import { renderBoard, renderStatistics } from './board';
import { renderInstance, supervisorRoles } from './instance';
import { renderMonitor } from './list';
import { renderMigrate } from './migrate';
import '../common/common.css';

registerRoute({ path: '/monitor', titleKey: 'monitor.title', roles: supervisorRoles, nav: true, order: 30, render: renderMonitor });
registerRoute({ path: '/monitor/board', titleKey: 'monitor.tab.board', roles: supervisorRoles, render: renderBoard });
registerRoute({ path: '/monitor/migrate', titleKey: 'migrate.title', roles: ['admin'], render: renderMigrate });
registerRoute({ path: '/monitor/statistics', titleKey: 'monitor.tab.statistics', roles: supervisorRoles, render: renderStatistics });
// A case's page: supervisors get the journal, jobs and incidents too; the server decides who may see the case.
registerRoute({ path: '/cases/:id', titleKey: 'monitor.case', roles: [], render: renderInstance });
