using System.Collections.Concurrent;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>A deployed version of a process: the parsed model plus its parsed expressions.</summary>
public sealed class CompiledDefinition
{
    private readonly ConcurrentDictionary<string, Expression> _expressions = new(StringComparer.Ordinal);

    public CompiledDefinition(string id, int version, ProcessDefinition process)
    {
        Id = id;
        Version = version;
        Process = process;
    }

    /// <summary>"key:version", unique per deployed version.</summary>
    public string Id { get; }

    public int Version { get; }
    public ProcessDefinition Process { get; }
    public string Key => Process.Key;

    /// <summary>The parsed form of an expression text; checked at deploy, so parsing cannot fail here
    /// for definitions that went through deployment.</summary>
    public Expression Expression(ExpressionText text) => _expressions.GetOrAdd(text.Text, static t => Expressions.Expression.Parse(t.Trim()));

    public static string MakeId(string key, int version) => $"{key}:{version}";
}
