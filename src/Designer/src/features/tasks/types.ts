// The Tasks and Instances API's shapes, as the Host's OpenAPI document describes them (src/api/schema.d.ts,
// generated: `npm run api:generate`). The names the console uses for them.
import type {
  DoneTasksDoneTaskView,
  DoneTasksResponse,
  InstanceView,
  ListTasksResponse,
  TaskAttachmentsAttachmentView,
  TaskChoicesDelegateView,
  TaskChoicesReturnTargetView,
  TaskCommentsCommentView,
  TaskView,
} from '../../api/schema';

/** A task as GET /api/tasks and GET /api/tasks/{id} return it (src/Host/Features/Tasks/TaskView.cs). */
export type Task = TaskView;

/** GET /api/tasks: a page of the inbox; `totalExact` false when the server stopped counting at `total`. */
export type TaskPage = ListTasksResponse;

/** GET /api/tasks/done: a page of 已办. */
export type DoneTaskPage = DoneTasksResponse;

/** A step the caller completed (GET /api/tasks/done). */
export type DoneTask = DoneTasksDoneTaskView;

export type Comment = TaskCommentsCommentView;

export type Attachment = TaskAttachmentsAttachmentView;

/** GET /api/instances/{id} (src/Workflows/InstanceView.cs); `incident` only on a start's answer. */
export type Instance = InstanceView;

/** An earlier step 退回 may send the case back to (GET /api/tasks/{id}/return-targets). */
export type ReturnTarget = TaskChoicesReturnTargetView;

/** A colleague 转办 accepts (GET /api/tasks/{id}/delegates). */
export type Delegate = TaskChoicesDelegateView;
