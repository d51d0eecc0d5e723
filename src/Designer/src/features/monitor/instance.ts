import type { GetJournalResponse, ListIncidentsItem, ListJobsItem } from '../../api/schema';
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { formatMoney, isMoney } from '../../app/format';
import { t, type MessageKey } from '../../app/i18n';
import { jurisdictionName, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { loading } from '../../app/router';
import { hasAnyRole } from '../../app/session';
import { withFilingLabels } from '../portal/filings';
import { caseInfo, displayValue, labelsFromXml, variableLabel } from '../common/caseinfo';
import { definitionName, loadDefinitions, loadXml, type DefinitionSummary } from '../common/definitions';
import { diagramLegend, showDiagram } from '../common/diagram';
import { statusBadge } from '../common/status';
import type { Attachment, Instance } from '../tasks/types';
import { attachmentsView } from '../tasks/task';
import { repairPanel, retryIncident, runJobNow } from './repair';
import { renderResidentCase } from '../portal/case-view';
import { renderNext, renderTimeline, type Timeline } from '../common/timeline';

export const supervisorRoles = ['admin', 'street-office', 'housing-bureau', 'community', 'enforcement-station', 'department'] as const;

/** GET /api/instances/{id}/journal: the entries and the hash chain's check. */
type Journal = GetJournalResponse;
/** GET /api/jobs?instanceId=… */
type Job = ListJobsItem;
/** GET /api/incidents?instanceId=…; `displayMessage` tells it for people, naming the element by name and id. */
type Incident = ListIncidentsItem;

/** The reason an administrator gave for a repair, kept in the journal entry's details (any JSON). */
function journalReason(details: unknown): string | null {
  const reason = details !== null && typeof details === 'object' ? (details as { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' ? reason : null;
}

function withReason(reason: string | null): HTMLElement | null {
  return reason === null ? null : h('div', { class: 'muted' }, t('repair.journalReason', { reason }));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Activity names from the XML (for the journal). */
const bpmnNamespace = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export function activityNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  // Only BPMN elements: camunda:value choices carry id and name too.
  for (const element of Array.from(doc.querySelectorAll('*')).filter((e) => e.namespaceURI === bpmnNamespace)) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name');
    if (id && name) names.set(id, name);
  }
  return names;
}

export function journalTypeName(type: string): string {
  const key = `journal.${type}` as MessageKey;
  const text = t(key);
  return text === key ? t('journal.other') : text;
}

/**
 * A case: where it stands on its diagram (active green, done grey, incidents red), its details, its photos;
 * for supervisors also the variables, the journal with its hash-chain check, jobs and incidents (retry: admin).
 */
export async function renderInstance({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  replace(outlet, loading());
  await loadJurisdictions();
  const id = params.id ?? '';
  let instance: Instance;
  try {
    instance = await api.get<Instance>(`/api/instances/${encodeURIComponent(id)}`, { signal });
  } catch (error) {
    if (signal.aborted) return;
    replace(outlet, banner('error', error instanceof ApiError && error.status === 404 ? t('monitor.notFound') : message(error)));
    return;
  }
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // keys
  }
  let xml = '';
  try {
    xml = await loadXml(instance.definitionKey, instance.definitionVersion);
  } catch {
    // no diagram
  }
  if (signal.aborted) return;

  const supervisor = hasAnyRole(supervisorRoles);
  if (!supervisor) {
    // Owners, firms and committees: the resident-grade page (no diagram, no variables, no usernames).
    await renderResidentCase(outlet, instance, definitions, xml, signal);
    return;
  }
  const admin = hasAnyRole(['admin']);
  const labels = withFilingLabels(instance.definitionKey, xml ? labelsFromXml(xml) : new Map());
  const names = activityNames(xml);
  const nameOf = (activityId: string | null) => (activityId ? names.get(activityId) ?? activityId : '');

  const diagram = h('div', { class: 'diagram-box diagram-large', 'data-testid': 'instance-diagram' });
  const incidentIds = instance.incidents.map((i) => i.activityId);
  const openSteps = instance.openTasks.length
    ? h('ul', { class: 'open-steps' }, instance.openTasks.map((task) => h('li', null, task.name ?? nameOf(task.activityId),
        task.assignee ? h('span', { class: 'muted' }, ` · ${t('monitor.handledBy', { name: task.assignee })}`) : h('span', { class: 'muted' }, ` · ${t('tasks.unclaimed')}`))))
    : null;

  const summary = h('section', { class: 'card instance-summary' },
    h('dl', { class: 'case-info' },
      h('dt', null, t('monitor.col.procedure')), h('dd', null, `${definitionName(definitions, instance.definitionKey)}（${t('monitor.version', { version: instance.definitionVersion })}）`),
      h('dt', null, t('monitor.col.status')), h('dd', { 'data-testid': 'instance-status' }, statusBadge(instance.status)),
      (instance.caseNumber ?? instance.businessKey) ? [h('dt', null, t('monitor.col.businessKey')), h('dd', { 'data-testid': 'case-number' }, instance.caseNumber ?? instance.businessKey)] : null,
      instance.jurisdiction ? [h('dt', null, t('monitor.col.area')), h('dd', null, jurisdictionName(instance.jurisdiction))] : null,
      h('dt', null, t('monitor.col.startedAt')), h('dd', null, formatDateTime(instance.startedAt)),
      instance.endedAt ? [h('dt', null, t('monitor.col.endedAt')), h('dd', null, formatDateTime(instance.endedAt))] : null,
      instance.startedBy ? [h('dt', null, t('monitor.startedBy')), h('dd', null, instance.startedBy)] : null,
    ),
    openSteps ? [h('h3', null, t('monitor.openSteps')), openSteps] : null,
    admin && (instance.status === 'active' || instance.status === 'incident')
      ? h('p', null, h('a', { class: 'button small', 'data-testid': 'migrate-case',
          href: `#/monitor/migrate?${new URLSearchParams({ from: `${instance.definitionKey}:${instance.definitionVersion}`, instances: instance.id })}` }, t('monitor.migrateCase')))
      : null,
  );

  const details = caseInfo(instance.variables, labels);
  const attachments = h('div', null, loading());
  const timelineBox = h('section', { class: 'card', 'data-testid': 'case-timeline' }, h('h2', null, t('timeline.title')), loading());
  const sections: (HTMLElement | null)[] = [
    summary,
    h('section', { class: 'card' }, h('h2', null, t('monitor.diagram')), diagram, diagramLegend()),
    timelineBox,
    h('section', { class: 'card' }, h('h2', null, t('tasks.case')), details ?? h('p', { class: 'muted' }, t('tasks.noCaseInfo'))),
    h('section', { class: 'card' }, h('h2', null, t('tasks.attachments')), attachments),
  ];

  const journalBox = h('section', { class: 'card', 'data-testid': 'journal' }, h('h2', null, t('monitor.journal')), loading());
  const jobsBox = h('section', { class: 'card' }, h('h2', null, t('monitor.jobsIncidents')), loading());
  if (supervisor) {
    const variables = Object.entries(instance.variables).filter(([, v]) => v !== null && typeof v !== 'object');
    sections.push(h('section', { class: 'card' }, h('h2', null, t('monitor.variables')),
      variables.length === 0 ? h('p', { class: 'muted' }, t('monitor.noVariables'))
        : h('table', { class: 'grid compact' }, h('thead', null, h('tr', null, h('th', null, t('monitor.variableName')), h('th', null, t('monitor.variableValue')))),
            h('tbody', null, variables.map(([name, value]) => h('tr', null,
              h('td', null, variableLabel(name, labels) ?? name, variableLabel(name, labels) ? h('span', { class: 'muted' }, ` ${name}`) : null),
              h('td', null, typeof value === 'number' && isMoney(name, variableLabel(name, labels)) ? formatMoney(value) : displayValue(value, labels.get(name)?.choices))))))));
    sections.push(jobsBox, journalBox);
  }
  const repair = admin && (instance.status === 'active' || instance.status === 'incident') ? repairPanel(instance, xml) : null;
  if (repair) sections.push(repair.element);

  replace(outlet,
    h('p', null, h('a', { href: supervisor ? '#/monitor' : '#/portal' }, `← ${supervisor ? t('monitor.back') : t('portal.back')}`)),
    h('h1', null, `${definitionName(definitions, instance.definitionKey)}${(instance.caseNumber ?? instance.businessKey) ? ` · ${instance.caseNumber ?? instance.businessKey}` : ''}`),
    h('div', { class: 'instance-layout' }, sections),
  );

  // The case told in names (GET /api/instances/{id}/timeline).
  api.get<Timeline>(`/api/instances/${instance.id}/timeline`).then((timeline) => replace(timelineBox, h('h2', null, t('timeline.title')),
    h('h3', null, t('timeline.next')), renderNext(timeline), renderTimeline(timeline)))
    .catch(() => replace(timelineBox, h('h2', null, t('timeline.title')), h('p', { class: 'muted' }, t('timeline.failed'))));

  // Photos and documents of the case (GET /api/instances/{id}/attachments).
  api.get<Attachment[]>(`/api/instances/${instance.id}/attachments`).then((list) => replace(attachments, attachmentsView(list)))
    .catch(() => replace(attachments, h('p', { class: 'muted' }, t('tasks.noAttachments'))));

  if (supervisor) {
    void (async () => {
      try {
        const journal = await api.get<Journal>(`/api/instances/${instance.id}/journal`);
        const check = journal.verification.intact
          ? h('div', { class: 'banner banner-success', 'data-testid': 'journal-check' }, t('monitor.journalIntact', { count: journal.entries.length }))
          : h('div', { class: 'banner banner-error', 'data-testid': 'journal-check', role: 'alert' }, t('monitor.journalBroken', { seq: journal.verification.firstBrokenSeq ?? '?' }));
        const shown = journal.entries;
        replace(journalBox, h('h2', null, t('monitor.journal')), check,
          h('table', { class: 'grid compact' },
            h('thead', null, h('tr', null, h('th', null, '#'), h('th', null, t('monitor.journalAt')), h('th', null, t('monitor.journalEvent')), h('th', null, t('monitor.journalStep')), h('th', null, t('monitor.journalActor')))),
            h('tbody', null, shown.map((e) => h('tr', null,
              h('td', null, String(e.seq)), h('td', null, formatDateTime(e.at)), h('td', null, journalTypeName(e.type),
                withReason(journalReason(e.details))),
              h('td', null, nameOf(e.activityId)), h('td', null, e.actor ?? ''))))));
      } catch (error) {
        replace(journalBox, h('h2', null, t('monitor.journal')), banner('error', message(error)));
      }
    })();
    void (async () => {
      try {
        const [jobs, incidents] = await Promise.all([
          api.get<Job[]>('/api/jobs', { query: { instanceId: instance.id } }),
          api.get<Incident[]>('/api/incidents', { query: { instanceId: instance.id } }),
        ]);
        const jobRows = jobs.map((job) => {
          const typeName = t(`monitor.jobType.${job.type}` as MessageKey) || job.type;
          const run = admin ? h('button', { type: 'button', class: 'small', 'data-testid': 'run-job' }, t('monitor.runNow')) : null;
          run?.addEventListener('click', () => runJobNow(job, nameOf(job.activityId), typeName));
          return h('tr', null, h('td', null, typeName), h('td', null, nameOf(job.activityId)),
            h('td', null, formatDateTime(job.dueAt)), h('td', null, String(job.retries)), h('td', null, run));
        });
        const incidentRows = incidents.map((incident) => {
          const retry = admin ? h('button', { type: 'button', class: 'small', 'data-testid': 'retry' }, t('monitor.retry')) : null;
          retry?.addEventListener('click', () => retryIncident(incident, nameOf(incident.activityId)));
          return h('tr', { class: 'row-overdue' }, h('td', null, nameOf(incident.activityId)), h('td', null, formatDateTime(incident.createdAt)),
            h('td', { 'data-testid': 'incident-message' }, incident.displayMessage ?? incident.message,
              incident.displayMessage ? h('details', null, h('summary', null, t('monitor.incidentDetail')), h('code', null, incident.message)) : null),
            h('td', null, retry));
        });
        replace(jobsBox, h('h2', null, t('monitor.jobsIncidents')),
          h('h3', null, t('monitor.incidents')),
          incidentRows.length ? h('table', { class: 'grid compact' }, h('thead', null, h('tr', null, h('th', null, t('monitor.journalStep')), h('th', null, t('monitor.journalAt')), h('th', null, t('monitor.incidentMessage')), h('th', null, ''))), h('tbody', null, incidentRows))
            : h('p', { class: 'muted' }, t('monitor.noIncidents')),
          h('h3', null, t('monitor.jobs')),
          jobRows.length ? h('table', { class: 'grid compact' }, h('thead', null, h('tr', null, h('th', null, t('monitor.jobTypeCol')), h('th', null, t('monitor.journalStep')), h('th', null, t('monitor.jobDue')), h('th', null, t('monitor.jobRetries')), h('th', null, ''))), h('tbody', null, jobRows))
            : h('p', { class: 'muted' }, t('monitor.noJobs')));
      } catch (error) {
        replace(jobsBox, h('h2', null, t('monitor.jobsIncidents')), banner('error', message(error)));
      }
    })();
  }

  let dispose: (() => void) | null = null;
  if (xml) {
    dispose = await showDiagram(diagram, xml, {
      completed: instance.completedActivityIds,
      active: instance.activeActivityIds,
      incidents: incidentIds,
      ...(repair ? { onSelect: repair.selectStep } : {}),
    });
  } else {
    replace(diagram, h('p', { class: 'muted' }, t('diagram.failed')));
  }
  return { dispose: () => dispose?.() };
}
