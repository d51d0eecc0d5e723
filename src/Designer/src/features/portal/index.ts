import { registerRoute } from '../../app/routes';
import { renderBallot, renderBallots } from './ballots';
import { renderFiling, renderPortal } from './portal';
import '../common/common.css';

export const portalRoles = ['owner', 'property-firm', 'owners-committee'] as const;

/**
 * Who reaches the 办事大厅 and its filing forms: the filers, and community and street staff, who file for others
 * (a 12345 caller's complaint, an emergency repair); the server decides what each may start.
 */
export const filingRoles = [...portalRoles, 'community', 'street-office'] as const;

registerRoute({ path: '/portal', titleKey: 'portal.title', roles: filingRoles, nav: true, order: 5, render: renderPortal });
registerRoute({ path: '/portal/new/:key', titleKey: 'portal.new', roles: filingRoles, render: renderFiling });
registerRoute({ path: '/portal/ballots', titleKey: 'portal.ballots', roles: ['owner'], render: renderBallots });
registerRoute({ path: '/portal/ballots/:id', titleKey: 'portal.ballot', roles: ['owner'], render: renderBallot });
