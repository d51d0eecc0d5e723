import { registerRoute } from '../../app/routes';
import { renderNotifications } from './page';
import './notifications.css';

export { notificationBell, refreshBell } from './bell';

registerRoute({ path: '/notifications', titleKey: 'notifications.title', roles: [], render: renderNotifications });
