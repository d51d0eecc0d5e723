import './designer.css';
import { registerRoute } from '../../app/routes';
import { renderEditor } from './editor-page';
import { renderHistory } from './history-page';
import { renderList } from './list-page';

// 流程设计: administrators list, edit, deploy and compare process definitions.
const roles = ['admin'];

registerRoute({ path: '/designer', titleKey: 'designer.title', roles, nav: true, order: 10, render: renderList });
registerRoute({ path: '/designer/new', titleKey: 'designer.new', roles, render: renderEditor });
registerRoute({ path: '/designer/:key/history', titleKey: 'designer.history', roles, render: renderHistory });
registerRoute({ path: '/designer/:key', titleKey: 'designer.title', roles, render: renderEditor });
