// The resident-grade case page (#/cases/:id for owners, firms and owners' committees): the case's state and what
// happens next in plain words, the timeline, the filing's own fields with their form labels, the photos. No process
// diagram, no variables beyond the filing, no usernames, Beijing time. Officials keep the monitor's page.
import { api } from '../../app/api';
import { formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { caseInfo, labelsFromXml, startFormFromXml, type VariableLabel } from '../common/caseinfo';
import { definitionName, type DefinitionSummary } from '../common/definitions';
import { renderNext, renderTimeline, residentStatusBadge, type Timeline, type TimelineItem } from '../common/timeline';
import type { Instance } from '../tasks/types';
import { filingFor, withFilingLabels } from './filings';

/** The ids of the filing's own fields: the BPMN start form when there is one, else the portal's filing form. */
export function filingFieldIds(definitionKey: string, xml: string): string[] {
  const fromXml = xml ? startFormFromXml(xml).map((e) => e.getAttribute('id') ?? '').filter((id) => id !== '') : [];
  return fromXml.length ? fromXml : (filingFor(definitionKey)?.fields ?? []).map((f) => f.id);
}

/** Only the filing's fields of the case's variables (no technical or later variables). */
export function filingValues(variables: Record<string, unknown>, ids: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(ids.filter((id) => id in variables).map((id) => [id, variables[id]]));
}

/** Photos and files of the case from its timeline: thumbnails for images, the name and when, never who by username. */
export function timelineFiles(items: readonly TimelineItem[]): HTMLElement {
  const files = items.filter((i) => i.kind === 'attachment' && i.url);
  if (files.length === 0) return h('p', { class: 'muted' }, t('timeline.noPhotos'));
  return h('ul', { class: 'attachment-list' }, files.map((f) => h('li', null,
    f.contentType?.startsWith('image/') ? h('a', { href: f.url!, target: '_blank', rel: 'noopener' }, h('img', { src: f.url!, alt: f.fileName ?? '', class: 'thumb' })) : null,
    h('a', { href: f.url!, target: '_blank', rel: 'noopener', class: 'file-name' }, f.fileName ?? t('timeline.attachment')),
    h('span', { class: 'muted' }, ` ${formatDateTime(f.at)}`))));
}

export async function renderResidentCase(outlet: HTMLElement, instance: Instance, definitions: DefinitionSummary[], xml: string, signal: AbortSignal): Promise<void> {
  let timeline: Timeline | null = null;
  try {
    timeline = await api.get<Timeline>(`/api/instances/${instance.id}/timeline`, { signal });
  } catch {
    // the page still shows the case; the progress box says it cannot be shown
  }
  if (signal.aborted) return;

  const labels: Map<string, VariableLabel> = withFilingLabels(instance.definitionKey, xml ? labelsFromXml(xml) : new Map());
  const details = caseInfo(filingValues(instance.variables, filingFieldIds(instance.definitionKey, xml)), labels);
  const caseNumber = instance.caseNumber ?? instance.businessKey;
  const procedure = definitionName(definitions, instance.definitionKey);

  replace(outlet,
    h('p', null, h('a', { href: '#/portal' }, `← ${t('portal.back')}`)),
    h('h1', null, procedure),
    h('div', { class: 'resident-case' },
      h('section', { class: 'card instance-summary' },
        h('dl', { class: 'case-info' },
          caseNumber ? [h('dt', null, t('timeline.caseNumber')), h('dd', { 'data-testid': 'case-number' }, caseNumber)] : null,
          h('dt', null, t('timeline.status')), h('dd', { 'data-testid': 'instance-status' }, residentStatusBadge(timeline ?? { status: instance.status })),
          h('dt', null, t('timeline.filedAt')), h('dd', null, formatDateTime(instance.startedAt)),
          instance.endedAt ? [h('dt', null, t('timeline.endedAt')), h('dd', null, formatDateTime(instance.endedAt))] : null),
        h('h2', null, t('timeline.next')),
        timeline ? renderNext(timeline) : h('p', { class: 'muted' }, t('timeline.failed'))),
      h('section', { class: 'card' }, h('h2', null, t('timeline.title')),
        timeline ? renderTimeline(timeline) : h('p', { class: 'muted' }, t('timeline.failed'))),
      h('section', { class: 'card', 'data-testid': 'case-details' }, h('h2', null, t('timeline.details')), details ?? h('p', { class: 'muted' }, t('tasks.noCaseInfo'))),
      h('section', { class: 'card' }, h('h2', null, t('timeline.photos')), timeline ? timelineFiles(timeline.items) : h('p', { class: 'muted' }, t('timeline.failed')))));
}
