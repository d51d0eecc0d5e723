// One case told for people (GET /api/instances/{id}/timeline): what was done, by whom, when (Beijing time), with the
// 退回 and 转办 reasons, the comments of every step and the attachments; and what happens next and by when. The same
// rendering serves residents (the portal's case page) and officials (the task page, the monitor's case page): the
// server already gives names, never usernames, element ids or variable names.
import type { CaseTimelineCurrentStep, CaseTimelineItem, CaseTimelineResponse, ReturnMarkView } from '../../api/schema';
import { formatDateTime, h } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';

/** The kinds of {@link TimelineItem} the Host writes (its `kind`); the rendering shows others as untitled. */
export type TimelineKind = 'filed' | 'done' | 'returned' | 'delegated' | 'comment' | 'attachment' | 'closed' | 'cancelled';

/** One event of the case; only the fields of its kind are set. */
export type TimelineItem = CaseTimelineItem;

/** The task a 退回 created: from which step, why, by whom, when (also on GET /api/tasks/{id} as `returned`). */
export type ReturnedMark = ReturnMarkView;

/** A step open now: who handles it, by when, whether it is the reader's. */
export type CurrentStep = CaseTimelineCurrentStep;

/** GET /api/instances/{id}/timeline (src/Host/Features/Instances/CaseTimeline.cs). */
export type Timeline = CaseTimelineResponse;

/** A person as shown: the name, or "工作人员" when the server gave none (someone without a display name). */
function person(name: string | null | undefined): string {
  return name && name.trim() ? name : t('timeline.staff');
}

/** Who is to act on a waiting step: its holder, else the roles that may take it, else "工作人员". */
export function handlerOf(step: CurrentStep): string {
  if (step.handler) return step.handler;
  const roles = step.roles.map((r) => {
    const key = `role.${r}` as MessageKey;
    const text = t(key);
    return text === key ? null : text;
  }).filter((r): r is string => r !== null);
  return roles.length ? roles.join(t('timeline.or')) : t('timeline.staff');
}

/**
 * The case's state in plain words for residents: 办理中, 已办结, 已撤销; a case stopped by a failure is "提交未成功，已通知管理员"
 * before any step was done (the filing did not go through), "办理中遇到问题，已通知管理员" after.
 */
export function residentStatus(timeline: Pick<Timeline, 'status'> & { items?: readonly Pick<TimelineItem, 'kind'>[] | undefined }): string {
  if (timeline.status === 'incident') {
    if (!timeline.items) return t('timeline.status.problem');
    return t(timeline.items.some((i) => i.kind === 'done') ? 'timeline.status.stuck' : 'timeline.status.incident');
  }
  const key = `timeline.status.${timeline.status}` as MessageKey;
  const text = t(key);
  return text === key ? t('timeline.status.active') : text;
}

/** The badge of {@link residentStatus}, coloured as the officials' status badge (without items: a list row). */
export function residentStatusBadge(timeline: Pick<Timeline, 'status'> & { items?: readonly Pick<TimelineItem, 'kind'>[] | undefined }): HTMLElement {
  return h('span', { class: `badge status-${timeline.status}` }, residentStatus(timeline));
}

function title(item: TimelineItem): string {
  switch (item.kind) {
    case 'filed': return t('timeline.filed');
    case 'done': return t('timeline.done', { step: item.step ?? t('timeline.aStep') });
    case 'returned': return t('timeline.returned', { from: item.fromStep ?? t('timeline.aStep'), to: item.toStep ?? t('timeline.aStep') });
    case 'delegated': return t('timeline.delegated', { step: item.step ?? t('timeline.aStep'), from: person(item.from), to: person(item.to) });
    case 'comment': return item.step ? t('timeline.commentAt', { step: item.step }) : t('timeline.comment');
    case 'attachment': return t('timeline.attachment');
    // The end's name says how it closed (不予受理, 移送执法结案); an end named just 办结 adds nothing.
    case 'closed': return item.outcome && item.outcome !== t('timeline.closed') && item.outcome !== '办结' ? t('timeline.closedAs', { outcome: item.outcome }) : t('timeline.closed');
    case 'cancelled': return t('timeline.cancelled');
    default: return '';
  }
}

