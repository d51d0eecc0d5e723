namespace Anju.Workflows.Expressions;

/// <summary>Token kinds of the JUEL subset. Word operators (and, eq, div, ...) map to the same kinds as symbols.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    String,
    Integer,
    Decimal,
    True,
    False,
    Null,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    RightBrace,
    Dot,
    Comma,
    Question,
    Colon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Not,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Empty,

    /// <summary>JUEL keywords this subset does not support (instanceof); rejected with a clear message.</summary>
    Reserved,
}

/// <summary>A token with its source span; <see cref="Value"/> holds the decoded string or number.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, object? Value = null)
{
    public string Describe(string source) => Kind switch
    {
        TokenKind.End => "end of text",
        TokenKind.String => $"string {source.Substring(Position, Length)}",
        _ => $"'{source.Substring(Position, Length)}'",
    };
}
