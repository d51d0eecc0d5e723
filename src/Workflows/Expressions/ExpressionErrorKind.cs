namespace Anju.Workflows.Expressions;

/// <summary>Why an expression could not be parsed or evaluated.</summary>
public enum ExpressionErrorKind
{
    /// <summary>The text is not a valid expression: unexpected token, unterminated string or block, bad escape.</summary>
    Syntax,

    /// <summary>A function that is not in the fixed registry, or a known function with the wrong number of arguments.</summary>
    UnknownFunction,

    /// <summary>A root variable referenced by the expression is not defined in the context.</summary>
    UndefinedVariable,

    /// <summary>
    /// A value has the wrong type for an operation (e.g. <c>'abc' &gt; 5</c>, a method the language does not offer,
    /// a non-boolean condition), or the arithmetic is undefined (division by zero, integer overflow).
    /// </summary>
    Type,

    /// <summary>A sandbox bound was exceeded: text length, nesting depth or produced string size.</summary>
    Limit,
}
