using Anju.Host.Attachments;
using Anju.Host.Requests;

namespace Anju.Host.Features.Tasks;

/// <summary>The Tasks area: inbox, done list, the approval verbs, comments and attachments, and a case's timeline.</summary>
public static class TasksEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("/", ListTasks.Handle);
        tasks.MapGet("/done", DoneTasks.Handle);
        tasks.MapGet("/{id:guid}", GetTask.Handle);
        tasks.MapPost("/{id:guid}/claim", ClaimTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/unclaim", UnclaimTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/complete", CompleteTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/return", ReturnTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/delegate", DelegateTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapGet("/{id:guid}/return-targets", TaskChoices.ReturnTargets);
        tasks.MapGet("/{id:guid}/delegates", TaskChoices.Delegates);
        tasks.MapGet("/{id:guid}/comments", TaskComments.List);
        tasks.MapPost("/{id:guid}/comments", TaskComments.Add).AddEndpointFilter<Idempotency>();
        tasks.MapGet("/{id:guid}/attachments", TaskAttachments.List);

        // Bearer-token API; the console's cookie is SameSite, so no antiforgery token is asked for uploads.
        tasks.MapPost("/{id:guid}/attachments", TaskAttachments.Upload).AddEndpointFilter<Idempotency>().DisableAntiforgery().WithAttachmentBodyLimit();
        api.MapGet("/attachments/{id:guid}", DownloadAttachment.Handle).WithTags("Tasks");

        // A case's views made of its tasks (the timeline, the case's comments), under /instances beside the Instances area.
        var cases = api.MapGroup("/instances").WithTags("Instances");
        cases.MapGet("/{id:guid}/timeline", CaseTimeline.Handle);
        cases.MapGet("/{id:guid}/comments", TaskComments.ListForCase);
        cases.MapPost("/{id:guid}/comments", TaskComments.AddToCase).AddEndpointFilter<Idempotency>();
        return api;
    }
}
