import { h } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'incident';

export function statusBadge(status: string): HTMLElement {
  const key = `status.${status}` as MessageKey;
  return h('span', { class: `badge status-${status}` }, t(key) || status);
}
