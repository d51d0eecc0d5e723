import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { jurisdictionName, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { confirmDialog } from '../../app/confirm';
import { loading } from '../../app/router';
import { user } from '../../app/session';
import { withFilingLabels } from '../portal/filings';
import { caseInfo, labelsFromXml } from '../common/caseinfo';
import { definitionName, loadDefinitions, loadXml, type DefinitionSummary } from '../common/definitions';
import { diagramLegend, showDiagram } from '../common/diagram';
import { filePicker } from '../common/files';
import { collectVariables, generateForm } from './form';
import { dueBadge, estimateBadge } from './inbox';
import type { Attachment, Delegate, Instance, ReturnTarget, Task } from './types';
import { renderNext, renderTimeline, returnedBanner, type Timeline } from '../common/timeline';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One task: its case, its form, the approval verbs, comments, photos and the diagram. */
export async function renderTask({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  // Owners (residents) answer their own tasks (the satisfaction review) from the portal: they get only their
  // controls — no unclaim, 退回, 转办 or officials' comments — and go back to the portal, not to an inbox.
  const isOwnerOnly = (user()?.roles ?? []).every((r) => r === 'owner');
  const back = isOwnerOnly ? { href: '#/portal', text: t('portal.back') } : { href: '#/tasks', text: t('tasks.backToInbox') };
  replace(outlet, loading());
  await loadJurisdictions();
  let task: Task;
  try {
    task = await api.get<Task>(`/api/tasks/${encodeURIComponent(params.id ?? '')}`, { signal });
  } catch (error) {
    if (signal.aborted) return;
    const gone = error instanceof ApiError && error.status === 404;
    replace(outlet, banner('error', gone ? t('tasks.notFound') : message(error)), h('a', { href: back.href, 'data-testid': 'back' }, back.text));
    return;
  }
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // keys
  }
  let instance: Instance | null = null;
  try {
    instance = await api.get<Instance>(`/api/instances/${task.instanceId}`, { signal });
  } catch {
    // an assignee outside the instance's reach still works the task
  }
  let xml = '';
  try {
    xml = await loadXml(task.definitionKey, instance?.definitionVersion);
  } catch {
    // no diagram then
  }
  if (signal.aborted) return;

  const me = user()?.username;
  const mine = task.assignee === me;
  const fields = task.form?.fields ?? [];
  const form = generateForm(fields, { idPrefix: 'task' });
  const status = h('div', { class: 'task-status', 'aria-live': 'polite' });
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const done = (text: string) => {
    submitted = true;
    replace(outlet, banner('success', text), h('p', null, h('a', { class: 'button primary', href: back.href, 'data-testid': 'back' }, back.text), ' ',
      h('a', { class: 'button', href: `#/cases/${task.instanceId}` }, t('tasks.viewCase'))));
  };
  let submitted = false;

  const act = async (button: HTMLButtonElement, run: () => Promise<void>) => {
    button.disabled = true;
    replace(status);
    try {
      await run();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.problem.fieldErrors).length > 0) {
        const known = new Set(fields.map((f) => f.id));
        form.showErrors(error.problem.fieldErrors);
        const other = Object.entries(error.problem.fieldErrors).filter(([id]) => !known.has(id));
        replace(status, banner('error', other.length ? other.map(([, m]) => m.join(' ')).join(' ') : t('form.fixErrors')));
      } else {
        replace(status, banner('error', message(error)));
      }
    } finally {
      button.disabled = false;
    }
  };

  // Claim / release
  const claimBar = h('div', { class: 'claim-bar' });
  if (!task.assignee) {
    const claim = h('button', { type: 'button', class: 'primary', 'data-testid': 'claim' }, t('tasks.claim'));
    claim.addEventListener('click', () => void act(claim, async () => {
      await api.post(`/api/tasks/${task.id}/claim`);
      reload();
    }));
    replace(claimBar, banner('info', t('tasks.unclaimedHint')), claim);
  } else if (mine && !isOwnerOnly) {
    const release = h('button', { type: 'button', 'data-testid': 'unclaim' }, t('tasks.unclaim'));
    release.addEventListener('click', () => void act(release, async () => {
      await api.post(`/api/tasks/${task.id}/unclaim`);
      reload();
    }));
    replace(claimBar, h('span', { class: 'muted' }, t('tasks.claimedByMe')), ' ', release);
  }

  // Complete
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'complete' }, t('tasks.submit'));
  const taskForm = h('form', {
    class: 'task-form card', novalidate: true,
    onsubmit: (event: Event) => {
      event.preventDefault();
      if (!form.validate()) {
        replace(status, banner('error', t('form.fixErrors')));
        return;
      }
      void act(submit, async () => {
        await api.post(`/api/tasks/${task.id}/complete`, { variables: collectVariables(fields, form.values()) }, { });
        done(t('tasks.completed'));
      });
    },
  },
  h('h2', null, t('tasks.form')),
  fields.length ? form.element : h('p', { class: 'muted' }, t('tasks.noForm')),
  h('div', { class: 'form-actions' }, submit));

  // 退回 and 转办: the official picks the step and the colleague from what the server will accept.
  const returnTarget = h('select', { id: 'return-target', 'data-testid': 'return-target' });
  const returnReason = h('textarea', { id: 'return-reason', rows: 2, maxlength: 500 });
  const returnButton = h('button', { type: 'button', 'data-testid': 'return' }, t('tasks.returnConfirm'));
  const returnBody = h('div', { class: 'verb-body' }, h('p', { class: 'muted' }, t('tasks.loadingChoices')));
  const loadReturnTargets = async () => {
    try {
      const targets = await api.get<ReturnTarget[]>(`/api/tasks/${task.id}/return-targets`);
      if (targets.length === 0) {
        replace(returnBody, h('p', { class: 'muted', 'data-testid': 'no-return-target' }, t('tasks.noReturnTarget')));
        return;
      }
      replace(returnTarget, targets.map((target, index) =>
        h('option', { value: target.activityId, selected: index === 0 }, target.name ? `${target.name}（${target.activityId}）` : target.activityId)));
      replace(returnBody,
        h('p', { class: 'muted' }, t('tasks.returnHint')),
        h('label', { for: 'return-target' }, t('tasks.returnTo'), returnTarget),
        h('label', { for: 'return-reason' }, t('tasks.reason'), returnReason), returnButton);
    } catch (error) {
      replace(returnBody, banner('error', message(error)));
    }
  };
  returnButton.addEventListener('click', () => {
    if (!returnReason.value.trim()) {
      replace(status, banner('error', t('tasks.reasonRequired')));
      returnReason.focus();
      return;
    }
    const label = returnTarget.selectedOptions[0]?.textContent ?? returnTarget.value;
    const reason = returnReason.value.trim();
    void (async () => {
      const sure = await confirmDialog({
        title: t('tasks.returnConfirmTitle'),
        body: [h('p', null, t('tasks.returnConfirmText', { step: label })), h('p', { class: 'quote' }, reason)],
        confirmLabel: t('tasks.returnConfirm'),
        testId: 'return-confirm',
      });
      if (sure) await act(returnButton, async () => {
        await api.post(`/api/tasks/${task.id}/return`, { toActivityId: returnTarget.value, reason });
        done(t('tasks.returned', { step: label }));
      });
    })();
  });

  const delegateSearch = h('input', { id: 'delegate-search', type: 'search', autocomplete: 'off', placeholder: t('tasks.delegateSearchHint') });
  const delegateUser = h('select', { id: 'delegate-user', 'data-testid': 'delegate-user' });
  const delegateReason = h('textarea', { id: 'delegate-reason', rows: 2, maxlength: 500 });
  const delegateButton = h('button', { type: 'button', 'data-testid': 'delegate' }, t('tasks.delegateConfirm'));
  const delegateNone = h('p', { class: 'muted', hidden: true, 'data-testid': 'no-delegate' }, t('tasks.noDelegate'));
  const loadDelegates = async () => {
    try {
      const query = delegateSearch.value.trim();
      const people = await api.get<Delegate[]>(`/api/tasks/${task.id}/delegates?q=${encodeURIComponent(query)}`);
      const chosen = delegateUser.value; // a search typed after choosing keeps the choice while it still matches
      replace(delegateUser,
        h('option', { value: '' }, t('tasks.delegateChoose')),
        people.map((person) => h('option', { value: person.username, selected: person.username === chosen },
          person.displayName ? `${person.displayName}（${person.username}）` : person.username)));
      delegateNone.hidden = people.length > 0;
    } catch (error) {
      replace(status, banner('error', message(error)));
    }
  };
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  delegateSearch.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void loadDelegates(), 250);
  });
  delegateButton.addEventListener('click', () => {
    if (!delegateUser.value || !delegateReason.value.trim()) {
      replace(status, banner('error', t('tasks.delegateRequired')));
      return;
    }
    const name = delegateUser.selectedOptions[0]?.textContent ?? delegateUser.value;
    void act(delegateButton, async () => {
      await api.post(`/api/tasks/${task.id}/delegate`, { username: delegateUser.value, reason: delegateReason.value.trim() });
      done(t('tasks.delegated', { name }));
    });
  });
  // The choices are fetched when a section is opened, not for every task page.
  const once = (load: () => Promise<void>) => {
    let started = false;
    return (event: Event) => {
      if (started || !(event.currentTarget as HTMLDetailsElement).open) return;
      started = true;
      void load();
    };
  };
  const verbs = isOwnerOnly
    ? null
    : h('div', { class: 'verbs' },
        h('details', { class: 'card', 'data-testid': 'return-section', ontoggle: once(loadReturnTargets) }, h('summary', null, t('tasks.return')), returnBody),
        h('details', { class: 'card', 'data-testid': 'delegate-section', ontoggle: once(loadDelegates) }, h('summary', null, t('tasks.delegate')),
          h('label', { for: 'delegate-search' }, t('tasks.delegateSearch'), delegateSearch),
          h('label', { for: 'delegate-user' }, t('tasks.delegateUser'), delegateUser), delegateNone,
          h('label', { for: 'delegate-reason' }, t('tasks.reason'), delegateReason), delegateButton));

  // The case's timeline (steps, 退回, 转办, comments of every step, files) and a comment at this step.
  const timelineBox = h('div', { class: 'task-timeline' }, loading());
  const commentText = h('textarea', { id: 'comment-text', rows: 2, maxlength: 2000 });
  const commentButton = h('button', { type: 'button' }, t('tasks.addComment'));
  const loadTimeline = async () => {
    try {
      const timeline = await api.get<Timeline>(`/api/instances/${task.instanceId}/timeline`);
      replace(timelineBox, h('h3', null, t('timeline.next')), renderNext(timeline, { hideTaskLink: true }), renderTimeline(timeline));
    } catch {
      replace(timelineBox, h('p', { class: 'muted' }, t('timeline.failed')));
    }
  };
  commentButton.addEventListener('click', () => {
    if (!commentText.value.trim()) return;
    void act(commentButton, async () => {
      await api.post(`/api/tasks/${task.id}/comments`, { text: commentText.value.trim() });
      commentText.value = '';
      await loadTimeline();
    });
  });

  // Attachments
  const attachmentList = h('div', { class: 'attachments' });
  const picker = filePicker('attachment-file', 'image/jpeg,image/png,image/webp,application/pdf');
  const uploadButton = h('button', { type: 'button', 'data-testid': 'upload' }, t('tasks.upload'));
  const loadAttachments = async () => {
    try {
      const attachments = await api.get<Attachment[]>(`/api/tasks/${task.id}/attachments`);
      replace(attachmentList, attachmentsView(attachments, !isOwnerOnly));
    } catch (error) {
      replace(attachmentList, banner('error', message(error)));
    }
  };
  uploadButton.addEventListener('click', () => {
    const files = picker.files();
    if (files.length === 0) {
      replace(status, banner('error', t('tasks.chooseFile')));
      return;
    }
    void act(uploadButton, async () => {
      for (const file of files) {
        const body = new FormData();
        body.append('file', file);
        await api.post(`/api/tasks/${task.id}/attachments`, undefined, { body });
      }
      picker.clear();
      await loadAttachments();
    });
  });

  // Diagram and case
  const diagram = h('div', { class: 'diagram-box', 'data-testid': 'task-diagram' });
  const labels = withFilingLabels(task.definitionKey, xml ? labelsFromXml(xml) : new Map());
  const info = caseInfo(task.variables ?? instance?.variables, labels);

  const header = h('div', { class: 'task-header' },
    h('h1', null, task.name || t('tasks.unnamed')),
    h('div', { class: 'task-meta' },
      h('span', null, definitionName(definitions, task.definitionKey)),
      (task.caseNumber ?? task.businessKey) ? h('span', { 'data-testid': 'case-number' }, t('tasks.businessKey', { key: task.caseNumber ?? task.businessKey ?? '' })) : null,
      task.jurisdiction ? h('span', null, jurisdictionName(task.jurisdiction)) : null,
      task.dueAt ? h('span', null, t('tasks.dueAt', { at: formatDateTime(task.dueAt) }), ' ', dueBadge(task.dueAt, task.createdAt), ' ', estimateBadge(task.dueIsEstimate)) : null,
      task.delegatedFrom ? h('span', null, t('tasks.delegatedFrom', { name: task.delegatedFrom })) : null,
    ));

  replace(outlet,
    h('p', null, h('a', { href: back.href, 'data-testid': 'back' }, `← ${back.text}`)),
    header,
    task.returned ? returnedBanner(task.returned) : null,
    claimBar,
    status,
    h('div', { class: 'task-layout' },
      h('div', { class: 'task-main' }, taskForm, verbs,
        h('section', { class: 'card' }, h('h2', null, t('tasks.attachments')), attachmentList,
          h('div', { class: 'upload' }, h('div', { class: 'field-caption' }, t('tasks.chooseFiles')), picker.element, uploadButton)),
        h('section', { class: 'card', 'data-testid': 'task-timeline' }, h('h2', null, t('timeline.commentsTitle')), timelineBox,
          isOwnerOnly ? null : [h('label', { for: 'comment-text' }, t('tasks.newComment'), commentText), commentButton])),
      h('div', { class: 'task-side' },
        h('section', { class: 'card task-case', 'data-testid': 'task-case' }, h('h2', null, t('tasks.case')), info ?? h('p', { class: 'muted' }, t('tasks.noCaseInfo')),
          h('a', { href: `#/cases/${task.instanceId}` }, t('tasks.viewCase'))),
        isOwnerOnly ? null : h('section', { class: 'card task-diagram-card' }, h('h2', null, t('tasks.diagram')), diagram, diagramLegend(false)))),
  );

  void loadTimeline();
  void loadAttachments();
  let disposeDiagram: (() => void) | null = null;
  if (xml && !isOwnerOnly) {
    disposeDiagram = await showDiagram(diagram, xml, {
      completed: instance?.completedActivityIds ?? [],
      active: instance?.activeActivityIds ?? [task.activityId],
      current: [task.activityId],
    });
  } else {
    replace(diagram, h('p', { class: 'muted' }, t('diagram.failed')));
  }
  return { dispose: () => disposeDiagram?.(), isDirty: () => !submitted && form.isDirty() };
}

/** Thumbnails for photos, links for PDFs; who uploaded (a username) only for officials. */
export function attachmentsView(attachments: readonly Attachment[], showUploader = true): HTMLElement {
  if (attachments.length === 0) return h('p', { class: 'muted' }, t('tasks.noAttachments'));
  return h('ul', { class: 'attachment-list' }, attachments.map((a) => {
    const url = `/api/attachments/${a.id}`;
    return h('li', null,
      a.contentType.startsWith('image/')
        ? h('a', { href: url, target: '_blank', rel: 'noopener' }, h('img', { src: url, alt: a.fileName, class: 'thumb' }))
        : null,
      h('a', { href: url, target: '_blank', rel: 'noopener', class: 'file-name' }, a.fileName),
      h('span', { class: 'muted' }, showUploader ? ` ${a.uploadedBy} · ${formatDateTime(a.createdAt)}` : ` ${formatDateTime(a.createdAt)}`));
  }));
}