function details(item: TimelineItem): (HTMLElement | null)[] {
  return [
    item.outcome && item.kind === 'done' ? h('p', { class: 'timeline-outcome' }, t('timeline.outcome', { outcome: item.outcome })) : null,
    item.note && item.noteLabel ? h('p', null, `${item.noteLabel}：${item.note}`) : null,
    item.reason ? h('p', { class: 'timeline-reason' }, t('timeline.reason', { reason: item.reason })) : null,
    item.text ? h('p', { class: 'timeline-text' }, item.text) : null,
    item.kind === 'attachment' && item.url
      ? h('p', null, h('a', { href: item.url, target: '_blank', rel: 'noopener', class: 'file-name' }, item.fileName ?? t('timeline.attachment')))
      : null,
  ];
}

/** The list of what happened, oldest first (`data-testid=timeline`). */
export function renderTimeline(timeline: Pick<Timeline, 'items'>): HTMLElement {
  if (timeline.items.length === 0) return h('p', { class: 'muted', 'data-testid': 'timeline' }, t('timeline.empty'));
  return h('ol', { class: 'timeline', 'data-testid': 'timeline' }, timeline.items.map((item) => {
    const by = item.kind === 'closed' || item.kind === 'cancelled' || item.kind === 'delegated' && !item.by ? null : person(item.by);
    return h('li', { class: `timeline-item timeline-${item.kind}`, 'data-kind': item.kind },
      h('div', { class: 'timeline-head' },
        h('strong', null, title(item)),
        h('span', { class: 'timeline-meta muted' }, by ? `${by} · ${formatDateTime(item.at)}` : formatDateTime(item.at))),
      details(item));
  }));
}

/**
 * What happens next and by when (`data-testid=timeline-next`): each waiting step with who is to act and its due date,
 * "请您办理" when it is the reader's own; for an ended case, that nothing more is needed.
 */
export function renderNext(timeline: Pick<Timeline, 'status' | 'current'>, options: { hideTaskLink?: boolean } = {}): HTMLElement {
  if (timeline.current.length === 0) {
    const ended = timeline.status === 'completed' || timeline.status === 'terminated';
    return h('div', { class: 'timeline-next', 'data-testid': 'timeline-next' }, h('p', null, ended ? t('timeline.noNext') : t('timeline.waiting')));
  }
  return h('div', { class: 'timeline-next', 'data-testid': 'timeline-next' }, h('ul', null, timeline.current.map((step) => h('li', { class: step.yours ? 'timeline-yours' : null },
    h('strong', null, step.yours ? t('timeline.yours', { step: step.step }) : t('timeline.nextStep', { step: step.step, handler: handlerOf(step) })),
    step.dueAt ? h('div', null, t(step.yours ? 'timeline.yoursDue' : 'timeline.nextDue', { at: formatDateTime(step.dueAt) }),
      step.dueIsEstimate ? h('span', { class: 'muted' }, ` ${t('timeline.estimate')}`) : null) : null,
    step.yours && !options.hideTaskLink ? h('a', { class: 'button primary small', href: `#/tasks/${step.taskId}`, 'data-testid': 'timeline-go' }, t('timeline.goToTask')) : null))));
}

/** The banner at the top of a task a 退回 created (`data-testid=returned-banner`). */
export function returnedBanner(mark: ReturnedMark): HTMLElement {
  return h('div', { class: 'banner banner-error returned-banner', role: 'status', 'data-testid': 'returned-banner' },
    h('strong', null, t('timeline.returnedBanner', { from: mark.from ?? t('timeline.aStep') })),
    mark.reason ? h('div', null, t('timeline.reason', { reason: mark.reason })) : null,
    h('div', { class: 'muted' }, `${person(mark.by)} · ${formatDateTime(mark.at)}`));
}
