using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>A service-task handler registered in DI under the name a BPMN file uses for it.</summary>
public sealed record NamedHandler(string Name, Type Type);

public static class HandlerRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as the handler named <paramref name="name"/> (a singleton).</summary>
    public static IServiceCollection AddServiceTaskHandler<T>(this IServiceCollection services, string name)
        where T : class, IServiceTaskHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton(new NamedHandler(name, typeof(T)));
        return services;
    }

    /// <summary>The engine's handler table, filled from every <see cref="NamedHandler"/> registration.</summary>
    public static ServiceTaskHandlers Build(IServiceProvider services)
    {
        var handlers = new ServiceTaskHandlers();
        foreach (var named in services.GetServices<NamedHandler>())
        {
            handlers.Register(named.Name, (IServiceTaskHandler)services.GetRequiredService(named.Type));
        }

        return handlers;
    }
}
