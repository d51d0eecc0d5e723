using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

/// <summary>
/// A node of the parsed syntax tree. Trees are immutable and shared between threads: an
/// <see cref="Expression"/> is parsed once per process definition and evaluated many times.
/// </summary>
internal abstract class ExpressionNode(int position, int height)
{
    /// <summary>Offset in the expression text that errors of this node point at: the start of a value, or its operator.</summary>
    public int Position { get; } = position;

    /// <summary>Height of the subtree; evaluation recursion depth is bounded by it.</summary>
    public int Height { get; } = height;

    public abstract object? Evaluate(IExpressionContext context);

    /// <summary>What the result may be, without evaluating; <paramref name="classifyText"/> classifies literal text.</summary>
    public virtual ResultKinds Kinds(Func<string, ResultKinds> classifyText) => ResultKinds.Any;

    protected static int HeightOf(params ReadOnlySpan<ExpressionNode> children)
    {
        var max = 0;
        foreach (var child in children)
        {
            max = Math.Max(max, child.Height);
        }

        return max + 1;
    }
}

/// <summary>A constant: string, long, double, boolean or null.</summary>
internal sealed class LiteralNode(int position, object? value) : ExpressionNode(position, 1)
{
    public object? Value { get; } = value;

    public override object? Evaluate(IExpressionContext context) => Value;

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) => Value switch
    {
        null => ResultKinds.Null,
        bool => ResultKinds.Boolean,
        long or double => ResultKinds.Number,
        string text => classifyText(text),
        _ => ResultKinds.Any,
    };
}

/// <summary>A root identifier resolved through the context; undefined names are an error, as in Camunda.</summary>
internal sealed class VariableNode(int position, string name) : ExpressionNode(position, 1)
{
    public string Name { get; } = name;

    public override object? Evaluate(IExpressionContext context)
    {
        if (!context.TryGetVariable(Name, out var value))
        {
            throw new ExpressionException(
                ExpressionErrorKind.UndefinedVariable,
                $"Variable '{Name}' is not defined",
                Position,
                variableName: Name);
        }

        return ExpressionValues.FromJson(value);
    }
}

/// <summary>
/// <c>a.b</c> or <c>a['b']</c>: a property of a JSON object. Like JUEL, a missing property or a null
/// base yields null, so optional form fields can be tested with <c>empty</c> or <c>== null</c>.
/// </summary>
internal sealed class PropertyNode(int position, ExpressionNode target, string name)
    : ExpressionNode(position, HeightOf(target))
{
    public override object? Evaluate(IExpressionContext context)
    {
        var value = target.Evaluate(context);
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj:
                return obj.TryGetPropertyValue(name, out var property) ? ExpressionValues.FromJson(property) : null;
            case JsonArray array when int.TryParse(name, out var index):
                return IndexNode.ElementAt(array, index);
            default:
                throw new ExpressionException(
                    ExpressionErrorKind.Type,
                    $"Cannot read property '{name}' of {ExpressionValues.Describe(value)}",
                    Position);
        }
    }
}

/// <summary><c>a[expr]</c>: array element by integer index (out of range → null, as JUEL) or object property by text.</summary>
internal sealed class IndexNode(int position, ExpressionNode target, ExpressionNode index)
    : ExpressionNode(position, HeightOf(target, index))
{
    public override object? Evaluate(IExpressionContext context)
    {
        var value = target.Evaluate(context);
        var key = index.Evaluate(context);
        if (value is null || key is null)
        {
            return null;
        }

        switch (value)
        {
            case JsonArray array:
                var number = Operators.ToNumber(key, index.Position);
                if (number.IsDouble || number.Long is < int.MinValue or > int.MaxValue)
                {
                    throw new ExpressionException(ExpressionErrorKind.Type, $"Array index must be an integer, not {ExpressionValues.Describe(key)}", index.Position);
                }

                return ElementAt(array, (int)number.Long);
            case JsonObject obj:
                return obj.TryGetPropertyValue(ExpressionValues.ToText(key), out var property) ? ExpressionValues.FromJson(property) : null;
            default:
                throw new ExpressionException(ExpressionErrorKind.Type, $"Cannot index into {ExpressionValues.Describe(value)}", Position);
        }
    }

    internal static object? ElementAt(JsonArray array, int index) =>
        index >= 0 && index < array.Count ? ExpressionValues.FromJson(array[index]) : null;
}
