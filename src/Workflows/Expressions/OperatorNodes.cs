using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

internal enum UnaryOperator
{
    Negate,
    Not,
    Empty,
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary><c>-x</c>, <c>!x</c> / <c>not x</c>, <c>empty x</c>.</summary>
internal sealed class UnaryNode(int position, UnaryOperator op, ExpressionNode operand)
    : ExpressionNode(position, HeightOf(operand))
{
    public override object? Evaluate(IExpressionContext context)
    {
        var value = operand.Evaluate(context);
        return op switch
        {
            UnaryOperator.Negate => Operators.Negate(value, Position),
            UnaryOperator.Not => Operators.ToBooleanOperand(value, Position) ? ExpressionValues.False : ExpressionValues.True,
            _ => IsEmpty(value) ? ExpressionValues.True : ExpressionValues.False,
        };
    }

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) =>
        op == UnaryOperator.Negate ? ResultKinds.Number : ResultKinds.Boolean;

    /// <summary>JUEL <c>empty</c>: null, "", and empty arrays/objects are empty; every other value is not.</summary>
    internal static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };
}

/// <summary>Arithmetic, relational and equality operators; both operands are always evaluated.</summary>
internal sealed class BinaryNode(int position, BinaryOperator op, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(position, HeightOf(left, right))
{
    public override object? Evaluate(IExpressionContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        switch (op)
        {
            case BinaryOperator.Equal:
                return Operators.AreEqual(a, b, Position) ? ExpressionValues.True : ExpressionValues.False;
            case BinaryOperator.NotEqual:
                return Operators.AreEqual(a, b, Position) ? ExpressionValues.False : ExpressionValues.True;
            case BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual:
                return Operators.Compare(op, a, b, Position) ? ExpressionValues.True : ExpressionValues.False;
            default:
                return Operators.Arithmetic(op, a, b, Position);
        }
    }

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) =>
        op is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo
            ? ResultKinds.Number
            : ResultKinds.Boolean;
}

/// <summary><c>a &amp;&amp; b</c> / <c>a and b</c>: short-circuit, so <c>x != null &amp;&amp; x.y</c> is safe.</summary>
internal sealed class AndNode(int position, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(position, HeightOf(left, right))
{
    public override object? Evaluate(IExpressionContext context) =>
        Operators.ToBooleanOperand(left.Evaluate(context), left.Position) && Operators.ToBooleanOperand(right.Evaluate(context), right.Position)
            ? ExpressionValues.True
            : ExpressionValues.False;

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) => ResultKinds.Boolean;
}

/// <summary><c>a || b</c> / <c>a or b</c>: short-circuit.</summary>
internal sealed class OrNode(int position, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(position, HeightOf(left, right))
{
    public override object? Evaluate(IExpressionContext context) =>
        Operators.ToBooleanOperand(left.Evaluate(context), left.Position) || Operators.ToBooleanOperand(right.Evaluate(context), right.Position)
            ? ExpressionValues.True
            : ExpressionValues.False;

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) => ResultKinds.Boolean;
}

/// <summary><c>c ? a : b</c>: only the chosen branch is evaluated.</summary>
internal sealed class ConditionalNode(int position, ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse)
    : ExpressionNode(position, HeightOf(condition, whenTrue, whenFalse))
{
    public override object? Evaluate(IExpressionContext context) =>
        Operators.ToBooleanOperand(condition.Evaluate(context), condition.Position)
            ? whenTrue.Evaluate(context)
            : whenFalse.Evaluate(context);

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) =>
        whenTrue.Kinds(classifyText) | whenFalse.Kinds(classifyText);
}
