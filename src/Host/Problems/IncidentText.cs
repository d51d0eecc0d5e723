using System.Collections.Frozen;
using System.Globalization;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;

namespace Anju.Host.Problems;

/// <summary>
/// Incidents told for people: per incident type, in Chinese (the default) or English (Accept-Language: en), naming
/// the element by name and id. The engine's technical message stays in the incident's <c>message</c>.
/// </summary>
public static class IncidentText
{
    /// <summary>{0} is the element (“受理”（accept）), {1} the engine's detail.</summary>
    private static readonly FrozenDictionary<string, (string Zh, string En)> Texts = new Dictionary<string, (string, string)>
    {
        ["expression"] = ("{0}中的表达式无法求值，案件停在此处。请检查流程定义或变量后重试。", "An expression of {0} could not be evaluated; the case stopped there. Check the definition or the variables, then retry."),
        ["unknownHandler"] = ("{0}要调用的服务处理程序未注册，案件停在此处。请修正流程定义或注册该处理程序后重试。", "The handler that {0} calls is not registered; the case stopped there. Fix the definition or register the handler, then retry."),
        ["failedJob"] = ("{0}多次执行失败，已没有重试次数，案件停在此处。请排除原因后重试。", "{0} failed repeatedly and has no retries left; the case stopped there. Remove the cause, then retry."),
        ["unhandledError"] = ("{0}抛出的业务错误没有被任何边界事件捕获，案件停在此处。", "A business error thrown at {0} was caught by no boundary event; the case stopped there."),
        ["failedExternalTask"] = ("外部系统处理{0}失败，已没有重试次数，案件停在此处。", "The external system failed {0} with no retries left; the case stopped there."),
        ["calledElementNotFound"] = ("{0}要调用的子流程尚未部署，案件停在此处。请部署该流程后重试。", "The process that {0} calls is not deployed; the case stopped there. Deploy it, then retry."),
        ["commandBudget"] = ("{0}在一次处理中执行次数过多（疑似死循环或过大的多实例），为保护系统已停止。请修正流程定义后迁移或取消该案件。", "{0} ran too many times in one command (a loop or a too large multi-instance) and was stopped to protect the system. Fix the definition, then migrate or cancel the case."),
        ["noOutgoingFlow"] = ("{0}之后没有满足条件的路线，案件停在此处。请检查条件或变量后重试。", "No outgoing flow of {0} has a condition that holds; the case stopped there. Check the conditions or the variables, then retry."),
        ["timer"] = ("{0}的定时设置无效，案件停在此处。请修正流程定义后重试。", "The timer of {0} is not valid; the case stopped there. Fix the definition, then retry."),
        ["listener"] = ("{0}上的监听器执行失败，案件停在此处：{1}。请排除原因或修正流程定义后重试。", "A listener of {0} failed; the case stopped there: {1}. Remove the cause or fix the definition, then retry."),
        ["unsupported"] = ("{0}是本系统不能执行的元素，案件停在此处。", "{0} is an element this system cannot run; the case stopped there."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Zh, string En) Other = ("{0}出错，案件停在此处：{1}", "{0} failed; the case stopped there: {1}");

    /// <summary>The types this renderer knows by name (others get a general text with the detail).</summary>
    public static IEnumerable<string> Types => Texts.Keys;

    public static string Render(bool english, string type, string activityId, string? elementName, string detail)
    {
        var (zh, en) = Texts.TryGetValue(type, out var text) ? text : Other;
        return string.Format(CultureInfo.InvariantCulture, english ? en : zh, Element(english, activityId, elementName), detail);
    }

    /// <summary>“受理”（accept）, or “accept” when the element has no name.</summary>
    public static string Element(bool english, string activityId, string? elementName) =>
        string.IsNullOrWhiteSpace(elementName) || elementName == activityId
            ? english ? $"\"{activityId}\"" : $"“{activityId}”"
            : english ? $"\"{elementName}\" ({activityId})" : $"“{elementName}”（{activityId}）";

    /// <summary>The name of an element of a stored version; null when it has none or the version is unknown.</summary>
    public static async ValueTask<string?> ElementNameAsync(WorkflowEngine engine, string definitionId, string activityId, CancellationToken cancellationToken)
    {
        try
        {
            var definition = await engine.Definitions.GetAsync(definitionId, cancellationToken);
            return definition.Process.Nodes.TryGetValue(activityId, out var node) ? node.Name : null;
        }
        catch (WorkflowException)
        {
            return null;
        }
    }

    /// <summary>The instance view with each incident's element name and message for the caller.</summary>
    public static async Task<InstanceView> RenderAsync(HttpContext context, WorkflowEngine engine, InstanceView instance, CancellationToken cancellationToken)
    {
        if (instance.Incidents.Count == 0)
        {
            return instance;
        }

        var english = Messages.IsEnglish(context);
        var definitionId = CompiledDefinition.MakeId(instance.DefinitionKey, instance.DefinitionVersion);
        var incidents = new List<IncidentView>(instance.Incidents.Count);
        foreach (var incident in instance.Incidents)
        {
            var name = await ElementNameAsync(engine, definitionId, incident.ActivityId, cancellationToken);
            incidents.Add(incident with
            {
                ElementName = name,
                DisplayMessage = Render(english, incident.Type, incident.ActivityId, name, incident.Message),
            });
        }

        return instance with { Incidents = incidents };
    }
}
