using System.Collections.Immutable;
namespace Anju.Workflows.Model;

public sealed record StartEvent : FlowNode
{    /// <summary>The condition, for a conditional event.</summary>
    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>The start of an event subprocess: interrupting (default) cancels the rest of its scope.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>An error start's errorCode (null: every error), an escalation start's escalationCode (null: every one).</summary>
    public string? ErrorCode { get; init; }

    public string? EscalationCode { get; init; }

    /// <summary>The signal's name, for a signal event.</summary>
    public string? SignalName { get; init; }


    public override string ElementType => "startEvent";
    public EventTrigger Trigger { get; init; }
    public string? MessageName { get; init; }
    public TimerDefinition? Timer { get; init; }

    /// <summary>camunda:initiator: the variable that receives the username of whoever started the instance.</summary>
    public string? Initiator { get; init; }

    /// <summary>
    /// camunda:formKey of a none start event: a form outside the engine (<c>embedded:app:forms/start.html</c>, a
    /// Camunda Forms reference); kept and returned with the process so that a client can show it.
    /// </summary>
    public string? FormKey { get; init; }

    /// <summary>camunda:formData of a none start event: the start form. When present, it is the whole list of variables an
    /// instance may be started with through the API.</summary>
    public ImmutableArray<FormField> FormFields { get; init; } = [];
}

public sealed record EndEvent : FlowNode
{    /// <summary>The signal's name, for a signal event.</summary>
    public string? SignalName { get; init; }


    public override string ElementType => "endEvent";

    /// <summary>None, Terminate or Error.</summary>
    public EventTrigger Trigger { get; init; }

    /// <summary>The errorCode thrown by an error end event (null: catch-all code).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The escalationCode thrown by an escalation end event (null: only catch-all boundaries catch it).</summary>
    public string? EscalationCode { get; init; }
}

public sealed record IntermediateCatchEvent : FlowNode
{    /// <summary>The condition, for a conditional event.</summary>
    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>The signal's name, for a signal event.</summary>
    public string? SignalName { get; init; }


    public override string ElementType => "intermediateCatchEvent";

    /// <summary>Message or Timer.</summary>
    public EventTrigger Trigger { get; init; }

    public string? MessageName { get; init; }
    public TimerDefinition? Timer { get; init; }

    /// <summary>The name of a link catch event (Trigger Link): where throws of that name in the same scope continue.</summary>
    public string? LinkName { get; init; }
}

/// <summary>A none intermediate throw event (a milestone the token passes), or a link throw event (<see cref="LinkName"/>).</summary>
public sealed record IntermediateThrowEvent : FlowNode
{    /// <summary>The signal's name, for a signal event.</summary>
    public string? SignalName { get; init; }


    public override string ElementType => "intermediateThrowEvent";

    /// <summary>A link throw event: the token continues at the link catch event of this name in the same scope.</summary>
    public string? LinkName { get; init; }

    /// <summary>An escalation throw event (Trigger Escalation): the escalation is thrown and the token goes on.</summary>
    public EventTrigger Trigger { get; init; }

    /// <summary>The escalationCode an escalation throw event throws (null: only catch-all boundaries catch it).</summary>
    public string? EscalationCode { get; init; }
}

public sealed record BoundaryEvent : FlowNode
{    /// <summary>The condition, for a conditional event.</summary>
    public ConditionalDefinition? Conditional { get; init; }

    /// <summary>The signal's name, for a signal event.</summary>
    public string? SignalName { get; init; }


    public override string ElementType => "boundaryEvent";
    public required string AttachedToId { get; init; }

    /// <summary>BPMN cancelActivity: true (default) interrupts the activity.</summary>
    public bool CancelActivity { get; init; } = true;

    /// <summary>Message, Timer or Error.</summary>
    public EventTrigger Trigger { get; init; }

    public string? MessageName { get; init; }
    public TimerDefinition? Timer { get; init; }

    /// <summary>The errorCode caught; null catches every error.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The escalationCode caught (Trigger Escalation); null catches every escalation.</summary>
    public string? EscalationCode { get; init; }
}

public sealed record ExclusiveGateway : FlowNode
{
    public override string ElementType => "exclusiveGateway";
    public string? DefaultFlowId { get; init; }
}

public sealed record ParallelGateway : FlowNode
{
    public override string ElementType => "parallelGateway";
}

public sealed record InclusiveGateway : FlowNode
{
    public override string ElementType => "inclusiveGateway";
    public string? DefaultFlowId { get; init; }
}

public sealed record EventBasedGateway : FlowNode
{
    public override string ElementType => "eventBasedGateway";
}
