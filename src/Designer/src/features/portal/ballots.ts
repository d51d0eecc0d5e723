// 业主大会表决: an owner's open ballots and his ballot paper. Built against the contract of branch `voting`
// (docs/api-notes.md there): GET /api/ballots?status=open, GET /api/ballots/{id}, POST /api/ballots/{id}/votes.
import type { BallotView } from '../../api/schema';
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { loading } from '../../app/router';
import { majorityText, matterText } from '../ballots/wording';

export type Answer = 'agree' | 'disagree' | 'abstain';

/** A ballot as an owner sees it (GET /api/ballots, GET /api/ballots/{id}); `myVote` is only ever his own vote,
 *  `documents` (the draft rules the owners read before voting) only on the single ballot. */
export type Ballot = BallotView;

export const answers: readonly Answer[] = ['agree', 'disagree', 'abstain'];

/** The questions not answered yet (every question must be answered, as the server requires). */
export function unanswered(ballot: { questions: readonly { id: string }[] }, chosen: Record<string, Answer | undefined>): string[] {
  return ballot.questions.filter((q) => !chosen[q.id]).map((q) => q.id);
}

/** An answer the console knows (the server writes only these). */
function isAnswer(value: string): value is Answer {
  return (answers as readonly string[]).includes(value);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function renderBallots({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('portal.ballots')), loading());
  let list: Ballot[];
  let closed: Ballot[];
  try {
    [list, closed] = await Promise.all([
      api.get<Ballot[]>('/api/ballots', { signal, query: { status: 'open' } }),
      api.get<Ballot[]>('/api/ballots', { signal, query: { status: 'closed' } }),
    ]);
  } catch (error) {
    if (signal.aborted) return;
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 405);
    replace(outlet, h('h1', null, t('portal.ballots')), banner(missing ? 'info' : 'error', missing ? t('ballot.unavailable') : message(error)));
    return;
  }
  if (signal.aborted) return;
  replace(outlet, h('p', null, h('a', { href: '#/portal' }, `← ${t('portal.back')}`)), h('h1', null, t('portal.ballots')),
    list.length === 0 ? h('div', { class: 'empty card', 'data-testid': 'no-ballots' }, t('ballot.none'))
      : h('ul', { class: 'ballot-list' }, list.map((b) => h('li', { class: 'card' },
          h('h2', null, b.title),
          h('p', { class: 'muted' }, `${b.compoundName ?? ''} · ${t('ballot.closesAt', { at: formatDateTime(b.closesAt) })}`),
          b.myVote ? h('span', { class: 'badge status-completed' }, t('ballot.voted')) : null, ' ',
          h('a', { class: 'button primary small', href: `#/portal/ballots/${b.id}` }, b.myVote || !b.canVote ? t('ballot.view') : t('ballot.vote'))))),
    closed.length === 0 ? null : [
      h('h2', null, t('ballots.closedList')),
      h('ul', { class: 'closed-ballot-list', 'data-testid': 'closed-ballots' }, closed.map((b) => h('li', { class: 'card' },
        h('h2', null, b.title),
        h('p', { class: 'muted' }, `${b.compoundName ?? ''} · ${t('ballots.closedAt', { at: formatDateTime(b.closedAt ?? b.closesAt) })}`),
        h('a', { class: 'button primary small', href: `#/portal/ballots/${b.id}/result` }, t('ballots.viewResult'))))),
    ]);
}

