using System.Text;

namespace Anju.Workflows.Expressions;

/// <summary>A piece of composite text: either literal text or one <c>${...}</c> block.</summary>
internal readonly record struct ExpressionSegment(string? Literal, ExpressionNode? Node);

/// <summary>
/// Recursive-descent parser for the JUEL subset. This part splits the text into literal segments and
/// <c>${...}</c> / <c>#{...}</c> blocks and enforces the sandbox limits; the grammar of a block is in
/// ExpressionParser.Grammar.cs. Errors carry the absolute offset into the whole text.
/// </summary>
internal sealed partial class ExpressionParser
{
    public const int MaxTextLength = 4000;
    public const int MaxNesting = 64;

    /// <summary>
    /// Bound on the tree height, which is the evaluation recursion depth. Long flat chains such as
    /// <c>a || b || c ...</c> are not "nesting" for a modeller but still deepen the tree, so they get a
    /// separate, higher bound that keeps evaluation far away from a stack overflow.
    /// </summary>
    public const int MaxHeight = 256;

    private readonly string _text;
    private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
    private ExpressionLexer _lexer = null!;
    private Token _current;
    private int _depth;

    /// <summary>Set when the text calls <c>setVariable</c>: such an expression may stand only where writing is allowed.</summary>
    private bool _writes;

    private ExpressionParser(string text) => _text = text;

    public static (ExpressionSegment[] Segments, HashSet<string> Variables, bool Writes) Parse(string text)
    {
        if (text.Length > MaxTextLength)
        {
            throw new ExpressionException(
                ExpressionErrorKind.Limit,
                $"Expression text is {text.Length} characters long; the limit is {MaxTextLength}",
                MaxTextLength,
                text);
        }

        var parser = new ExpressionParser(text);
        var segments = parser.ParseSegments();
        return (segments, parser._variables, parser._writes);
    }

    private ExpressionSegment[] ParseSegments()
    {
        var segments = new List<ExpressionSegment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            var opensBlock = c is '$' or '#' && i + 1 < _text.Length && _text[i + 1] == '{';
            if (c == '\\' && i + 2 < _text.Length && _text[i + 1] is '$' or '#' && _text[i + 2] == '{')
            {
                // \${ and \#{ are the JUEL escapes for literal block openers.
                literal.Append(_text, i + 1, 2);
                i += 3;
            }
            else if (opensBlock)
            {
                if (literal.Length > 0)
                {
                    segments.Add(new ExpressionSegment(literal.ToString(), null));
                    literal.Clear();
                }

                var (node, end) = ParseBlock(i);
                segments.Add(new ExpressionSegment(null, node));
                i = end;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0 || segments.Count == 0)
        {
            segments.Add(new ExpressionSegment(literal.ToString(), null));
        }

        return [.. segments];
    }

    /// <summary>Parses the block opening at <paramref name="start"/>; returns the tree and the offset after its '}'.</summary>
    private (ExpressionNode Node, int End) ParseBlock(int start)
    {
        _lexer = new ExpressionLexer(_text, start + 2);
        Advance();
        if (_current.Kind == TokenKind.RightBrace)
        {
            throw Error(ExpressionErrorKind.Syntax, $"Empty expression '{_text.Substring(start, 3)}'", start);
        }

        var node = ParseExpression();
        if (_current.Kind == TokenKind.End)
        {
            throw Error(ExpressionErrorKind.Syntax, $"Missing '}}' to close the '{_text.Substring(start, 2)}' opened", start);
        }

        if (_current.Kind != TokenKind.RightBrace)
        {
            throw Unexpected();
        }

        return (node, _current.Position + 1);
    }

    private static string Plural(int count) => count == 1 ? "1 argument" : $"{count} arguments";

    private void Advance() => _current = _lexer.Next();

    private Token Expect(TokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Error(ExpressionErrorKind.Syntax, $"Expected {what} but found {_current.Describe(_text)}", _current.Position);
        }

        var token = _current;
        Advance();
        return token;
    }

    private void Enter()
    {
        if (++_depth > MaxNesting)
        {
            throw Error(ExpressionErrorKind.Limit, $"Expression is nested more than {MaxNesting} levels deep", _current.Position);
        }
    }

    private ExpressionNode Checked(ExpressionNode node) =>
        node.Height <= MaxHeight
            ? node
            : throw Error(ExpressionErrorKind.Limit, $"Expression has more than {MaxHeight} levels of operators", node.Position);

    private ExpressionException Unexpected() => _current.Kind switch
    {
        TokenKind.End => Error(ExpressionErrorKind.Syntax, "Unexpected end of text", _current.Position),
        TokenKind.Reserved => Error(ExpressionErrorKind.Syntax, $"Operator {_current.Describe(_text)} is not supported", _current.Position),
        _ => Error(ExpressionErrorKind.Syntax, $"Unexpected token {_current.Describe(_text)}", _current.Position),
    };

    private ExpressionException Error(ExpressionErrorKind kind, string detail, int position) =>
        new(kind, detail, position, _text);
}
