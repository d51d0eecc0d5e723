namespace Anju.Workflows.Deployment;

/// <summary>
/// The stable codes of deployment problems (<see cref="Parsing.BpmnProblem.Code"/>). Clients render them in their
/// language with <see cref="Parsing.BpmnProblem.Arguments"/>; the English message is the detail.
/// </summary>
public static class ProblemCodes
{
    /// <summary>
    /// The generic code of a problem without one of its own (arguments: the English message). Every problem the engine
    /// reports now has its own code; this stays the default of <see cref="Parsing.BpmnProblem.Code"/> and a stable value for clients.
    /// </summary>
    public const string Model = "model";

    // Issue 20: the rarer problems of extensions, forms, structure, processes and the document.

    /// <summary>A document larger than the reader accepts. Arguments: the limit ("10 MB").</summary>
    public const string DocumentTooLarge = "documentTooLarge";

    /// <summary>A document whose elements nest deeper than the reader accepts. Arguments: the most levels allowed.</summary>
    public const string DocumentTooDeep = "documentTooDeep";

    /// <summary>A document with a DTD (DOCTYPE), which is never accepted. No arguments.</summary>
    public const string DocumentDtd = "documentDtd";

    /// <summary>A document that is not well-formed XML. Arguments: the line and the column the XML parser stopped at.</summary>
    public const string DocumentNotWellFormed = "documentNotWellFormed";

    /// <summary>A document whose bytes do not match its encoding. No arguments.</summary>
    public const string DocumentEncoding = "documentEncoding";

    /// <summary>
    /// A document whose root element is not BPMN 2.0 'definitions'. Arguments: the root element's name, its namespace
    /// (both empty when there is none).
    /// </summary>
    public const string RootElement = "rootElement";

    /// <summary>A process or flow element without id. Arguments: what it is (the BPMN element: process, userTask...).</summary>
    public const string IdMissing = "idMissing";

    /// <summary>A camunda:property of a process without a name. Arguments: the process.</summary>
    public const string ProcessPropertyNameMissing = "processPropertyNameMissing";

    /// <summary>A camunda:property name that appears twice on a process. Arguments: the process, the name.</summary>
    public const string ProcessPropertyDuplicate = "processPropertyDuplicate";

    /// <summary>A caseNumberPrefix that is not 2 to 4 capital letters. Arguments: the process, the value.</summary>
    public const string CaseNumberPrefix = "caseNumberPrefix";

    /// <summary>caseSummary and caseSearch naming too many variables. Arguments: the process, how many, the most allowed.</summary>
    public const string CaseVariablesTooMany = "caseVariablesTooMany";

    /// <summary>
    /// camunda:candidateStarterGroups or candidateStarterUsers written as an expression. Arguments: the process, the
    /// attribute (camunda:candidateStarterGroups), the value.
    /// </summary>
    public const string CandidateStartersExpression = "candidateStartersExpression";

    /// <summary>An event-based gateway with instantiate="true". Arguments: the gateway.</summary>
    public const string EventGatewayInstantiate = "eventGatewayInstantiate";

    /// <summary>A boolean attribute that is neither "true" nor "false". Arguments: element, attribute, value.</summary>
    public const string BooleanValue = "booleanValue";

    /// <summary>A signal event whose signal has no name. Arguments: element, the signal (its id).</summary>
    public const string SignalNameMissing = "signalNameMissing";

    /// <summary>A signal start event of a process whose signal name is an expression. Arguments: element, the name.</summary>
    public const string SignalNameExpression = "signalNameExpression";

    /// <summary>A Camunda extension (camunda:in) on a signal event definition. Arguments: element, the extension (camunda:in).</summary>
    public const string SignalExtensionUnsupported = "signalExtensionUnsupported";

    /// <summary>camunda:async on a signal event definition. Arguments: element.</summary>
    public const string SignalAsyncUnsupported = "signalAsyncUnsupported";

