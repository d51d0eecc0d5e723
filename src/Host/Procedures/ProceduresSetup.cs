namespace Anju.Host.Procedures;

/// <summary>
/// The generic service-task handlers the city's procedures (definitions/*.bpmn) call, by the names they use; each
/// feature registers its own handlers in its setup (registry lookups, notices, assessment, owners' votes).
/// </summary>
public static class ProceduresSetup
{
    public static WebApplicationBuilder AddAnjuProcedures(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddServiceTaskHandler<StartProcess>(StartProcess.Name)
            .AddServiceTaskHandler<SetVariables>(SetVariables.Name)
            .AddServiceTaskHandler<FirstOf>(FirstOf.Name)
            .AddServiceTaskHandler<RegisterComplaint>(RegisterComplaint.Name);
        if (builder.Environment.IsDevelopment() && builder.Configuration[FaultInjection.Setting] is not null)
        {
            builder.Services.AddServiceTaskHandler<FaultInjection>(FaultInjection.Name);
        }

        return builder;
    }
}
