using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Deployment;

/// <summary>
/// Checks a parsed process against what this engine can run: every expression parses (syntax and known
/// functions), every timer's literal value has a valid form, every handler is registered.
/// </summary>
internal static class DefinitionValidator
{
    public static List<BpmnProblem> Validate(ProcessDefinition process, ServiceTaskHandlers handlers, bool unknownAsExternal, out ProcessDefinition adjusted)
    {
        var problems = new List<BpmnProblem>();
        var nodes = new Dictionary<string, FlowNode>(process.Nodes, StringComparer.Ordinal);

        void CheckExpression(FlowNode owner, ExpressionText? text, string attribute)
        {
            if (text is null)
            {
                return;
            }

            try
            {
                _ = Expression.Parse(text.Text.Trim());
            }
            catch (ExpressionException ex)
            {
                problems.Add(new BpmnProblem(owner.Id, owner.Location.Line, $"{owner.ElementType} '{owner.Id}', {attribute}: {ex.Message}"));
            }
        }

        foreach (var flow in process.Flows.Values)
        {
            if (flow.Condition is { } condition)
            {
                try
                {
                    _ = Expression.Parse(condition.Text.Trim());
                }
                catch (ExpressionException ex)
                {
                    problems.Add(new BpmnProblem(flow.Id, flow.Location.Line, $"sequenceFlow '{flow.Id}', condition: {ex.Message}"));
                }
            }
        }

        foreach (var node in process.Nodes.Values)
        {
            if (node is Activity { MultiInstance: { } mi })
            {
                CheckExpression(node, mi.LoopCardinality, "loopCardinality");
                CheckExpression(node, mi.Collection, "collection");
                CheckExpression(node, mi.CompletionCondition, "completionCondition");
            }

            if (node is ServiceTask { Properties.Length: > 0 } withProperties)
            {
                foreach (var property in withProperties.Properties)
                {
                    CheckExpression(node, property.Value, $"property '{property.Name}'");
                }
            }

            switch (node)
            {
                case UserTask task:
                    CheckExpression(node, task.Assignee, "assignee");
                    CheckExpression(node, task.CandidateUsers, "candidateUsers");
                    CheckExpression(node, task.CandidateGroups, "candidateGroups");
                    CheckExpression(node, task.DueDate, "dueDate");
                    CheckExpression(node, task.FollowUpDate, "followUpDate");
                    CheckExpression(node, task.Priority, "priority");
                    CheckExpression(node, task.Jurisdiction, "jurisdiction property");
                    foreach (var field in task.FormFields)
                    {
                        CheckExpression(node, field.DefaultValue, $"form field '{field.Id}' defaultValue");
                    }

                    break;
                case ServiceTask { Implementation: HandlerImplementation handler } service when !handlers.Contains(handler.HandlerName):
                    if (unknownAsExternal)
                    {
                        nodes[service.Id] = service with { Implementation = new ExternalImplementation(handler.HandlerName) };
                    }
                    else
                    {
                        problems.Add(new BpmnProblem(node.Id, node.Location.Line,
                            $"{service.ElementType} '{service.Id}': no handler is registered for {handler.Attribute} '{handler.HandlerName}'. Register one, use camunda:type=\"external\", or deploy with unknown service tasks as external tasks."));
                    }

                    break;
                case CallActivity call:
                    CheckExpression(node, call.CalledElement, "calledElement");
                    CheckExpression(node, call.BusinessKey, "businessKey");
                    CheckExpression(node, call.Jurisdiction, "jurisdiction property");
                    foreach (var mapping in call.In.Concat(call.Out))
                    {
                        CheckExpression(node, mapping.SourceExpression, "sourceExpression");
                    }

                    break;
            }

            if (TimerOf(node) is { } timer)
            {
                CheckExpression(node, timer.Value, "timer");
                CheckTimerLiteral(node, timer, problems);
            }
        }

        adjusted = nodes.Count == process.Nodes.Count && nodes.All(kv => ReferenceEquals(kv.Value, process.Nodes[kv.Key]))
            ? process
            : process with { Nodes = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(nodes, StringComparer.Ordinal) };
        return problems;
    }

    private static TimerDefinition? TimerOf(FlowNode node) => node switch
    {
        StartEvent s => s.Timer,
        IntermediateCatchEvent c => c.Timer,
        BoundaryEvent b => b.Timer,
        _ => null,
    };

    /// <summary>Literal timer values (no ${...}) are checked now rather than when the timer is created.</summary>
    private static void CheckTimerLiteral(FlowNode node, TimerDefinition timer, List<BpmnProblem> problems)
    {
        var text = timer.Value.Text.Trim();
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
        {
            return;
        }

        string? error = timer.Kind switch
        {
            TimerKind.Date => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _) ? null : $"'{text}' is not an ISO 8601 date",
            TimerKind.Duration => Execution.IsoDuration.TryParse(text, out _) ? null : $"'{text}' is not an ISO 8601 duration",
            _ => Execution.TimerSchedule.Validate(text),
        };
        if (error is not null)
        {
            problems.Add(new BpmnProblem(node.Id, node.Location.Line, $"{node.ElementType} '{node.Id}', timer: {error}."));
        }
    }
}