    /// <summary>A timeout task listener without id. Arguments: element.</summary>
    public const string TimeoutListenerIdMissing = "timeoutListenerIdMissing";

    /// <summary>A timeout task listener without timerEventDefinition. Arguments: element.</summary>
    public const string TimeoutListenerTimerMissing = "timeoutListenerTimerMissing";

    /// <summary>A listener with field injection (camunda:field). Arguments: element.</summary>
    public const string ListenerField = "listenerField";

    /// <summary>A listener with another Camunda child element it cannot have. Arguments: element, the child (camunda:xyz).</summary>
    public const string ListenerExtensionUnsupported = "listenerExtensionUnsupported";

    /// <summary>A listener's delegateExpression that does not name a handler as ${name}. Arguments: element, the expression.</summary>
    public const string ListenerDelegateExpression = "listenerDelegateExpression";

    /// <summary>camunda:outputParameter on an end event. Arguments: element.</summary>
    public const string OutputOnEndEvent = "outputOnEndEvent";

    /// <summary>camunda:outputParameter on a multi-instance activity. Arguments: element.</summary>
    public const string OutputOnMultiInstance = "outputOnMultiInstance";

    /// <summary>An input or output parameter (or list item, map entry) with more than one value. Arguments: element, parameter.</summary>
    public const string ParameterValueMultiple = "parameterValueMultiple";

    /// <summary>A camunda:entry of a parameter's camunda:map without key. Arguments: element, parameter.</summary>
    public const string ParameterMapKeyMissing = "parameterMapKeyMissing";

    /// <summary>
    /// A parameter value that is neither text, camunda:list, camunda:map nor camunda:script. Arguments: element,
    /// parameter, the value's element (its local name).
    /// </summary>
    public const string ParameterValueUnsupported = "parameterValueUnsupported";

    /// <summary>A form with both camunda:formData and camunda:formProperty. Arguments: element.</summary>
    public const string FormDataAndProperties = "formDataAndProperties";

    /// <summary>
    /// A writable form property whose expression names no variable (nor a property of one). Arguments: element, field,
    /// the expression.
    /// </summary>
    public const string FormPropertyExpression = "formPropertyExpression";

    /// <summary>A form property whose variable and expression name different variables. Arguments: element, field, variable, expression.</summary>
    public const string FormPropertyVariables = "formPropertyVariables";

    /// <summary>A form property's datePattern that cannot be used. Arguments: element, field, the pattern.</summary>
    public const string FormDatePatternInvalid = "formDatePatternInvalid";

    /// <summary>An enum value of a form field without id. Arguments: element, field.</summary>
    public const string FormEnumValueIdMissing = "formEnumValueIdMissing";

    /// <summary>An escalation boundary event on something other than a subprocess or call activity. Arguments: the boundary event, its host.</summary>
    public const string EscalationBoundaryHost = "escalationBoundaryHost";

    /// <summary>A second link catch event of one name in one scope. Arguments: the second catch event, link name, the first.</summary>
    public const string LinkCatchDuplicate = "linkCatchDuplicate";

    /// <summary>A start event or boundary event with incoming sequence flows. Arguments: element.</summary>
    public const string IncomingFlowNotAllowed = "incomingFlowNotAllowed";

    /// <summary>A link catch event with incoming sequence flows. Arguments: element.</summary>
    public const string LinkCatchIncoming = "linkCatchIncoming";

    /// <summary>A link throw event with outgoing sequence flows. Arguments: element.</summary>
    public const string LinkThrowOutgoing = "linkThrowOutgoing";

    /// <summary>An end event with outgoing sequence flows. Arguments: element.</summary>
    public const string EndEventOutgoing = "endEventOutgoing";

    /// <summary>A message that starts a process at two start events. Arguments: the second start event, the message, the first.</summary>
    public const string MessageStartDuplicate = "messageStartDuplicate";

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

    /// <summary>An id used by two elements of the document. Arguments: the id, the second element, the first.</summary>
    public const string DuplicateId = "duplicateId";

