namespace Anju.Host.Procedures;

/// <summary>The service-task handlers the city's procedures (definitions/*.bpmn) call, by the names they use.</summary>
public static class ProceduresSetup
{
    public static WebApplicationBuilder AddAnjuProcedures(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddServiceTaskHandler<LookupCompound>(LookupCompound.Name)
            .AddServiceTaskHandler<RouteViolation>(RouteViolation.Name)
            .AddServiceTaskHandler<Notify>(Notify.Name)
            .AddServiceTaskHandler<PostPublicNotice>(PostPublicNotice.Name)
            .AddServiceTaskHandler<StartProcess>(StartProcess.Name)
            .AddServiceTaskHandler<ListManagedCompounds>(ListManagedCompounds.Name)
            .AddServiceTaskHandler<ComputeAssessmentScore>(ComputeAssessmentScore.Name)
            .AddServiceTaskHandler<PublishAssessmentLists>(PublishAssessmentLists.Name)
            .AddServiceTaskHandler<AnswerAssessmentObjection>(AnswerAssessmentObjection.Name)
            .AddServiceTaskHandler<SetVariables>(SetVariables.Name)
            .AddServiceTaskHandler<SetCommitteeStatus>(SetCommitteeStatus.Name)
            .AddServiceTaskHandler<FirstOf>(FirstOf.Name)
            .AddServiceTaskHandler<RegisterComplaint>(RegisterComplaint.Name)
            .AddServiceTaskHandler<ShareCostByArea>(ShareCostByArea.Name);
        if (builder.Environment.IsDevelopment() && builder.Configuration[FaultInjection.Setting] is not null)
        {
            builder.Services.AddServiceTaskHandler<FaultInjection>(FaultInjection.Name);
        }

        return builder;
    }
}
