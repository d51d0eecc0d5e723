using System.Collections.Concurrent;

namespace Anju.Workflows.Handlers;

/// <summary>The handlers the engine knows, by the name a BPMN file uses for them.</summary>
public sealed class ServiceTaskHandlers
{
    private readonly ConcurrentDictionary<string, IServiceTaskHandler> _byName = new(StringComparer.Ordinal);

    public ServiceTaskHandlers Register(string name, IServiceTaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        _byName[name] = handler;
        return this;
    }

    /// <summary>Registers a handler written as a lambda (handy for small glue and tests).</summary>
    public ServiceTaskHandlers Register(string name, Func<ServiceTaskContext, ValueTask> handler) =>
        Register(name, new DelegateHandler(handler));

    public bool TryGet(string name, out IServiceTaskHandler handler) => _byName.TryGetValue(name, out handler!);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public IEnumerable<string> Names => _byName.Keys;

    private sealed class DelegateHandler(Func<ServiceTaskContext, ValueTask> run) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => run(context);
    }
}