    /// <summary>A document without any process. No arguments.</summary>
    public const string NoProcess = "noProcess";

    /// <summary>A process not marked executable (isExecutable) where it would be deployed. Arguments: the process.</summary>
    public const string ProcessNotExecutable = "processNotExecutable";

    /// <summary>A gateway's default flow that is not one of its outgoing flows. Arguments: gateway, the flow's id.</summary>
    public const string DefaultFlowNotOutgoing = "defaultFlowNotOutgoing";

    /// <summary>A gateway's default flow with a condition. Arguments: flow, gateway.</summary>
    public const string DefaultFlowWithCondition = "defaultFlowWithCondition";

    /// <summary>
    /// An event-based gateway followed by something other than a message, signal or timer catch event or a receive
    /// task. Arguments: gateway, what follows it.
    /// </summary>
    public const string EventGatewayTarget = "eventGatewayTarget";

    /// <summary>An event subprocess with sequence flows in or out. Arguments: the event subprocess.</summary>
    public const string EventSubProcessFlows = "eventSubProcessFlows";

    /// <summary>An event subprocess with boundary events, multi-instance or input/output mappings. Arguments: the event subprocess.</summary>
    public const string EventSubProcessAttachments = "eventSubProcessAttachments";

    /// <summary>An event subprocess without exactly one start event. Arguments: the event subprocess, how many it has.</summary>
    public const string EventSubProcessStarts = "eventSubProcessStarts";

    /// <summary>A start event of an event subprocess without a trigger. Arguments: the start event.</summary>
    public const string EventSubProcessNoneStart = "eventSubProcessNoneStart";

    /// <summary>An embedded subprocess with more than one start event. Arguments: the subprocess, how many it has.</summary>
    public const string SubProcessStarts = "subProcessStarts";

    /// <summary>A timer without exactly one of timeDate, timeDuration or timeCycle. Arguments: element.</summary>
    public const string TimerDefinition = "timerDefinition";

    /// <summary>A timer whose timeDate, timeDuration or timeCycle is empty. Arguments: element, which of the three.</summary>
    public const string TimerEmpty = "timerEmpty";

    /// <summary>A multi-instance with neither loopCardinality nor camunda:collection. Arguments: element.</summary>
    public const string MultiInstanceCountMissing = "multiInstanceCountMissing";

    /// <summary>A listener on an event it cannot listen to here. Arguments: element, the event (empty when none), the events allowed.</summary>
    public const string ListenerEvent = "listenerEvent";

    /// <summary>A listener without exactly one of class, delegateExpression or expression. Arguments: element.</summary>
    public const string ListenerImplementation = "listenerImplementation";

    /// <summary>A listener written as a script (camunda:script). Arguments: element.</summary>
    public const string ListenerScript = "listenerScript";

    /// <summary>A task listener on "update", which the engine does not run. Arguments: element.</summary>
    public const string TaskListenerUpdate = "taskListenerUpdate";

    /// <summary>An input or output parameter without a name. Arguments: element.</summary>
    public const string ParameterNameMissing = "parameterNameMissing";

    /// <summary>An input or output parameter whose name appears twice. Arguments: element, parameter.</summary>
    public const string ParameterDuplicate = "parameterDuplicate";

    /// <summary>An input or output parameter whose value is a script. Arguments: element, parameter.</summary>
    public const string ParameterScript = "parameterScript";

    /// <summary>A form field (or form property) without id. Arguments: element.</summary>
    public const string FormFieldIdMissing = "formFieldIdMissing";

    /// <summary>A form field without a type. Arguments: element, field.</summary>
    public const string FormFieldTypeMissing = "formFieldTypeMissing";

    /// <summary>A form field of a type the forms do not know. Arguments: element, field, type.</summary>
    public const string FormFieldTypeUnknown = "formFieldTypeUnknown";

    /// <summary>Two form fields of one form with the same id. Arguments: element, field.</summary>
    public const string FormFieldDuplicate = "formFieldDuplicate";

