import type { ReturnedMark } from '../common/timeline';
import type { FormFieldView } from './form';

/** A task as GET /api/tasks and GET /api/tasks/{id} return it (src/Host/Features/Tasks/TaskView.cs). */
export interface Task {
  id: string;
  name: string | null;
  activityId: string;
  instanceId: string;
  definitionKey: string;
  businessKey: string | null;
  jurisdiction: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  createdAt: string;
  dueAt: string | null;
  /** The due date was counted over a year without calendar data (Monday–Friday assumed). */
  dueIsEstimate?: boolean;
  priority: number;
  delegatedFrom: string | null;
  form: { fields: FormFieldView[] } | null;
  variables: Record<string, unknown> | null;
  /** A 退回 created this task: from which step, why, by whom, when. */
  returned?: ReturnedMark | null;
  /** The case number (受理编号), e.g. TS-2026-000123; null when the procedure gives none. */
  caseNumber?: string | null;
  /** In the inbox: one line about the case (compound · first words of the description). */
  caseSummary?: string | null;
  /** In the inbox: the procedure's name. */
  procedure?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** false when the server stopped counting at `total` (the inbox counts up to 1000). */
  totalExact?: boolean;
  page: number;
  pageSize: number;
}

export interface DoneTask {
  taskId: string | null;
  activityId: string | null;
  instanceId: string;
  definitionKey: string;
  businessKey: string | null;
  jurisdiction: string | null;
  completedAt: string;
  /** The step's name. */
  name?: string | null;
  procedure?: string | null;
  caseNumber?: string | null;
  caseSummary?: string | null;
}

export interface Comment {
  id: string;
  taskId: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface Attachment {
  id: string;
  instanceId: string;
  taskId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** GET /api/instances/{id} (src/Workflows/InstanceView.cs). */
export interface Instance {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  jurisdiction: string | null;
  /** The case number (受理编号); null when the procedure gives none. */
  caseNumber?: string | null;
  status: string;
  variables: Record<string, unknown>;
  activeActivityIds: string[];
  completedActivityIds: string[];
  /** `message` is the engine's technical detail; `displayMessage` tells it for people, naming the element. */
  incidents: { id: string; activityId: string; type: string; message: string; createdAt: string; elementName?: string | null; displayMessage?: string | null }[];
  openTasks: { id: string; activityId: string; name: string | null; assignee: string | null }[];
  startedAt: string;
  endedAt: string | null;
  startedBy: string | null;
  /** Only on a start's answer: the new case stopped at an incident at once, so the filing did not go through. */
  incident?: { code: string; message: string; activityId: string };
}

/** An earlier step 退回 may send the case back to (GET /api/tasks/{id}/return-targets). */
export interface ReturnTarget {
  activityId: string;
  name: string | null;
}

/** A colleague 转办 accepts (GET /api/tasks/{id}/delegates). */
export interface Delegate {
  username: string;
  displayName: string;
}