export async function renderBallot({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  replace(outlet, loading());
  let ballot: Ballot;
  try {
    ballot = await api.get<Ballot>(`/api/ballots/${encodeURIComponent(params.id ?? '')}`, { signal });
  } catch (error) {
    if (!signal.aborted) replace(outlet, banner('error', error instanceof ApiError && error.status === 404 ? t('ballot.notFound') : message(error)));
    return;
  }
  if (signal.aborted) return;
  const chosen: Record<string, Answer | undefined> = Object.fromEntries(
    Object.entries(ballot.myVote?.answers ?? {}).filter((entry): entry is [string, Answer] => isAnswer(entry[1])));
  const locked = !ballot.canVote || ballot.myVote !== null || ballot.status !== 'open';
  const errors = new Map<string, HTMLElement>();
  const status = h('div', { 'aria-live': 'polite' });
  let dirty = false;

  const questions = ballot.questions.map((q, index) => {
    const error = h('div', { class: 'field-error', role: 'alert', hidden: true });
    errors.set(q.id, error);
    return h('fieldset', { class: 'ballot-question', 'data-question': q.id },
      h('legend', null, `${index + 1}. ${q.text}`, ' ', h('span', { class: 'badge' }, q.matter === 'major' ? t('ballot.major') : t('ballot.ordinary')),
        q.item ? [' ', h('span', { class: 'badge', 'data-testid': 'art278-item' }, t('ballot.art278Item', { item: q.item }))] : null),
      h('p', { class: 'muted small', 'data-testid': 'matter' }, matterText(q)),
      h('p', { class: 'small', 'data-testid': 'majority' }, majorityText(q)),
      q.candidates?.length ? [h('p', { class: 'small' }, t('ballots.candidates', { count: q.candidates.length })),
        h('ul', { class: 'candidates', 'data-testid': 'candidates' }, q.candidates.map((c) => h('li', null, c)))] : null,
      h('div', { class: 'choices' }, answers.map((a) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: `q-${q.id}`, value: a, checked: chosen[q.id] === a, disabled: locked,
          onchange: () => { chosen[q.id] = a; dirty = true; error.hidden = true; } }),
        t(`ballot.${a}`)))),
      error);
  });

  const submit = h('button', { type: 'submit', class: 'primary', disabled: locked, 'data-testid': 'cast-vote' }, t('ballot.cast'));
  const form = h('form', {
    class: 'card', novalidate: true,
    onsubmit: async (event: Event) => {
      event.preventDefault();
      const missing = unanswered(ballot, chosen);
      for (const [id, slot] of errors) {
        slot.hidden = !missing.includes(id);
        slot.textContent = missing.includes(id) ? t('ballot.answerRequired') : '';
      }
      if (missing.length) {
        replace(status, banner('error', t('ballot.answerAll')));
        return;
      }
      if (!window.confirm(t('ballot.confirm'))) return;
      submit.disabled = true;
      try {
        await api.post(`/api/ballots/${ballot.id}/votes`, { answers: chosen });
        dirty = false;
        replace(outlet, banner('success', t('ballot.thanks')), h('a', { class: 'button', href: '#/portal/ballots' }, t('portal.ballots')));
      } catch (error) {
        submit.disabled = false;
        if (error instanceof ApiError) {
          for (const [field, list] of Object.entries(error.problem.fieldErrors)) {
            const slot = errors.get(field.replace(/^answers\./, ''));
            if (slot) {
              slot.hidden = false;
              slot.textContent = list.join(' ');
            }
          }
        }
        replace(status, banner('error', message(error)));
      }
    },
  }, questions, status, h('div', { class: 'form-actions' }, submit));

  replace(outlet,
    h('p', null, h('a', { href: '#/portal/ballots' }, `← ${t('portal.ballots')}`)),
    h('h1', null, ballot.title),
    h('p', { class: 'muted' }, `${ballot.compoundName ?? ''} · ${t('ballot.closesAt', { at: formatDateTime(ballot.closesAt) })} · ${t('ballot.turnout', { cast: ballot.votesCast, total: ballot.eligibleHeadcount })}`),
    ballot.myVote ? banner('info', t('ballot.alreadyVoted', { at: formatDateTime(ballot.myVote.castAt) })) : null,
    !ballot.canVote && !ballot.myVote ? banner('info', t('ballot.cannotVote')) : null,
    ballot.status === 'closed' ? h('p', null, h('a', { class: 'button primary', href: `#/portal/ballots/${ballot.id}/result` }, t('ballots.viewResult'))) : null,
    h('p', { class: 'muted' }, t('ballots.quorumRule')),
    ballot.documents?.length ? h('section', { class: 'card ballot-documents', 'data-testid': 'documents' },
      h('h2', null, t('ballots.documents')),
      h('p', { class: 'muted small' }, t('ballots.documentsHint')),
      ballot.documents.map((d) => h('details', null, h('summary', null, d.title), h('pre', null, d.text)))) : null,
    form,
    h('details', { class: 'ballot-documents' }, h('summary', null, t('ballots.law')), h('p', { class: 'law-text small' }, t('ballots.lawText'))));
  return { isDirty: () => dirty };
}
