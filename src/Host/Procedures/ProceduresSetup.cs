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
            .AddServiceTaskHandler<StartProcess>(StartProcess.Name);
        return builder;
    }
}
