using System.Collections.Frozen;
using System.Text;

namespace Anju.Workflows.Expressions;

/// <summary>
/// A parsed Camunda/JUEL expression as found in BPMN models: a condition such as
/// <c>${amount &gt; 5000 &amp;&amp; category eq 'noise'}</c>, composite text such as <c>Hello ${name}</c>,
/// or plain literal text. Parse once (per process definition), evaluate many times; instances are
/// immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The language is sandboxed: no reflection, only a fixed set of functions and methods, no I/O, and bounded
/// text length (<see cref="MaxTextLength"/>), nesting (<see cref="MaxNesting"/>) and produced text
/// (<see cref="MaxResultLength"/>).
/// </remarks>
public sealed class Expression
{
    /// <summary>Longest accepted expression text, in characters.</summary>
    public const int MaxTextLength = ExpressionParser.MaxTextLength;

    /// <summary>Deepest accepted nesting of parentheses, unary operators, arguments and conditionals.</summary>
    public const int MaxNesting = ExpressionParser.MaxNesting;

    /// <summary>Longest text a composite expression may produce (64 KiB of characters).</summary>
    public const int MaxResultLength = 64 * 1024;

    private readonly string? _literal;
    private readonly ExpressionNode? _single;
    private readonly ExpressionSegment[] _segments;

    private Expression(string text, ExpressionSegment[] segments, IReadOnlySet<string> variableNames, bool changesVariables)
    {
        Text = text;
        ChangesVariables = changesVariables;
        _segments = segments;
        VariableNames = variableNames;
        IsLiteral = segments.Length == 1 && segments[0].Node is null;
        IsSingle = segments.Length == 1 && segments[0].Node is not null;
        _literal = IsLiteral ? segments[0].Literal : null;
        _single = IsSingle ? segments[0].Node : null;
    }

    /// <summary>The text as written in the model.</summary>
    public string Text { get; }

    /// <summary>True when the text has no <c>${...}</c> block: evaluation returns the text (with <c>\${</c> unescaped).</summary>
    public bool IsLiteral { get; }

    /// <summary>
    /// True when the text is exactly one block and nothing else, so the result keeps its type (boolean, number,
    /// date, ...). Surrounding whitespace makes it composite text, as in JUEL; the model reader trims
    /// condition texts the way Camunda does.
    /// </summary>
    public bool IsSingle { get; }

    /// <summary>
    /// Whether the expression calls <c>setVariable</c>: allowed only in listeners and expression tasks, so every other
    /// attribute that holds one is refused at deploy.
    /// </summary>
    public bool ChangesVariables { get; }

    /// <summary>The root variable identifiers the expression references (not functions, properties or methods).</summary>
    public IReadOnlySet<string> VariableNames { get; }

    /// <summary>Parses <paramref name="text"/>; the tree is built once and reused by every evaluation.</summary>
    /// <exception cref="ExpressionException">
    /// Syntax errors, unknown functions (<see cref="ExpressionErrorKind.UnknownFunction"/>), unknown methods
    /// (<see cref="ExpressionErrorKind.Type"/>) and exceeded limits, each with the position in the text.
    /// </exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (segments, variables, writes) = ExpressionParser.Parse(text);
        return new Expression(text, segments, variables.ToFrozenSet(StringComparer.Ordinal), writes);
    }

    /// <summary>
    /// Evaluates against <paramref name="context"/>. A single block returns its typed value (see
    /// <see cref="ExpressionValues"/>); literal and composite text return a <see cref="string"/>.
    /// </summary>
    /// <exception cref="ExpressionException">Undefined variable, type error or limit, with the position in <see cref="Text"/>.</exception>
    public object? Evaluate(IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_literal is not null)
        {
            return _literal;
        }

        try
        {
            return _single is not null ? _single.Evaluate(context) : EvaluateComposite(context);
        }
        catch (ExpressionException ex) when (ex.ExpressionText is null)
        {
            // Nodes do not carry the source text; attach it once here so messages quote the expression.
            throw ex.WithExpressionText(Text);
        }
    }

    public override string ToString() => Text;

    /// <summary>
    /// What the result may be, without evaluating: literal text and string constants are classified by
    /// <paramref name="classifyText"/> (e.g. as a date when they parse as one); composite text is
    /// <see cref="ResultKinds.DynamicText"/>; variables may be anything.
    /// </summary>
    public ResultKinds PossibleKinds(Func<string, ResultKinds> classifyText)
    {
        ArgumentNullException.ThrowIfNull(classifyText);
        return _literal is not null ? classifyText(_literal)
            : _single is not null ? _single.Kinds(classifyText)
            : ResultKinds.DynamicText;
    }

    private string EvaluateComposite(IExpressionContext context)
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Node is null)
            {
                builder.Append(segment.Literal);
            }
            else
            {
                builder.Append(ExpressionValues.ToText(segment.Node.Evaluate(context)));
            }

            if (builder.Length > MaxResultLength)
            {
                throw new ExpressionException(
                    ExpressionErrorKind.Limit,
                    $"Expression produced more than {MaxResultLength} characters of text",
                    segment.Node?.Position ?? -1);
            }
        }

        return builder.ToString();
    }
}
