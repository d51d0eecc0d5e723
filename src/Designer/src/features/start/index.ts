import { registerRoute } from '../../app/routes';
import { renderStart, renderStartList } from './page';

export { startCards } from './page';

/**
 * 发起事项: the list is in the navigation for roles whose work starts procedures outside the portal (the housing
 * bureau's quarterly assessment) and administrators; the portal shows the same procedures as cards to its users. Each
 * procedure's page is open to every signed-in user: it shows the form only to those the server lets start it.
 */
registerRoute({ path: '/start', titleKey: 'start.title', roles: ['housing-bureau', 'admin'], nav: true, order: 50, render: renderStartList });
registerRoute({ path: '/start/:key', titleKey: 'start.title', roles: [], render: renderStart });
