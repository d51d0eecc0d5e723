using System.Collections.Immutable;
using Anju.Workflows.Execution;
using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Deployment;

/// <summary>
/// Checks a parsed process against what this engine can run, each attribute as the kind of value it is: every
/// expression parses, due dates can be dates, timers have a valid form and do not fire more often than allowed,
/// priorities are numbers, candidate lists are lists, form constraints apply to their field, the flows out of a
/// deciding gateway have conditions, every handler is registered, and no cycle lacks a wait state.
/// </summary>
/// <remarks>
/// This is the one validation: the Host's deploy and its dry run (which the designer's lint calls) both use it,
/// so the designer and the server cannot disagree. Problems carry a code and arguments for clients to render.
/// </remarks>
internal static class DefinitionValidator
{
    /// <summary>
    /// Whether a camunda:expression is a value expression Anju can evaluate: a whole <c>${…}</c> or <c>#{…}</c> that
    /// parses. Anything else (a bean's method, <c>${archive.store(execution)}</c>) stays a handler's name: an unknown
    /// handler, or an external task when the deployment asks for that.
    /// </summary>
    private static bool IsValueExpression(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= 3 || !(trimmed.StartsWith("${", StringComparison.Ordinal) || trimmed.StartsWith("#{", StringComparison.Ordinal)) || !trimmed.EndsWith('}'))
        {
            return false;
        }

