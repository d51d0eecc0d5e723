// 业主表决 for staff: the ballots of the compounds in their area (GET /api/ballots), and a ballot's page with the
// owners' register and who has voted by which channel (GET /api/ballots/{id}/electors), where community and street
// office staff enter a paper or proxy vote with its scan (POST /api/ballots/{id}/scans, then .../paper-votes).
import type { BallotView, PaperVotesElectorRow, TaskAttachmentsAttachmentView } from '../../api/schema';
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { hasAnyRole } from '../../app/session';
import { filePicker } from '../common/files';
import { channelText, formatArea, majorityText, matterText, type Answer, type BallotQuestion } from './wording';

/** A ballot in the staff's list (GET /api/ballots); `status` is open or closed. */
export type BallotSummary = BallotView;

/** An owner of the ballot's register (GET /api/ballots/{id}/electors); `kind` is account, person or developer. */
export type Elector = PaperVotesElectorRow;

/** Who enters paper and proxy votes (the server checks it again, with the jurisdiction). */
export const entryRoles = ['community', 'street-office'] as const;

const answers: readonly Answer[] = ['agree', 'disagree', 'abstain'];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The elector's name as staff read it: the register's name, the developer in words, never a raw key. */
export function electorName(elector: Pick<Elector, 'name' | 'kind'>): string {
  if (elector.kind === 'developer') return elector.name ? `${elector.name}（${t('ballots.unsold')}）` : t('ballots.developer');
  return elector.name ?? '—';
}

/** Staff's search over the register: a name or a unit number, ignoring spaces. */
export function matchesElector(elector: Pick<Elector, 'name' | 'kind' | 'unitNumbers'>, query: string): boolean {
  const wanted = query.replace(/\s+/g, '');
  if (!wanted) return true;
  return electorName(elector).includes(wanted) || elector.unitNumbers.some((n) => n.includes(wanted));
}

function progress(b: Pick<BallotSummary, 'votesCast' | 'eligibleHeadcount' | 'turnoutArea' | 'eligibleArea'>): string {
  return t('ballots.progress', { persons: b.votesCast, allPersons: b.eligibleHeadcount, area: formatArea(b.turnoutArea), allArea: formatArea(b.eligibleArea) });
}

function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge ${status === 'open' ? 'badge-open' : 'status-completed'}`, 'data-testid': 'ballot-status' },
    status === 'open' ? t('ballots.open') : t('ballots.closed'));
}

export async function renderStaffBallots({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('ballots.title')), loading());
  let list: BallotSummary[];
  try {
    list = await api.get<BallotSummary[]>('/api/ballots', { signal });
  } catch (error) {
    if (!signal.aborted) replace(outlet, h('h1', null, t('ballots.title')), banner('error', message(error)));
    return;
  }
  if (signal.aborted) return;
  replace(outlet,
    h('h1', null, t('ballots.title')),
    h('p', { class: 'muted' }, t('ballots.intro')),
    list.length === 0 ? h('div', { class: 'empty card', 'data-testid': 'no-ballots' }, t('ballots.none'))
      : h('ul', { class: 'ballot-list', 'data-testid': 'staff-ballots' }, list.map((b) => h('li', { class: 'card ballot-card', 'data-ballot': b.id },
          h('div', { class: 'ballot-card-head' }, statusBadge(b.status), ' ', h('strong', null, b.compoundName ?? '')),
          h('h2', null, b.title),
          h('p', { class: 'muted' }, b.status === 'open'
            ? t('ballot.closesAt', { at: formatDateTime(b.closesAt) })
            : t('ballots.closedAt', { at: formatDateTime(b.closedAt ?? b.closesAt) })),
          h('p', null, progress(b)),
          h('div', { class: 'form-actions' },
            h('a', { class: 'button primary', href: `#/ballots/${b.id}` }, t('ballots.openBallot')),
            b.status === 'closed' ? h('a', { class: 'button', href: `#/portal/ballots/${b.id}/result` }, t('ballots.result')) : null)))));
}

