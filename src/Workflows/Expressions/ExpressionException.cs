namespace Anju.Workflows.Expressions;

/// <summary>
/// An expression could not be parsed or evaluated. The message is complete English meant for
/// incident reports, e.g. "Variable 'amount' is not defined at position 2 in '${amount > 5000}'".
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Longest expression text quoted in a message; longer texts are shortened so logs stay readable.</summary>
    private const int MaxQuotedLength = 200;

    public ExpressionException()
        : this(ExpressionErrorKind.Syntax, "The expression is invalid.", -1, null, null, null)
    {
    }

    public ExpressionException(string message)
        : this(ExpressionErrorKind.Syntax, message, -1, null, null, null)
    {
    }

    public ExpressionException(string message, Exception innerException)
        : this(ExpressionErrorKind.Syntax, message, -1, null, null, innerException)
    {
    }

    /// <summary>Creates an error; the message is <paramref name="detail"/> followed by the position and the quoted text.</summary>
    public ExpressionException(
        ExpressionErrorKind kind,
        string detail,
        int position = -1,
        string? expressionText = null,
        string? variableName = null,
        Exception? innerException = null)
        : base(Format(detail, position, expressionText), innerException)
    {
        Kind = kind;
        Detail = detail;
        Position = position;
        ExpressionText = expressionText;
        VariableName = variableName;
    }

    /// <summary>What went wrong.</summary>
    public ExpressionErrorKind Kind { get; }

    /// <summary>0-based offset into <see cref="Expression.Text"/> where the problem was found; -1 if it has no position.</summary>
    public int Position { get; }

    /// <summary>For <see cref="ExpressionErrorKind.UndefinedVariable"/>: the variable that is missing.</summary>
    public string? VariableName { get; }

    /// <summary>The full expression text the error belongs to, when known.</summary>
    public string? ExpressionText { get; }

    /// <summary>The message without position and quoted text.</summary>
    public string Detail { get; }

    /// <summary>
    /// Evaluation nodes do not know the text they were parsed from (keeping the hot path lean), so
    /// <see cref="Expression.Evaluate"/> attaches it here before the error leaves the component.
    /// </summary>
    internal ExpressionException WithExpressionText(string text) =>
        new(Kind, Detail, Position, text, VariableName, InnerException);

    private static string Format(string detail, int position, string? text)
    {
        var message = detail;
        if (position >= 0)
        {
            message += $" at position {position}";
        }

        if (text is not null)
        {
            var quoted = text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");
            message += $" in '{quoted}'";
        }

        return message;
    }
}