    /// <summary>A form field constraint the forms do not check. Arguments: element, field, constraint (empty when it has no name).</summary>
    public const string FormConstraintUnsupported = "formConstraintUnsupported";

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

    // Issue 20: the rarer problems of events, flows, tasks, call activities and vendor attributes.

    /// <summary>An event that refers to a root-level event definition (eventDefinitionRef). Arguments: element.</summary>
    public const string EventDefinitionRefUnsupported = "eventDefinitionRefUnsupported";

    /// <summary>An event with more than one event definition (a multiple event). Arguments: element, how many it has.</summary>
    public const string MultipleEventUnsupported = "multipleEventUnsupported";

    /// <summary>A link event whose linkEventDefinition has no name. Arguments: element.</summary>
    public const string LinkNameMissing = "linkNameMissing";

    /// <summary>A conditional event without a condition. Arguments: element.</summary>
    public const string ConditionalConditionMissing = "conditionalConditionMissing";

    /// <summary>A conditional event whose camunda:variableEvents names something other than create, update or delete. Arguments: element, the name.</summary>
    public const string VariableEventUnknown = "variableEventUnknown";

    /// <summary>A conditional event whose camunda:variableEvents is empty. Arguments: element.</summary>
    public const string VariableEventsEmpty = "variableEventsEmpty";

    /// <summary>An intermediate catch event or boundary event without an event definition. Arguments: element.</summary>
    public const string EventDefinitionMissing = "eventDefinitionMissing";

    /// <summary>A start event with a trigger (message, timer…) inside an embedded subprocess. Arguments: element, the trigger (message, timer…).</summary>
    public const string SubProcessStartTrigger = "subProcessStartTrigger";

    /// <summary>A start event with a trigger that has a start form. Arguments: element.</summary>
    public const string StartFormOnTrigger = "startFormOnTrigger";

    /// <summary>An error start event of an event subprocess marked non-interrupting. Arguments: element.</summary>
    public const string ErrorStartNonInterrupting = "errorStartNonInterrupting";

    /// <summary>An error boundary event marked non-interrupting (cancelActivity="false"). Arguments: element.</summary>
    public const string ErrorBoundaryNonInterrupting = "errorBoundaryNonInterrupting";

    /// <summary>A sequence flow whose source or target is in another (sub)process than the flow. Arguments: flow, source, target.</summary>
    public const string FlowCrossesSubProcess = "flowCrossesSubProcess";

    /// <summary>A boundary event attached to a flow node that is not an activity. Arguments: element, the node, its BPMN element type.</summary>
    public const string BoundaryHostNotActivity = "boundaryHostNotActivity";

    /// <summary>A boundary event in another (sub)process than the activity it is attached to. Arguments: element, the activity.</summary>
    public const string BoundaryHostScope = "boundaryHostScope";

    /// <summary>A sequence flow condition in a script language. Arguments: flow, the language.</summary>
    public const string ConditionLanguage = "conditionLanguage";

    /// <summary>A sequence flow condition loaded from a camunda:resource. Arguments: flow.</summary>
    public const string ConditionResource = "conditionResource";

    /// <summary>A sequence flow condition of an xsi:type other than tFormalExpression. Arguments: flow, the type.</summary>
    public const string ConditionType = "conditionType";

    /// <summary>
    /// A Camunda attribute or extension element that Camunda 7 reads where it stands but the engine does not implement.
    /// Arguments: element, the attribute or extension (<c>camunda:formHandlerClass</c>).
    /// </summary>
    public const string CamundaUnsupported = "camundaUnsupported";

    /// <summary>A call activity with a camunda:calledElementBinding other than latest, version or deployment. Arguments: element, the binding.</summary>
    public const string CalledElementBinding = "calledElementBinding";

    /// <summary>A call activity with binding "version" whose camunda:calledElementVersion is not a version number. Arguments: element, the value (empty when none).</summary>
    public const string CalledElementVersion = "calledElementVersion";

