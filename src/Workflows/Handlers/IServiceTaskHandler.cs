namespace Anju.Workflows.Handlers;

/// <summary>
/// C# code behind a service, send or business-rule task (camunda:class, camunda:delegateExpression or
/// camunda:expression), registered by name. It runs inside the engine's command: keep it short and
/// deterministic; slow or remote work belongs in an external task.
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>Does the work. Throw <see cref="BpmnErrorException"/> for a business error a boundary event may
    /// catch; any other exception is a technical failure that is retried and then raises an incident.</summary>
    ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
