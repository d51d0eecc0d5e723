import { registerRoute } from '../../app/routes';
import '../common/common.css';
import './ballots.css';
import { renderBallotResult } from './result';
import { renderStaffBallot, renderStaffBallots } from './staff';

/** Staff who follow the owners' ballots of their area (the server filters by jurisdiction). */
export const ballotStaffRoles = ['community', 'street-office', 'owners-committee', 'housing-bureau', 'admin'] as const;

registerRoute({ path: '/ballots', titleKey: 'ballots.title', roles: ballotStaffRoles, nav: true, order: 25, render: renderStaffBallots });
registerRoute({ path: '/ballots/:id', titleKey: 'ballots.title', roles: ballotStaffRoles, render: renderStaffBallot });
// Under the owner's ballot pages (#/portal/ballots/...), so that an owner's links stay in the portal.
registerRoute({ path: '/portal/ballots/:id/result', titleKey: 'ballots.result', roles: ['owner', ...ballotStaffRoles], render: renderBallotResult });