    /// <summary>A call activity with more than one camunda:in businessKey. Arguments: element.</summary>
    public const string CallBusinessKeyDuplicate = "callBusinessKeyDuplicate";

    /// <summary>A camunda:in or camunda:out with a variables attribute other than "all". Arguments: element, camunda:in or camunda:out, the value.</summary>
    public const string CallVariablesUnsupported = "callVariablesUnsupported";

    /// <summary>A camunda:in or camunda:out without exactly one of source or sourceExpression and a target. Arguments: element, camunda:in or camunda:out.</summary>
    public const string CallMappingIncomplete = "callMappingIncomplete";

    /// <summary>A user task with more than one humanPerformer. Arguments: element.</summary>
    public const string HumanPerformerDuplicate = "humanPerformerDuplicate";

    /// <summary>A humanPerformer or potentialOwner without resourceAssignmentExpression/formalExpression. Arguments: element, the role (humanPerformer or potentialOwner).</summary>
    public const string HumanRoleExpressionMissing = "humanRoleExpressionMissing";

    /// <summary>A Flowable extension element with no Camunda 7 equivalent. Arguments: element, the extension (<c>flowable:mapException</c>).</summary>
    public const string FlowableElementUnsupported = "flowableElementUnsupported";

    /// <summary>
    /// A Flowable attribute that changes how Flowable runs the model and has no Camunda 7 equivalent. Arguments: element,
    /// the attribute (with its value when only some values are harmless: <c>flowable:formFieldValidation="false"</c>).
    /// </summary>
    public const string FlowableAttributeUnsupported = "flowableAttributeUnsupported";

    /// <summary>
    /// An Activiti or Flowable attribute beside the Camunda attribute it stands for, with another value. Arguments:
    /// element, the vendor attribute with its value, the Camunda attribute with its value.
    /// </summary>
    public const string VendorAttributeConflict = "vendorAttributeConflict";

    /// <summary>A business rule task with camunda:decisionRef (DMN is not evaluated). Arguments: element, the decisionRef.</summary>
    public const string DecisionRefUnsupported = "decisionRefUnsupported";

    /// <summary>A receive task with instantiate="true". Arguments: element.</summary>
    public const string ReceiveTaskInstantiate = "receiveTaskInstantiate";

    /// <summary>A service-like task with more than one of camunda:class, delegateExpression, expression or type. Arguments: element.</summary>
    public const string ImplementationAmbiguous = "implementationAmbiguous";

    /// <summary>A service-like task without any implementation. Arguments: element.</summary>
    public const string ImplementationMissing = "implementationMissing";

    /// <summary>A service-like task with a camunda:type other than "external". Arguments: element, the type.</summary>
    public const string TaskTypeUnsupported = "taskTypeUnsupported";

    /// <summary>An external task without camunda:topic. Arguments: element.</summary>
    public const string ExternalTopicMissing = "externalTopicMissing";

    /// <summary>A camunda:delegateExpression that does not name a handler as ${name}. Arguments: element, the expression.</summary>
    public const string DelegateExpressionForm = "delegateExpressionForm";

    /// <summary>A camunda:property without a name. Arguments: element.</summary>
    public const string PropertyNameMissing = "propertyNameMissing";

    /// <summary>A camunda:property whose name appears twice on one element. Arguments: element, the property.</summary>
    public const string PropertyDuplicate = "propertyDuplicate";

    /// <summary>An activity with standardLoopCharacteristics. Arguments: element.</summary>
    public const string StandardLoopUnsupported = "standardLoopUnsupported";

    /// <summary>An activity (not a gateway) with a default flow. Arguments: element.</summary>
    public const string ActivityDefaultFlow = "activityDefaultFlow";

    /// <summary>
    /// A multi-instance with BPMN data inputs or outputs (loopDataInputRef, inputDataItem…) or a complexBehaviorDefinition.
    /// Arguments: element, the child element.
    /// </summary>
    public const string MultiInstanceDataUnsupported = "multiInstanceDataUnsupported";
}
