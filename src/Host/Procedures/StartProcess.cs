using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>startProcess</c>: starts another procedure in the same compound, handing over the variables named in
/// <c>copy</c> and a link back (<c>sourceInstanceId</c>); sets <c>startedInstanceId</c>. A complaint that turns
/// out to be a violation of law becomes an enforcement referral this way.
/// </summary>
public sealed class StartProcess : IServiceTaskHandler
{
    public const string Name = "startProcess";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(StringComparer.Ordinal)
        {
            ["sourceInstanceId"] = context.InstanceId.ToString(),
            ["sourceDefinitionKey"] = context.DefinitionKey,
        };
        foreach (var name in HandlerValues.List(context.GetProperty("copy")))
        {
            variables[name] = context.GetVariable(name);
        }

        var id = await context.StartProcessAsync(new ProcessStart(context.RequiredText("definitionKey"))
        {
            BusinessKey = context.Text("businessKey") ?? context.BusinessKey,
            Variables = variables,
        }, cancellationToken);
        context.SetVariable("startedInstanceId", id.ToString());
    }
}
