import { registerRoute } from '../../app/routes';
import { renderBallot, renderBallots } from './ballots';
import { renderFiling, renderPortal } from './portal';
import '../common/common.css';

export const portalRoles = ['owner', 'property-firm', 'owners-committee'] as const;

registerRoute({ path: '/portal', titleKey: 'portal.title', roles: portalRoles, nav: true, order: 5, render: renderPortal });
registerRoute({ path: '/portal/new/:key', titleKey: 'portal.new', roles: portalRoles, render: renderFiling });
registerRoute({ path: '/portal/ballots', titleKey: 'portal.ballots', roles: ['owner'], render: renderBallots });
registerRoute({ path: '/portal/ballots/:id', titleKey: 'portal.ballot', roles: ['owner'], render: renderBallot });
