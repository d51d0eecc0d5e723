using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads user, service-like (service, send, business rule) and receive tasks.
/// </summary>
/// <remarks>
/// Service tasks run C# handlers registered by name, never code named in the document: camunda:class is
/// taken as a handler name as written (e.g. <c>com.acme.Billing</c>), camunda:delegateExpression
/// <c>${billing}</c> names the handler <c>billing</c>, and camunda:expression keeps its whole text
/// (<c>${billing.charge(execution)}</c>) for the engine to resolve.
/// </remarks>
internal static partial class TaskReader
{
    private const string NoImplementation =
        "has no implementation (camunda:class, camunda:delegateExpression, camunda:expression or camunda:type=\"external\")";

    /// <summary>The extension property that places a task (or a called instance) in another jurisdiction.</summary>
    public const string JurisdictionProperty = "jurisdiction";

    public static UserTask ReadUserTask(XElement element, string id, ReadContext context)
    {
        var roles = HumanRoles.Read(element, id, context);
        return new UserTask
        {
            Id = id,

            // Camunda 7 reads humanPerformer and potentialOwner first; camunda:assignee then replaces the performer and
            // the camunda candidate lists add to the potential owners.
            Assignee = BpmnXml.Expression(element.CamundaAttr("assignee") ?? roles.Performer),
            CandidateUsers = BpmnXml.Expression(HumanRoles.Join(roles.Users, element.CamundaAttr("candidateUsers"))),
            CandidateGroups = BpmnXml.Expression(HumanRoles.Join(roles.Groups, element.CamundaAttr("candidateGroups"))),
            DueDate = BpmnXml.Expression(element.CamundaAttr("dueDate")),
            FollowUpDate = BpmnXml.Expression(element.CamundaAttr("followUpDate")),
            Priority = BpmnXml.Expression(element.CamundaAttr("priority")),
            FormKey = element.CamundaAttr("formKey"),
            FormFields = FormFieldReader.Read(element, id, context),
            Jurisdiction = BpmnXml.Expression(element.CamundaProperty(JurisdictionProperty)),
        };
    }

    public static ServiceTask? ReadServiceTask(XElement element, string id, ReadContext context)
    {
        var kind = element.Name.LocalName;
        if (kind == "businessRuleTask" && element.CamundaAttr("decisionRef") is not null)
        {
            context.Report(element, id, $"businessRuleTask '{id}' with camunda:decisionRef is not supported: DMN decisions are not evaluated; use a handler or an external task",
                Deployment.ProblemCodes.DecisionRefUnsupported, ReadContext.Label(element), element.CamundaAttr("decisionRef")!);
            return null;
        }

        // A connector was already reported as an unsupported extension; "no implementation" would be noise.
        if (element.CamundaExtensions("connector").Any())
        {
            return null;
        }

        var implementation = ReadImplementation(element, kind, id, context);
        return implementation is null
            ? null
            : new ServiceTask
            {
                Id = id,
                Kind = kind,
                Implementation = implementation,
                ResultVariable = element.CamundaAttr("resultVariable"),
                Properties = ReadProperties(element, id, context),
            };
    }

    public static ReceiveTask? ReadReceiveTask(XElement element, string id, ReadContext context)
    {
        if (context.ReadBoolean(element, "instantiate", false, element))
        {
            context.Report(element, id, $"receiveTask '{id}' with instantiate=\"true\" is not supported; use a message start event",
                Deployment.ProblemCodes.ReceiveTaskInstantiate, ReadContext.Label(element));
            return null;
        }

        return context.ResolveMessage(element, element) is { } name
            ? new ReceiveTask { Id = id, MessageName = name }
            : null;
    }

    private static TaskImplementation? ReadImplementation(XElement element, string kind, string id, ReadContext context)
    {
        var type = element.CamundaAttr("type");
        var className = element.CamundaAttr("class");
        var delegateExpression = element.CamundaAttr("delegateExpression");
        var expression = element.CamundaAttr("expression");

        var count = new[] { type, className, delegateExpression, expression }.Count(v => v is not null);
        if (count > 1)
        {
            context.Report(element, id, $"{kind} '{id}' has more than one implementation; choose one of camunda:class, camunda:delegateExpression, camunda:expression or camunda:type=\"external\"",
                Deployment.ProblemCodes.ImplementationAmbiguous, ReadContext.Label(element));
            return null;
        }

        if (type is not null)
        {
            if (type != "external")
            {
                context.Report(element, id, $"camunda:type \"{type}\" of {kind} '{id}' is not supported; only \"external\" is",
                    Deployment.ProblemCodes.TaskTypeUnsupported, ReadContext.Label(element), type);
                return null;
            }

            if (element.CamundaAttr("topic") is not { } topic)
            {
                context.Report(element, id, $"{kind} '{id}' is an external task without camunda:topic", Deployment.ProblemCodes.ExternalTopicMissing, ReadContext.Label(element));
                return null;
            }

            return new ExternalImplementation(topic);
        }

        if (className is not null)
        {
            return new HandlerImplementation(className, "class");
        }

        if (delegateExpression is not null)
        {
            var match = DelegateName().Match(delegateExpression);
            if (!match.Success)
            {
                context.Report(element, id, $"camunda:delegateExpression \"{delegateExpression}\" of {kind} '{id}' must name a handler as ${{name}}",
                    Deployment.ProblemCodes.DelegateExpressionForm, ReadContext.Label(element), delegateExpression);
                return null;
            }

            return new HandlerImplementation(match.Groups["name"].Value, "delegateExpression");
        }

        if (expression is not null)
        {
            return new HandlerImplementation(expression, "expression");
        }

        context.Report(element, id, $"{kind} '{id}' {NoImplementation}", Deployment.ProblemCodes.ImplementationMissing, ReadContext.Label(element));
        return null;
    }

    /// <summary>The handler name in a delegate expression (<c>${name}</c>), or null when it is not of that form.</summary>
    public static string? DelegateNameOf(string delegateExpression) =>
        DelegateName().Match(delegateExpression) is { Success: true } match ? match.Groups["name"].Value : null;

    /// <summary>${name} or #{name}, the form in which a delegate expression names a bean.</summary>
    [GeneratedRegex(@"^[$#]\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}$", RegexOptions.CultureInvariant)]
    private static partial Regex DelegateName();

    private static ImmutableArray<ExtensionProperty> ReadProperties(XElement element, string id, ReadContext context)
    {
        var properties = ImmutableArray.CreateBuilder<ExtensionProperty>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.CamundaExtensions("properties").Elements(Namespaces.Camunda + "property"))
        {
            if (property.Attr("name") is not { } name)
            {
                context.Report(property, id, $"a camunda:property of '{id}' has no name", Deployment.ProblemCodes.PropertyNameMissing, ReadContext.Label(element));
                continue;
            }

            if (!seen.Add(name))
            {
                context.Report(property, id, $"camunda:property '{name}' appears twice on '{id}'", Deployment.ProblemCodes.PropertyDuplicate, ReadContext.Label(element), name);
                continue;
            }

            properties.Add(new ExtensionProperty(name, new ExpressionText(property.Attribute("value")?.Value ?? "")));
        }

        return properties.ToImmutable();
    }
}
