namespace Anju.Host.Persistence;

/// <summary>
/// A service-task handler the Host provides under a BPMN name (camunda:delegateExpression="${name}"). Features
/// add theirs with <see cref="ServiceTaskHandlerRegistrations.AddServiceTaskHandler{THandler}"/>; the engine's
/// registry is filled from them when it is first resolved, before definitions are deployed.
/// </summary>
public sealed record ServiceTaskHandlerRegistration(string Name, Type HandlerType);
