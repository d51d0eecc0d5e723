using Anju.Workflows.Handlers;

namespace Anju.Host.Persistence;

/// <summary>Registers the Host's service-task handlers and builds the engine's registry from them.</summary>
public static class ServiceTaskHandlerRegistrations
{
    public static IServiceCollection AddServiceTaskHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, IServiceTaskHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton(new ServiceTaskHandlerRegistration(name, typeof(THandler)));
        return services;
    }

    internal static ServiceTaskHandlers Build(IServiceProvider services)
    {
        var handlers = new ServiceTaskHandlers();
        foreach (var registration in services.GetServices<ServiceTaskHandlerRegistration>())
        {
            handlers.Register(registration.Name, (IServiceTaskHandler)services.GetRequiredService(registration.HandlerType));
        }

        return handlers;
    }
}
