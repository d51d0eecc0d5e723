using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads what every activity may carry: asynchronous continuations, the job retry cycle and
/// multi-instance loop characteristics.
/// </summary>
internal static class ActivityReader
{
    public static Activity ReadCommon(Activity activity, XElement element, ReadContext context)
    {
        var id = activity.Id;
        var description = ReadContext.Describe(element);
        if (element.BpmnChild("standardLoopCharacteristics") is { } loop)
        {
            context.Report(loop, id, $"standardLoopCharacteristics on {description} is not supported; use multi-instance",
                Deployment.ProblemCodes.StandardLoopUnsupported, ReadContext.Label(element));
        }

        // The model has a default flow on gateways only; silently dropping it would change routing.
        if (element.Attr("default") is not null)
        {
            context.Report(element, id, $"A default flow on {description} is not supported; route through an exclusive gateway",
                Deployment.ProblemCodes.ActivityDefaultFlow, ReadContext.Label(element));
        }

        if (context.ReadBoolean(element, "isForCompensation", false, element))
        {
            context.Report(element, id, $"Compensation handler {description} is not supported", Deployment.ProblemCodes.CompensationUnsupported, ReadContext.Label(element));
        }

        return ReadContinuations(activity, element, context) with
        {
            MultiInstance = ReadMultiInstance(element, description, context),
        };
    }

    /// <summary>
    /// Asynchronous continuations and the job retry cycle, which Camunda 7 reads on every flow node, and Anju runs on
    /// every flow node too (asyncAfter on an error end event or an event-based gateway has no effect, in Camunda 7 as
    /// here, and is dropped with a warning: see <c>ProcessReader.DropIneffectiveAsyncAfter</c>).
    /// </summary>
    public static T ReadContinuations<T>(T node, XElement element, ReadContext context)
        where T : FlowNode => node with
        {
            // camunda:async is the pre-7.3 spelling of asyncBefore; old diagrams still carry it.
            AsyncBefore = context.ReadBoolean(element, Namespaces.Camunda + "asyncBefore", false, element)
                || context.ReadBoolean(element, Namespaces.Camunda + "async", false, element),
            AsyncAfter = context.ReadBoolean(element, Namespaces.Camunda + "asyncAfter", false, element),
            RetryTimeCycle = element.CamundaExtensions("failedJobRetryTimeCycle").FirstOrDefault().Text(),
        };

    private static MultiInstance? ReadMultiInstance(XElement activity, string description, ReadContext context)
    {
        if (activity.BpmnChild("multiInstanceLoopCharacteristics") is not { } element)
        {
            return null;
        }

        var id = activity.Id();
        CamundaSupport.Check(element, activity, context);
        foreach (var child in element.BpmnChildren().Where(c => c.Name.LocalName is
                     "loopDataInputRef" or "inputDataItem" or "loopDataOutputRef" or "outputDataItem" or "complexBehaviorDefinition"))
        {
            context.Report(child, id, $"{child.Name.LocalName} in the multi-instance of {description} is not supported; use camunda:collection and camunda:elementVariable",
                Deployment.ProblemCodes.MultiInstanceDataUnsupported, ReadContext.Label(activity), child.Name.LocalName);
        }

        var multiInstance = new MultiInstance
        {
            IsSequential = context.ReadBoolean(element, "isSequential", false, activity),
            LoopCardinality = BpmnXml.Expression(element.BpmnChild("loopCardinality").Text()),
            Collection = BpmnXml.Expression(element.CamundaAttr("collection")),
            ElementVariable = element.CamundaAttr("elementVariable"),
            CompletionCondition = BpmnXml.Expression(element.BpmnChild("completionCondition").Text()),
        };

        if (multiInstance.LoopCardinality is null && multiInstance.Collection is null)
        {
            context.Report(element, id, $"The multi-instance of {description} needs a loopCardinality or a camunda:collection",
                Deployment.ProblemCodes.MultiInstanceCountMissing, ReadContext.Label(activity));
        }

        return multiInstance;
    }
}