        try
        {
            _ = Expressions.Expression.Parse(text);
            return true;
        }
        catch (Expressions.ExpressionException)
        {
            return false;
        }
    }

    public static List<BpmnProblem> Validate(ProcessDefinition process, ServiceTaskHandlers handlers, bool unknownAsExternal, EngineOptions options, out ProcessDefinition adjusted)
    {
        var problems = new List<BpmnProblem>();
        var nodes = new Dictionary<string, FlowNode>(process.Nodes, StringComparer.Ordinal);
        var flows = new Dictionary<string, SequenceFlow>(process.Flows, StringComparer.Ordinal);
        var check = new AttributeChecks(problems);

        foreach (var flow in process.Flows.Values)
        {
            check.Condition(flow);
            if (!flow.Listeners.IsDefaultOrEmpty)
            {
                flows[flow.Id] = flow with { Listeners = ResolveListeners(flow.Listeners, flow.Id, flow.Location.Line, AttributeChecks.FlowLabel(flow), handlers, problems) };
            }
        }

        foreach (var node in process.Nodes.Values)
        {
            CheckExtensions(node, nodes, handlers, check, problems, options);
            if (node switch { StartEvent s => s.Conditional, IntermediateCatchEvent c => c.Conditional, BoundaryEvent b => b.Conditional, _ => null } is { } conditional)
            {
                check.Expression(node, conditional.Condition, "condition");
            }

            if (SignalNameOf(node) is { } signal && Execution.SignalKeys.IsExpression(signal))
            {
                check.Expression(node, new ExpressionText(signal), "signal name");
            }

            if (node is Activity { MultiInstance: { } mi })
            {
                check.Expression(node, mi.LoopCardinality, "loopCardinality");
                check.Expression(node, mi.Collection, "collection");
                check.Expression(node, mi.CompletionCondition, "completionCondition");
            }

            if (node is ServiceTask { Properties.Length: > 0 } withProperties)
            {
                foreach (var property in withProperties.Properties)
                {
                    check.Expression(node, property.Value, $"property '{property.Name}'");
                }
            }

            switch (node)
            {
                case UserTask task:
                    check.Expression(node, task.Assignee, "assignee");
                    check.CandidateList(node, task.CandidateUsers, "candidateUsers");
                    check.CandidateList(node, task.CandidateGroups, "candidateGroups");
                    check.Date(node, task.DueDate, "dueDate");
                    check.Date(node, task.FollowUpDate, "followUpDate");
                    check.Priority(node, task.Priority);
                    check.Expression(node, task.Jurisdiction, "jurisdiction property");
                    check.Form(node, task.FormFields);
                    if (task.Assignee is null && task.CandidateUsers is null && task.CandidateGroups is null)
                    {
                        // A warning: an administrator can still assign such a task, and the engine runs it.
                        problems.Add(new BpmnProblem(node.Id, node.Location.Line,
                            $"{node.ElementType} '{node.Id}' has no assignee, candidateUsers or candidateGroups; only an administrator could assign it.")
                        {
                            Code = ProblemCodes.UserTaskUnassigned,
                            Severity = ProblemSeverity.Warning,
                            Arguments = [node.Label],
                        });
                    }

                    break;
                case StartEvent start:
                    check.Form(node, start.FormFields);
                    break;
                case ServiceTask { Implementation: HandlerImplementation { Attribute: "expression" } value } service
                    when !handlers.Contains(value.HandlerName) && IsValueExpression(value.HandlerName):
                    // A value expression, as Camunda evaluates it: checked here like every other expression.
                    var text = new ExpressionText(value.HandlerName);
                    if (check.WritingExpression(node, text, "camunda:expression"))
                    {
                        nodes[service.Id] = (ServiceTask)nodes[service.Id] with { Implementation = new ValueExpressionImplementation(text) };
                    }

                    break;
                case ServiceTask { Implementation: HandlerImplementation handler } service when !handlers.Contains(handler.HandlerName):
                    if (unknownAsExternal)
                    {
                        nodes[service.Id] = (ServiceTask)nodes[service.Id] with { Implementation = new ExternalImplementation(handler.HandlerName) };
                    }
                    else
                    {
                        check.Add(node, ProblemCodes.UnknownHandler,
                            $"{service.ElementType} '{service.Id}': no handler is registered for {handler.Attribute} '{handler.HandlerName}'. Register one, use camunda:type=\"external\", or deploy with unknown service tasks as external tasks.",
                            node.Label, handler.HandlerName);
                    }

                    break;
                case CallActivity call:
                    check.Expression(node, call.CalledElement, "calledElement");
                    check.Expression(node, call.BusinessKey, "businessKey");
                    check.Expression(node, call.Jurisdiction, "jurisdiction property");
                    foreach (var mapping in call.In.Concat(call.Out))
                    {
                        check.Expression(node, mapping.SourceExpression, "sourceExpression");
                    }

                    break;
            }

            if (node is ExclusiveGateway or InclusiveGateway)
            {
                check.GatewayConditions(node, process);
            }

            if (TimerOf(node) is { } timer && check.Expression(node, timer.Value, "timer"))
            {
                check.Timer(node, timer, options.MinimumTimerCycle);
            }
        }

        adjusted = nodes.All(kv => ReferenceEquals(kv.Value, process.Nodes[kv.Key]))
            ? process
            : process with { Nodes = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(nodes, StringComparer.Ordinal) };
        if (!flows.All(kv => ReferenceEquals(kv.Value, process.Flows[kv.Key])))
        {
            adjusted = adjusted with { Flows = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(flows, StringComparer.Ordinal) };
        }

        if (!process.Listeners.IsDefaultOrEmpty)
        {
            adjusted = adjusted with { Listeners = ResolveListeners(process.Listeners, process.Key, 0, process.Name ?? process.Key, handlers, problems) };
        }

        problems.AddRange(CycleCheck.WaitlessCycles(adjusted));
        return problems;
    }

    /// <summary>
    /// The input/output parameters' expressions parse, and each listener runs a registered handler or is a value
    /// expression (then replaced by one, as for service tasks); the node in <paramref name="nodes"/> gets the result.
    /// </summary>
    private static void CheckExtensions(FlowNode node, Dictionary<string, FlowNode> nodes, ServiceTaskHandlers handlers, AttributeChecks check, List<BpmnProblem> problems, EngineOptions options)
    {
        if (node.InputOutput is { } mapping)
        {
            foreach (var (parameter, direction) in mapping.Inputs.Select(p => (p, "input")).Concat(mapping.Outputs.Select(p => (p, "output"))))
            {
                foreach (var text in Texts(parameter.Value))
                {
                    check.Expression(node, text, $"{direction} parameter '{parameter.Name}'");
                }
            }
        }

        var current = nodes[node.Id];
        if (!node.Listeners.IsDefaultOrEmpty)
        {
            current = current with { Listeners = ResolveListeners(node.Listeners, node.Id, node.Location.Line, node.Label, handlers, problems) };
        }

        if (node is UserTask { TaskListeners.IsDefaultOrEmpty: false } task)
        {
            foreach (var timer in task.TaskListeners.Select(l => l.Timer).OfType<TimerDefinition>())
            {
                if (check.Expression(node, timer.Value, "timeout listener timer"))
                {
                    check.Timer(node, timer, options.MinimumTimerCycle);
                }
            }

            current = (UserTask)current with { TaskListeners = ResolveListeners(task.TaskListeners, node.Id, node.Location.Line, node.Label, handlers, problems) };
        }

        nodes[node.Id] = current;
    }

    private static IEnumerable<ExpressionText> Texts(IoValue value) => value switch
    {
        IoText text => [text.Text],
        IoList list => list.Items.SelectMany(Texts),
        IoMap map => map.Entries.SelectMany(e => Texts(e.Value)),
        _ => [],
    };

    private static ImmutableArray<Listener> ResolveListeners(
        ImmutableArray<Listener> listeners, string elementId, int line, string label, ServiceTaskHandlers handlers, List<BpmnProblem> problems)
    {
        var resolved = ImmutableArray.CreateBuilder<Listener>(listeners.Length);
        foreach (var listener in listeners)
        {
            if (listener.Implementation is not HandlerImplementation handler || handlers.Contains(handler.HandlerName))
            {
                resolved.Add(listener);
                continue;
            }

            if (handler.Attribute == "expression" && IsValueExpression(handler.HandlerName))
            {
                resolved.Add(listener with { Implementation = new ValueExpressionImplementation(new ExpressionText(handler.HandlerName)) });
                continue;
            }

            // A listener cannot become an external task: it runs inside the step it listens to.
            problems.Add(new BpmnProblem(elementId, listener.Location.Line > 0 ? listener.Location.Line : line,
                $"The {listener.Event} listener of '{elementId}': no handler is registered for {handler.Attribute} '{handler.HandlerName}', and it is not an expression Anju can evaluate. Register a handler of that name or write the listener as an expression (e.g. ${{execution.setVariable('checked', true)}}).")
            {
                Code = ProblemCodes.UnknownHandler,
                Arguments = [label, handler.HandlerName],
            });
            resolved.Add(listener);
        }

        return resolved.ToImmutable();
    }

    private static string? SignalNameOf(FlowNode node) => node switch
    {
        StartEvent s => s.SignalName,
        EndEvent e => e.SignalName,
        IntermediateCatchEvent c => c.SignalName,
        IntermediateThrowEvent t => t.SignalName,
        BoundaryEvent b => b.SignalName,
        _ => null,
    };

    private static TimerDefinition? TimerOf(FlowNode node) => node switch
    {
        StartEvent s => s.Timer,
        IntermediateCatchEvent c => c.Timer,
        BoundaryEvent b => b.Timer,
        _ => null,
    };

    /// <summary>The process-level call activities whose target is a literal key (for the "not deployed" warning).</summary>
    public static IEnumerable<(CallActivity Call, string Key)> LiteralCallTargets(ProcessDefinition process) =>
        process.Nodes.Values.OfType<CallActivity>()
            .Where(c => !c.CalledElement.Text.Contains("${", StringComparison.Ordinal) && !c.CalledElement.Text.Contains("#{", StringComparison.Ordinal))
            .Select(c => (c, c.CalledElement.Text.Trim()));

    /// <summary>The warning for a call activity whose target is not deployed (nor in the same deployment).</summary>
    public static BpmnProblem CallTargetMissing(CallActivity call, string key) =>
        new(call.Id, call.Location.Line,
            $"callActivity '{call.Id}' calls '{key}', which is not deployed; instances will stop in an incident there until it is.")
        {
            Code = ProblemCodes.CallTargetMissing,
            Severity = ProblemSeverity.Warning,
            Arguments = [call.Label, key],
        };

    /// <summary>One check per kind of attribute value; each adds its problems to the shared list.</summary>
    private sealed class AttributeChecks(List<BpmnProblem> problems)
    {
        public void Add(FlowNode node, string code, string message, params string[] arguments) =>
            problems.Add(new BpmnProblem(node.Id, node.Location.Line, message) { Code = code, Arguments = [.. arguments] });

        private void Add(SequenceFlow flow, string code, string message, params string[] arguments) =>
            problems.Add(new BpmnProblem(flow.Id, flow.Location.Line, message) { Code = code, Arguments = [.. arguments] });

        /// <summary>Parses the expression; false (after reporting) when it does not parse.</summary>
        public bool Expression(FlowNode owner, ExpressionText? text, string attribute) => Parse(owner, text, attribute) is not null || text is null;

        /// <summary>An expression task's expression: it may change variables (<c>execution.setVariable</c>).</summary>
        public bool WritingExpression(FlowNode owner, ExpressionText text, string attribute) => Parse(owner, text, attribute, mayWrite: true) is not null;

        private Expressions.Expression? Parse(FlowNode owner, ExpressionText? text, string attribute, bool mayWrite = false)
        {
            if (text is null)
            {
                return null;
            }

            try
            {
                var expression = Expressions.Expression.Parse(text.Text.Trim());
                if (expression.ChangesVariables && !mayWrite)
                {
                    Add(owner, ProblemCodes.Expression, $"{owner.ElementType} '{owner.Id}', {attribute}: setVariable can change variables only in a listener or an expression task, not here.",
                        owner.Label, attribute, "setVariable can change variables only in a listener or an expression task");
                    return null;
                }

                return expression;
            }
            catch (ExpressionException ex)
            {
                Add(owner, ProblemCodes.Expression, $"{owner.ElementType} '{owner.Id}', {attribute}: {ex.Message}", owner.Label, attribute, ex.Message);
                return null;
            }
        }

        /// <summary>
        /// A due or follow-up date: an ISO 8601 date(-time), an ISO 8601 duration from now, or an expression whose
        /// result can be one (a date function, a variable, composite text). "2个工作日" is none of them.
        /// </summary>
        public void Date(FlowNode owner, ExpressionText? text, string attribute)
        {
            if (Parse(owner, text, attribute) is not { } expression)
            {
                return;
            }

            var kinds = expression.PossibleKinds(ClassifyDate);
            if ((kinds & (ResultKinds.Date | ResultKinds.Null | ResultKinds.DynamicText | ResultKinds.Structure)) == 0)
            {
                Add(owner, ProblemCodes.DateValue,
                    $"{owner.ElementType} '{owner.Id}', {attribute}: '{text!.Text}' is not an ISO 8601 date or duration (e.g. 2026-10-08T17:00 or P2D), nor an expression giving one (e.g. ${{workingDays(2)}}).",
                    owner.Label, attribute, text.Text);
            }
        }

        public void Priority(FlowNode owner, ExpressionText? text)
        {
            if (Parse(owner, text, "priority") is not { } expression)
            {
                return;
            }

            var kinds = expression.PossibleKinds(t => long.TryParse(t.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _) ? ResultKinds.Number : ResultKinds.Text);
            if ((kinds & (ResultKinds.Number | ResultKinds.DynamicText | ResultKinds.Structure)) == 0)
            {
                Add(owner, ProblemCodes.PriorityValue,
                    $"{owner.ElementType} '{owner.Id}', priority: '{text!.Text}' is not a whole number (0 to 1000) nor an expression giving one.",
                    owner.Label, text.Text);
            }
        }

        /// <summary>Comma-separated user names or group ids; an entry may not be empty or hold spaces.</summary>
        public void CandidateList(FlowNode owner, ExpressionText? text, string attribute)
        {
            if (Parse(owner, text, attribute) is not { } expression)
            {
                return;
            }

            var kinds = expression.PossibleKinds(t => IsNameList(t) ? ResultKinds.Text : ResultKinds.None);
            if ((kinds & (ResultKinds.Text | ResultKinds.DynamicText | ResultKinds.Structure | ResultKinds.Null)) == 0)
            {
                Add(owner, ProblemCodes.CandidateList,
                    $"{owner.ElementType} '{owner.Id}', {attribute}: '{text!.Text}' is not a comma-separated list of names (e.g. community,street-office).",
                    owner.Label, attribute, text.Text);
            }
        }

        private static bool IsNameList(string text)
        {
            var entries = text.Split(',');
            return entries.All(e => e.Trim().Length > 0 && !e.Trim().Any(char.IsWhiteSpace) && !e.Contains('$', StringComparison.Ordinal));
        }

        /// <summary>Literal timers are parsed now; expressions must be able to give the timer's kind.</summary>
        public void Timer(FlowNode owner, TimerDefinition timer, TimeSpan minimumCycle)
        {
            var text = timer.Value.Text.Trim();
            var expression = Expressions.Expression.Parse(text);
            if (!expression.IsLiteral)
            {
                var kinds = expression.PossibleKinds(t => timer.Kind == TimerKind.Date ? ClassifyDate(t) : ResultKinds.Text);
                var acceptable = timer.Kind == TimerKind.Cycle
                    ? ResultKinds.Text | ResultKinds.DynamicText | ResultKinds.Structure
                    : ResultKinds.Date | ResultKinds.DynamicText | ResultKinds.Structure | (timer.Kind == TimerKind.Duration ? ResultKinds.Text : ResultKinds.None);
                if ((kinds & acceptable) == 0)
                {
                    Add(owner, ProblemCodes.TimerValue, $"{owner.ElementType} '{owner.Id}', timer: '{text}' can never give a {KindName(timer.Kind)}.",
                        owner.Label, text, $"can never give a {KindName(timer.Kind)}");
                }

                return;
            }

            var value = expression.Evaluate(NoVariables.Instance) as string ?? text;
            string? error = timer.Kind switch
            {
                TimerKind.Date => ExpressionValues.ToDateTime(value.Trim()) is not null ? null : $"'{value}' is not an ISO 8601 date",
                TimerKind.Duration => IsoDuration.TryParse(value, out _) ? null : $"'{value}' is not an ISO 8601 duration",
                _ => TimerSchedule.Validate(value),
            };
            if (error is not null)
            {
                Add(owner, ProblemCodes.TimerValue, $"{owner.ElementType} '{owner.Id}', timer: {error.TrimEnd('.')}.", owner.Label, value, error.TrimEnd('.'));
                return;
            }

            if (timer.Kind == TimerKind.Cycle && TimerSchedule.ShortestInterval(value) is { } interval && interval < minimumCycle)
            {
                Add(owner, ProblemCodes.TimerCycleTooShort,
                    $"{owner.ElementType} '{owner.Id}', timer: the cycle '{value}' fires every {Describe(interval)}; the shortest cycle allowed is {Describe(minimumCycle)} (setting Anju:Engine:MinimumTimerCycle).",
                    owner.Label, value, Describe(minimumCycle));
            }
        }

        /// <summary>A deciding gateway's flows: each that is not the default needs a condition.</summary>
        public void GatewayConditions(FlowNode gateway, ProcessDefinition process)
        {
            if (gateway.Outgoing.Length < 2)
            {
                return;
            }

            var defaultFlow = gateway switch
            {
                ExclusiveGateway x => x.DefaultFlowId,
                InclusiveGateway i => i.DefaultFlowId,
                _ => null,
            };
            foreach (var flowId in gateway.Outgoing)
            {
                if (flowId != defaultFlow && process.Flows.TryGetValue(flowId, out var flow) && flow.Condition is null)
                {
                    Add(flow, ProblemCodes.ConditionMissing,
                        $"sequenceFlow '{flow.Id}' leaves {gateway.ElementType} '{gateway.Id}' without a condition and is not its default flow, so it would always be taken.",
                        gateway.Label, FlowLabel(flow));
                }
            }
        }

        /// <summary>A condition parses and can be a boolean (a literal text such as "amount > 5" never is).</summary>
        public void Condition(SequenceFlow flow)
        {
            if (flow.Condition is not { } condition)
            {
                return;
            }

            Expressions.Expression expression;
            try
            {
                expression = Expressions.Expression.Parse(condition.Text.Trim());
            }
            catch (ExpressionException ex)
            {
                Add(flow, ProblemCodes.Expression, $"sequenceFlow '{flow.Id}', condition: {ex.Message}", FlowLabel(flow), "condition", ex.Message);
                return;
            }

            if (expression.ChangesVariables)
            {
                const string Reason = "setVariable can change variables only in a listener or an expression task, not in a condition";
                Add(flow, ProblemCodes.Expression, $"sequenceFlow '{flow.Id}', condition: {Reason}.", FlowLabel(flow), "condition", Reason);
                return;
            }

            var kinds = expression.PossibleKinds(t => t.Trim() is "true" or "false" ? ResultKinds.Boolean : ResultKinds.Text);
            if ((kinds & (ResultKinds.Boolean | ResultKinds.Null | ResultKinds.DynamicText | ResultKinds.Structure)) == 0)
            {
                Add(flow, ProblemCodes.ConditionValue,
                    $"sequenceFlow '{flow.Id}', condition: '{condition.Text}' can never be true or false; write it as an expression, e.g. ${{amount > 5000}}.",
                    FlowLabel(flow), condition.Text);
            }
        }

        /// <summary>Form fields: constraints that apply to the field's type with configurations the form check can read, defaults of the field's type.</summary>
        public void Form(FlowNode owner, ImmutableArray<FormField> fields)
        {
            foreach (var field in fields)
            {
                Expression(owner, field.DefaultValue, $"form field '{field.Id}' defaultValue");
                if (field.Type == "enum" && field.EnumValues.IsEmpty)
                {
                    Add(owner, ProblemCodes.FormEnumEmpty, $"{owner.ElementType} '{owner.Id}': the enum form field '{field.Id}' has no values.", owner.Label, field.Id);
                }

                foreach (var constraint in field.Constraints)
                {
                    if (ConstraintError(field, constraint) is { } error)
                    {
                        Add(owner, ProblemCodes.FormConstraint,
                            $"{owner.ElementType} '{owner.Id}': constraint '{constraint.Name}' of form field '{field.Id}' ({field.Type}) {error}.",
                            owner.Label, field.Id, constraint.Name, constraint.Config ?? "");
                    }
                }

                if (field.DefaultValue is { } text && !text.Text.Contains("${", StringComparison.Ordinal) && !text.Text.Contains("#{", StringComparison.Ordinal)
                    && !DefaultFits(field, text.Text.Trim()))
                {
                    Add(owner, ProblemCodes.FormDefault,
                        $"{owner.ElementType} '{owner.Id}': the default '{text.Text}' of form field '{field.Id}' is not a {field.Type} value.",
                        owner.Label, field.Id, text.Text, field.Type);
                }
            }
        }

        private static string? ConstraintError(FormField field, FormConstraint constraint)
        {
            var config = constraint.Config?.Trim();
            switch (constraint.Name)
            {
                case "minlength" or "maxlength":
                    if (field.Type != "string")
                    {
                        return "applies to string fields only";
                    }

                    return long.TryParse(config, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? null
                        : $"needs a whole number of characters as its config, not '{config}'";
                case "min" or "max":
                    var fits = field.Type switch
                    {
                        "long" => long.TryParse(config, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
                        "double" => double.TryParse(config, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                        "date" => config is not null && ExpressionValues.ToDateTime(config) is not null,
                        _ => (bool?)null,
                    };
                    return fits switch
                    {
                        null => "applies to long, double or date fields only",
                        false => $"needs a {field.Type} value as its config, not '{config}'",
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        private static bool DefaultFits(FormField field, string value) => value.Length == 0 || field.Type switch
        {
            "long" => long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            "double" => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            "date" => ExpressionValues.ToDateTime(value) is not null,
            "enum" => field.EnumValues.Any(v => v.Id == value),
            _ => true,
        };

        private static ResultKinds ClassifyDate(string text)
        {
            var trimmed = text.Trim();
            return trimmed.Length == 0 ? ResultKinds.Null
                : ExpressionValues.ToDateTime(trimmed) is not null || IsoDuration.TryParse(trimmed, out _) ? ResultKinds.Date
                : ResultKinds.Text;
        }

        private static string KindName(TimerKind kind) => kind switch
        {
            TimerKind.Date => "date",
            TimerKind.Duration => "duration",
            _ => "cycle",
        };

        internal static string FlowLabel(SequenceFlow flow) => string.IsNullOrWhiteSpace(flow.Name) ? flow.Id : $"{flow.Name} ({flow.Id})";

        private static string Describe(TimeSpan span) =>
            span >= TimeSpan.FromMinutes(1) && span.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{span.TotalMinutes:0} min"
            : span >= TimeSpan.FromSeconds(1) ? $"{span.TotalSeconds:0.###} s"
            : $"{span.TotalMilliseconds:0.###} ms";
    }

    /// <summary>Evaluates literal text (which only unescapes <c>\${</c>).</summary>
    private sealed class NoVariables : IExpressionContext
    {
        public static readonly NoVariables Instance = new();

        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

        public Calendars.WorkingCalendar Calendar => throw new InvalidOperationException("Literal text needs no calendar.");

        public bool TryGetVariable(string name, out System.Text.Json.Nodes.JsonNode? value)
        {
            value = null;
            return false;
        }
    }
}
