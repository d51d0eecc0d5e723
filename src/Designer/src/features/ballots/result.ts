// 表决结果: a closed ballot's result in plain Chinese (GET /api/ballots/{id}/result), for the compound's owners and
// the staff following it: turnout by persons and area against the whole register, and per question the answers by
// persons and area, the majority it needed and whether it passed.
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { hasAnyRole } from '../../app/session';
import {
  formatArea, majorityText, matterText, percent, turnoutText, verdictText, type BallotResult, type QuestionResult,
} from './wording';

function backLink(): HTMLElement {
  const staff = !hasAnyRole(['owner']);
  return h('p', null, h('a', { href: staff ? '#/ballots' : '#/portal/ballots' }, `← ${staff ? t('ballots.back') : t('portal.ballots')}`));
}

function answersTable(result: BallotResult, q: QuestionResult): HTMLElement {
  const row = (label: string, persons: number, area: number) => h('tr', null,
    h('th', { scope: 'row' }, label),
    h('td', null, String(persons), h('br'), h('span', { class: 'muted small' }, percent(persons, result.turnoutHeadcount))),
    h('td', null, formatArea(area), h('br'), h('span', { class: 'muted small' }, percent(area, result.turnoutArea))));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'grid result-table' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('ballots.result.option')),
      h('th', { scope: 'col' }, t('ballots.result.persons')),
      h('th', { scope: 'col' }, t('ballots.result.area')))),
    h('tbody', null,
      row(t('ballot.agree'), q.agreeHeadcount, q.agreeArea),
      row(t('ballot.disagree'), q.disagreeHeadcount, q.disagreeArea),
      row(t('ballot.abstain'), q.abstainHeadcount, q.abstainArea))));
}

export async function renderBallotResult({ outlet, params, signal }: RouteContext): Promise<void> {
  replace(outlet, loading());
  let result: BallotResult;
  try {
    result = await api.get<BallotResult>(`/api/ballots/${encodeURIComponent(params.id ?? '')}/result`, { signal });
  } catch (error) {
    if (signal.aborted) return;
    const text = error instanceof ApiError && error.status === 404 ? t('ballot.notFound')
      : error instanceof ApiError && error.status === 409 ? t('ballots.result.notClosed')
        : error instanceof Error ? error.message : String(error);
    replace(outlet, backLink(), banner(error instanceof ApiError && error.status === 409 ? 'info' : 'error', text));
    return;
  }
  if (signal.aborted) return;

  replace(outlet,
    backLink(),
    h('h1', null, t('ballots.result.title', { title: result.title })),
    h('p', { class: 'muted' }, result.compoundName ?? '', ' · ', t('ballots.closedAt', { at: formatDateTime(result.closedAt) })),
    h('p', null, h('span', { class: `badge ${result.approved ? 'badge-passed' : 'badge-failed'}`, 'data-testid': 'ballot-verdict' },
      result.approved ? t('ballots.result.decided') : t('ballots.result.notDecided'))),
    h('section', { class: 'card', 'data-testid': 'turnout' },
      h('h2', null, t('ballots.result.turnout')),
      h('p', null, turnoutText(result)),
      h('p', { class: 'muted small' }, t('ballots.quorumRule'))),
    result.questions.map((q, index) => h('section', { class: 'card result-question', 'data-question': q.id },
      h('h2', null, `${index + 1}. ${q.text ?? ''}`),
      h('p', { class: 'muted small' }, matterText(q)),
      q.candidates?.length ? h('p', null, t('ballots.candidates', { count: q.candidates.length }), '：', q.candidates.join('、')) : null,
      answersTable(result, q),
      h('p', { class: 'small' }, majorityText(q)),
      h('p', null, h('span', { class: `badge ${q.approved ? 'badge-passed' : 'badge-failed'}`, 'data-testid': 'question-verdict' }, verdictText(result, q))))));
}
