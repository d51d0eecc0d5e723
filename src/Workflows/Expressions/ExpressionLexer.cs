using System.Globalization;
using System.Text;

namespace Anju.Workflows.Expressions;

/// <summary>
/// Turns the inside of one <c>${...}</c> block into tokens, on demand. It works on the whole text with
/// absolute offsets so every error position points into <see cref="Expression.Text"/>.
/// </summary>
internal sealed class ExpressionLexer(string source, int start)
{
    private int _position = start;

    public string Source { get; } = source;

    public Token Next()
    {
        SkipWhitespace();
        if (_position >= Source.Length)
        {
            return new Token(TokenKind.End, Source.Length, 0);
        }

        var begin = _position;
        var c = Source[begin];
        if (IsIdentifierStart(c))
        {
            return ReadWord(begin);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && begin + 1 < Source.Length && char.IsAsciiDigit(Source[begin + 1])))
        {
            return ReadNumber(begin);
        }

        if (c is '\'' or '"')
        {
            return ReadString(begin, c);
        }

        var next = begin + 1 < Source.Length ? Source[begin + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            ('}', _) => (TokenKind.RightBrace, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            _ => throw UnexpectedCharacter(begin, c),
        };
        _position = begin + length;
        return new Token(kind, begin, length);
    }

    private ExpressionException UnexpectedCharacter(int position, char c)
    {
        var hint = c switch
        {
            '=' => " (did you mean '=='?)",
            '&' => " (did you mean '&&'?)",
            '|' => " (did you mean '||'?)",
            _ => string.Empty,
        };
        return new ExpressionException(ExpressionErrorKind.Syntax, $"Unexpected character '{c}'{hint}", position, Source);
    }

    private void SkipWhitespace()
    {
        while (_position < Source.Length && char.IsWhiteSpace(Source[_position]))
        {
            _position++;
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private Token ReadWord(int begin)
    {
        var end = begin + 1;
        while (end < Source.Length && IsIdentifierPart(Source[end]))
        {
            end++;
        }

        _position = end;
        var word = Source.AsSpan(begin, end - begin);
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "eq" => TokenKind.Equal,
            "ne" => TokenKind.NotEqual,
            "lt" => TokenKind.Less,
            "gt" => TokenKind.Greater,
            "le" => TokenKind.LessOrEqual,
            "ge" => TokenKind.GreaterOrEqual,
            "div" => TokenKind.Slash,
            "mod" => TokenKind.Percent,
            "empty" => TokenKind.Empty,
            "instanceof" => TokenKind.Reserved,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, begin, end - begin, kind == TokenKind.Identifier ? word.ToString() : null);
    }

    private Token ReadNumber(int begin)
    {
        var end = begin;
        while (end < Source.Length && char.IsAsciiDigit(Source[end]))
        {
            end++;
        }

        var isDecimal = false;
        if (end < Source.Length && Source[end] == '.' && end + 1 < Source.Length && char.IsAsciiDigit(Source[end + 1]))
        {
            isDecimal = true;
            end++;
            while (end < Source.Length && char.IsAsciiDigit(Source[end]))
            {
                end++;
            }
        }

        if (end < Source.Length && Source[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < Source.Length && Source[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < Source.Length && char.IsAsciiDigit(Source[exponent]))
            {
                isDecimal = true;
                end = exponent;
                while (end < Source.Length && char.IsAsciiDigit(Source[end]))
                {
                    end++;
                }
            }
        }

        _position = end;
        var text = Source.AsSpan(begin, end - begin);
        if (isDecimal)
        {
            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(d))
            {
                throw new ExpressionException(ExpressionErrorKind.Syntax, "Number literal is too large", begin, Source);
            }

            return new Token(TokenKind.Decimal, begin, end - begin, d);
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            throw new ExpressionException(ExpressionErrorKind.Syntax, "Integer literal is too large (the maximum is 9223372036854775807)", begin, Source);
        }

        return new Token(TokenKind.Integer, begin, end - begin, l);
    }

    private Token ReadString(int begin, char quote)
    {
        var builder = new StringBuilder();
        var i = begin + 1;
        while (i < Source.Length)
        {
            var c = Source[i];
            if (c == quote)
            {
                _position = i + 1;
                return new Token(TokenKind.String, begin, i + 1 - begin, builder.ToString());
            }

            if (c == '\\')
            {
                i = ReadEscape(i, builder);
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new ExpressionException(ExpressionErrorKind.Syntax, "Unterminated string literal", begin, Source);
    }

    /// <summary>
    /// JUEL only defines \\ \' and \"; \n \r \t and \uXXXX are accepted too because modellers write them.
    /// Any other escape is an error rather than a silent backslash, so typos surface at deployment.
    /// </summary>
    private int ReadEscape(int backslash, StringBuilder builder)
    {
        var i = backslash + 1;
        var c = i < Source.Length ? Source[i] : '\0';
        switch (c)
        {
            case '\\' or '\'' or '"':
                builder.Append(c);
                return i + 1;
            case 'n':
                builder.Append('\n');
                return i + 1;
            case 'r':
                builder.Append('\r');
                return i + 1;
            case 't':
                builder.Append('\t');
                return i + 1;
            case 'u' when i + 4 < Source.Length
                && ushort.TryParse(Source.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                builder.Append((char)code);
                return i + 5;
            default:
                throw new ExpressionException(ExpressionErrorKind.Syntax, "Invalid escape sequence in string literal", backslash, Source);
        }
    }
}
