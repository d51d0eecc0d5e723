namespace Anju.Workflows.Deployment;

/// <summary>
/// The stable codes of deployment problems (<see cref="Parsing.BpmnProblem.Code"/>). Clients render them in their
/// language with <see cref="Parsing.BpmnProblem.Arguments"/>; the English message is the detail.
/// </summary>
public static class ProblemCodes
{
    /// <summary>The document's shape (XML, unsupported element, dangling reference). Arguments: the English message.</summary>
    public const string Model = "model";

    // The structural problems a modeller meets most, each with its own code so that clients can say it in their
    // language. An element argument is its label: "name (id)", or the id when it has no name.

    /// <summary>A flow node that leads nowhere (a start event, gateway or link catch without outgoing flow). Arguments: element.</summary>
    public const string NoOutgoingFlow = "noOutgoingFlow";

    /// <summary>A flow node no sequence flow leads to. Arguments: element.</summary>
    public const string NoIncomingFlow = "noIncomingFlow";

    /// <summary>A sequence flow without sourceRef or targetRef. Arguments: flow.</summary>
    public const string FlowNotConnected = "flowNotConnected";

    /// <summary>A sequence flow whose source is not a flow node of its process. Arguments: flow, the source's id.</summary>
    public const string FlowSourceUnknown = "flowSourceUnknown";

    /// <summary>A sequence flow whose target is not a flow node of its process. Arguments: flow, the target's id.</summary>
    public const string FlowTargetUnknown = "flowTargetUnknown";

    /// <summary>A process or subprocess without a start event. Arguments: the process or subprocess.</summary>
    public const string NoStartEvent = "noStartEvent";

    /// <summary>A second none start event in a process. Arguments: the second start event, the first.</summary>
    public const string SecondNoneStart = "secondNoneStart";

    /// <summary>A message event or receive task without messageRef. Arguments: element.</summary>
    public const string MessageRefMissing = "messageRefMissing";

    /// <summary>A messageRef that names no message of the document. Arguments: element, the reference.</summary>
    public const string MessageUnknown = "messageUnknown";

    /// <summary>A signal event without signalRef. Arguments: element.</summary>
    public const string SignalRefMissing = "signalRefMissing";

    /// <summary>A signalRef that names no signal of the document. Arguments: element, the reference.</summary>
    public const string SignalUnknown = "signalUnknown";

    /// <summary>An errorRef that names no error of the document. Arguments: element, the reference.</summary>
    public const string ErrorUnknown = "errorUnknown";

    /// <summary>An escalationRef that names no escalation of the document. Arguments: element, the reference.</summary>
    public const string EscalationUnknown = "escalationUnknown";

    /// <summary>A script task (scripts cannot be sandboxed). Arguments: element.</summary>
    public const string ScriptTaskUnsupported = "scriptTaskUnsupported";

    /// <summary>A complex gateway. Arguments: element.</summary>
    public const string ComplexGatewayUnsupported = "complexGatewayUnsupported";

    /// <summary>A transaction subprocess or a cancel event. Arguments: element.</summary>
    public const string TransactionUnsupported = "transactionUnsupported";

    /// <summary>A compensation event or compensation handler. Arguments: element.</summary>
    public const string CompensationUnsupported = "compensationUnsupported";

    /// <summary>
    /// Any other element or event kind the engine does not run. Arguments: element, what it is (the BPMN element,
    /// or "timer end event" for an event kind).
    /// </summary>
    public const string ElementUnsupported = "elementUnsupported";

    /// <summary>A link throw event with no link catch event of its name in its scope. Arguments: element, link name.</summary>
    public const string LinkCatchMissing = "linkCatchMissing";

    /// <summary>A boundary event without attachedToRef. Arguments: element.</summary>
    public const string BoundaryNotAttached = "boundaryNotAttached";

    /// <summary>A boundary event attached to something that is not a flow node of its process. Arguments: element, the reference.</summary>
    public const string BoundaryHostUnknown = "boundaryHostUnknown";

    /// <summary>A call activity without calledElement. Arguments: element.</summary>
    public const string CalledElementMissing = "calledElementMissing";

    /// <summary>An expression that does not parse. Arguments: element, attribute, the parser's message.</summary>
    public const string Expression = "expression";

    /// <summary>A due or follow-up date that can never be a date. Arguments: element, attribute, value.</summary>
    public const string DateValue = "dateValue";

    /// <summary>A timer value of the wrong form. Arguments: element, value, reason.</summary>
    public const string TimerValue = "timerValue";

    /// <summary>A timer cycle that fires more often than the engine allows. Arguments: element, value, minimum.</summary>
    public const string TimerCycleTooShort = "timerCycleTooShort";

    /// <summary>A priority that is not a whole number. Arguments: element, value.</summary>
    public const string PriorityValue = "priorityValue";

    /// <summary>A candidate list with an empty or malformed entry. Arguments: element, attribute, value.</summary>
    public const string CandidateList = "candidateList";

    /// <summary>
    /// Warning: a Camunda attribute or extension element with no effect where it stands (Camunda 7 ignores it there
    /// too). Arguments: element, the attribute or extension (<c>camunda:expression</c>).
    /// </summary>
    public const string AttributeIgnored = "attributeIgnored";

    /// <summary>Warning: a user task with no assignee and no candidates (only an administrator could assign it). Arguments: element.</summary>
    public const string UserTaskUnassigned = "userTaskUnassigned";

    /// <summary>A form constraint whose configuration the form check could not apply. Arguments: element, field, constraint, config.</summary>
    public const string FormConstraint = "formConstraint";

    /// <summary>A form field's default that is not of the field's type. Arguments: element, field, value, type.</summary>
    public const string FormDefault = "formDefault";

    /// <summary>An enum form field without values. Arguments: element, field.</summary>
    public const string FormEnumEmpty = "formEnumEmpty";

    /// <summary>A flow out of a deciding gateway without a condition that is not its default. Arguments: gateway, flow.</summary>
    public const string ConditionMissing = "conditionMissing";

    /// <summary>A condition that can never be true or false. Arguments: flow, condition.</summary>
    public const string ConditionValue = "conditionValue";

    /// <summary>Warning: a call activity's target is not deployed. Arguments: element, key.</summary>
    public const string CallTargetMissing = "callTargetMissing";

    /// <summary>A cycle a token would run around forever in one command. Arguments: the elements of the cycle.</summary>
    public const string WaitlessCycle = "waitlessCycle";

    /// <summary>A service task whose handler is not registered. Arguments: element, handler.</summary>
    public const string UnknownHandler = "unknownHandler";

    /// <summary>One process key in two files of a deployment. Arguments: key.</summary>
    public const string DuplicateKey = "duplicateKey";

    /// <summary>A deployment without any BPMN process.</summary>
    public const string Empty = "empty";
}
