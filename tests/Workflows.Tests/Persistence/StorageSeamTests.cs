using System.Reflection;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// The engine's commands reach their database only through the storage seam: the command context, the store, its
/// sessions and the command transaction show no Entity Framework type in any member the engine uses. Types are looked
/// up by name so that the test also runs (and fails) against a build without the seam.
/// </summary>
public sealed class StorageSeamTests
{
    private static readonly Assembly Engine = typeof(WorkflowEngine).Assembly;

    [Theory]
    [InlineData("Anju.Workflows.Execution.CommandContext")]
    [InlineData("Anju.Workflows.Execution.IInstanceStore")]
    [InlineData("Anju.Workflows.Execution.ICommandSession")]
    [InlineData("Anju.Workflows.Execution.ICommandTransaction")]
    [InlineData("Anju.Workflows.Execution.IDefinitionReader")]
    public void A_seam_type_shows_no_Entity_Framework_type(string name)
    {
        var type = Engine.GetType(name);
        Assert.True(type is not null, $"{name} does not exist.");

        var offending = SignatureTypes(type!)
            .Where(t => t.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
                || t.IsAssignableTo(typeof(Microsoft.EntityFrameworkCore.DbContext)))
            .Select(t => t.FullName)
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, $"{name} shows {string.Join(", ", offending)}.");
    }

    [Fact]
    public void A_command_context_holds_a_session_of_the_store_and_no_database_context()
    {
        var context = Engine.GetType("Anju.Workflows.Execution.CommandContext")!;
        var members = context.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Select(p => p.Name).ToList();

        Assert.DoesNotContain("Db", members);
        Assert.Contains("Session", members);
    }

    /// <summary>Every type in the public and internal signatures of <paramref name="type"/> (properties, fields, methods, constructors), generic arguments unwrapped.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        types.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        types.AddRange(type.GetFields(all).Where(f => !f.IsPrivate).Select(f => f.FieldType));
        foreach (var method in type.GetMethods(all).Where(m => !m.IsPrivate))
        {
            types.Add(method.ReturnType);
            types.AddRange(method.GetParameters().Select(p => p.ParameterType));
        }

        foreach (var constructor in type.GetConstructors(all))
        {
            types.AddRange(constructor.GetParameters().Select(p => p.ParameterType));
        }

        return types.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        var element = type.HasElementType ? type.GetElementType() : null;
        if (element is not null)
        {
            foreach (var inner in Unwrap(element))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }
}