export async function renderStaffBallot({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  replace(outlet, loading());
  const id = encodeURIComponent(params.id ?? '');
  let ballot: BallotSummary;
  // The register is for community and street office staff and auditors; an owners' committee follows the counts only.
  let electors: Elector[] | null;
  const register = (options: { signal?: AbortSignal }) => api.get<Elector[]>(`/api/ballots/${id}/electors`, options)
    .catch((error: unknown) => { if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null; throw error; });
  try {
    [ballot, electors] = await Promise.all([api.get<BallotSummary>(`/api/ballots/${id}`, { signal }), register({ signal })]);
  } catch (error) {
    if (!signal.aborted) replace(outlet, h('p', null, h('a', { href: '#/ballots' }, `← ${t('ballots.back')}`)),
      banner('error', error instanceof ApiError && error.status === 404 ? t('ballot.notFound') : message(error)));
    return;
  }
  if (signal.aborted) return;

  const mayEnter = hasAnyRole(entryRoles) && ballot.status === 'open';
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'entry-status' });
  const summary = h('p', null, progress(ballot));
  const registerList = h('ul', { class: 'elector-list', 'data-testid': 'electors' });
  const entry = h('section', { class: 'card entry-card', 'data-testid': 'paper-entry' });
  let dirty = false;
  let query = '';

  const search = h('input', { type: 'search', placeholder: t('ballots.search'), 'aria-label': t('ballots.search'),
    oninput: () => { query = search.value; drawRegister(); } });

  function drawRegister(): void {
    const rows = (electors ?? []).filter((e) => matchesElector(e, query));
    replace(registerList, rows.map((e) => h('li', { class: 'elector', 'data-owner-name': electorName(e) },
      h('div', { class: 'elector-main' },
        h('strong', null, electorName(e)),
        h('span', { class: 'muted' }, e.unitNumbers.length ? t('ballots.units', { units: e.unitNumbers.join('、') }) : t('ballots.unitCount', { count: e.units })),
        h('span', { class: 'muted' }, formatArea(e.area))),
      h('div', { class: 'elector-side' },
        e.voted
          ? h('span', { class: 'badge status-completed', 'data-testid': 'voted' }, t('ballots.votedBy', { channel: channelText(e.channel) }))
          : h('span', { class: 'badge' }, t('ballots.notVoted')),
        mayEnter && !e.voted ? h('button', { type: 'button', class: 'primary', 'data-testid': 'enter-paper', onclick: () => openEntry(e) }, t('ballots.enter')) : null))));
  }

  function closeEntry(): void {
    dirty = false;
    replace(entry, h('p', { class: 'muted' }, mayEnter ? t('ballots.entry.pick') : ballot.status === 'open' ? t('ballots.entry.staffOnly') : t('ballots.entry.closedHint')));
  }

  function openEntry(elector: Elector): void {
    const name = electorName(elector);
    const chosen: Record<string, Answer | undefined> = {};
    const errors = new Map<string, HTMLElement>();
    let channel: 'paper' | 'proxy' = 'paper';
    dirty = true;

    const proxyError = h('div', { class: 'field-error', role: 'alert', hidden: true });
    const proxyName = h('input', { id: 'proxy-name', maxlength: 100, autocomplete: 'off' });
    const proxyField = h('label', { hidden: true }, t('ballots.entry.proxyName'), proxyName, proxyError);
    const channels = h('fieldset', { class: 'ballot-question' },
      h('legend', null, t('ballots.entry.channel')),
      h('div', { class: 'choices stacked' }, (['paper', 'proxy'] as const).map((c) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'channel', value: c, checked: c === 'paper',
          onchange: () => { channel = c; proxyField.hidden = c !== 'proxy'; proxyError.hidden = true; } }),
        t(`ballots.entry.${c}`)))));
    const questions = ballot.questions.map((q, index) => {
      const error = h('div', { class: 'field-error', role: 'alert', hidden: true });
      errors.set(q.id, error);
      return h('fieldset', { class: 'ballot-question', 'data-question': q.id },
        h('legend', null, `${index + 1}. ${q.text}`),
        h('p', { class: 'muted small' }, matterText(q), ' · ', majorityText(q)),
        h('div', { class: 'choices' }, answers.map((a) => h('label', { class: 'choice' },
          h('input', { type: 'radio', name: `entry-${q.id}`, value: a, onchange: () => { chosen[q.id] = a; error.hidden = true; replace(formStatus); } }),
          t(`ballot.${a}`)))),
        error);
    });
    const scan = filePicker('paper-scan', 'image/*,application/pdf', false);
    const scanError = h('div', { class: 'field-error', role: 'alert', hidden: true });
    scan.input.addEventListener('change', () => { scanError.hidden = true; replace(formStatus); });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-paper' }, t('ballots.entry.submit'));
    const formStatus = h('div', { 'aria-live': 'polite' });

    const form = h('form', {
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        let ok = true;
        for (const q of ballot.questions) {
          const missing = !chosen[q.id];
          const slot = errors.get(q.id)!;
          slot.hidden = !missing;
          slot.textContent = missing ? t('ballot.answerRequired') : '';
          if (missing) ok = false;
        }
        const proxy = proxyName.value.trim();
        proxyError.hidden = !(channel === 'proxy' && !proxy);
        proxyError.textContent = proxyError.hidden ? '' : t('ballots.entry.proxyNameRequired');
        if (!proxyError.hidden) ok = false;
        const file = scan.files()[0];
        scanError.hidden = file !== undefined;
        scanError.textContent = file ? '' : t('ballots.entry.scanRequired');
        if (!file) ok = false;
        if (!ok || !file) {
          replace(formStatus, banner('error', t('ballot.answerAll')));
          return;
        }
        if (!window.confirm(t('ballots.entry.confirm', { name, channel: channelText(channel) }))) return;
        submit.disabled = true;
        try {
          const body = new FormData();
          body.append('file', file);
          const uploaded = await api.post<TaskAttachmentsAttachmentView>(`/api/ballots/${id}/scans`, undefined, { body });
          await api.post(`/api/ballots/${id}/paper-votes`, {
            owner: elector.owner, channel, proxyName: channel === 'proxy' ? proxy : null, scanId: uploaded.id, answers: chosen,
          });
          dirty = false;
          replace(status, banner('success', t('ballots.entry.done', { name, channel: channelText(channel) })));
          await reload();
        } catch (error) {
          submit.disabled = false;
          if (error instanceof ApiError) {
            for (const [field, list] of Object.entries(error.problem.fieldErrors)) {
              const slot = field === 'proxyName' ? proxyError : field === 'scanId' ? scanError : errors.get(field.replace(/^answers\./, ''));
              if (slot) {
                slot.hidden = false;
                slot.textContent = list.join(' ');
              }
            }
          }
          replace(formStatus, banner('error', message(error)));
          // Voted meanwhile (or closed): nothing more can be entered for this owner.
          if (error instanceof ApiError && error.status === 409) {
            submit.disabled = true;
            await reload(false);
          }
        }
      },
    },
    channels, proxyField, questions,
    h('div', { class: 'field' }, h('span', null, t('ballots.entry.scan')), scan.element, scanError),
    formStatus,
    h('div', { class: 'form-actions' }, submit, h('button', { type: 'button', onclick: closeEntry }, t('ballots.entry.cancel'))));

    replace(entry, h('h2', null, t('ballots.entry.title', { name })),
      h('p', { class: 'muted' }, elector.unitNumbers.length ? t('ballots.units', { units: elector.unitNumbers.join('、') }) : '', ' · ', formatArea(elector.area)),
      form);
    replace(status);
    entry.scrollIntoView({ block: 'start' });
  }

  /** Refreshes the counts and the register; after a success the entry form closes. */
  async function reload(close = true): Promise<void> {
    try {
      [ballot, electors] = await Promise.all([api.get<BallotSummary>(`/api/ballots/${id}`), register({})]);
    } catch {
      return;
    }
    replace(summary, progress(ballot));
    drawRegister();
    if (close) closeEntry();
  }

  drawRegister();
  closeEntry();
  replace(outlet,
    h('p', null, h('a', { href: '#/ballots' }, `← ${t('ballots.back')}`)),
    h('h1', null, ballot.title),
    h('p', { class: 'muted' }, statusBadge(ballot.status), ' ', ballot.compoundName ?? '', ' · ',
      ballot.status === 'open' ? t('ballot.closesAt', { at: formatDateTime(ballot.closesAt) }) : t('ballots.closedAt', { at: formatDateTime(ballot.closedAt ?? ballot.closesAt) })),
    summary,
    ballot.status === 'closed' ? h('p', null, h('a', { class: 'button primary', href: `#/portal/ballots/${ballot.id}/result` }, t('ballots.viewResult'))) : null,
    status,
    electors === null ? null : h('section', { class: 'card' },
      h('h2', null, t('ballots.electors', { count: electors.length })),
      h('p', { class: 'muted' }, t('ballots.electorsHint')),
      search,
      registerList),
    electors === null ? null : entry);
  return { isDirty: () => dirty };
}
