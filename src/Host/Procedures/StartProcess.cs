using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>startProcess</c>: starts another procedure in the same compound, handing over the variables named in
/// <c>copy</c> (<c>name</c>, or <c>target=source</c> to rename) and a link back (<c>sourceInstanceId</c>); sets <c>startedInstanceId</c>. A complaint that turns
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
        foreach (var entry in HandlerValues.List(context.GetProperty("copy")))
        {
            // "name" hands a variable over under its own name; "target=source" under another name.
            var split = entry.IndexOf('=', StringComparison.Ordinal);
            var (target, source) = split < 0 ? (entry, entry) : (entry[..split].Trim(), entry[(split + 1)..].Trim());
            variables[target] = context.GetVariable(source);
        }

        var id = await context.StartProcessAsync(new ProcessStart(context.RequiredText("definitionKey"))
        {
            BusinessKey = context.Text("businessKey") ?? context.BusinessKey,
            Variables = variables,
        }, cancellationToken);
        context.SetVariable("startedInstanceId", id.ToString());
    }
}
