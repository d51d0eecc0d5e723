namespace Anju.Workflows.Expressions;

/// <summary>
/// The grammar of one block. Precedence, lowest first: <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>,
/// <c>== != eq ne</c>, <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>, <c>+ -</c>, <c>* / div % mod</c>,
/// unary <c>- ! not empty</c>, then member access <c>.</c>, <c>[]</c> and calls (JUEL's order).
/// </summary>
internal sealed partial class ExpressionParser
{
    private ExpressionNode ParseExpression()
    {
        Enter();
        var condition = ParseBinary(0);
        if (_current.Kind != TokenKind.Question)
        {
            _depth--;
            return condition;
        }

        var position = _current.Position;
        Advance();
        var whenTrue = ParseExpression();
        Expect(TokenKind.Colon, "':' of the conditional operator");
        var whenFalse = ParseExpression();
        _depth--;
        return Checked(new ConditionalNode(position, condition, whenTrue, whenFalse));
    }

    /// <summary>Binary operators by precedence level (0 = ||, 5 = multiplicative), all left-associative.</summary>
    private ExpressionNode ParseBinary(int level)
    {
        if (level > 5)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (true)
        {
            var kind = _current.Kind;
            var position = _current.Position;
            ExpressionNode? combined = (level, kind) switch
            {
                (0, TokenKind.Or) => new OrNode(position, left, NextOperand(level)),
                (1, TokenKind.And) => new AndNode(position, left, NextOperand(level)),
                (2, TokenKind.Equal) => new BinaryNode(position, BinaryOperator.Equal, left, NextOperand(level)),
                (2, TokenKind.NotEqual) => new BinaryNode(position, BinaryOperator.NotEqual, left, NextOperand(level)),
                (3, TokenKind.Less) => new BinaryNode(position, BinaryOperator.Less, left, NextOperand(level)),
                (3, TokenKind.Greater) => new BinaryNode(position, BinaryOperator.Greater, left, NextOperand(level)),
                (3, TokenKind.LessOrEqual) => new BinaryNode(position, BinaryOperator.LessOrEqual, left, NextOperand(level)),
                (3, TokenKind.GreaterOrEqual) => new BinaryNode(position, BinaryOperator.GreaterOrEqual, left, NextOperand(level)),
                (4, TokenKind.Plus) => new BinaryNode(position, BinaryOperator.Add, left, NextOperand(level)),
                (4, TokenKind.Minus) => new BinaryNode(position, BinaryOperator.Subtract, left, NextOperand(level)),
                (5, TokenKind.Star) => new BinaryNode(position, BinaryOperator.Multiply, left, NextOperand(level)),
                (5, TokenKind.Slash) => new BinaryNode(position, BinaryOperator.Divide, left, NextOperand(level)),
                (5, TokenKind.Percent) => new BinaryNode(position, BinaryOperator.Modulo, left, NextOperand(level)),
                _ => null,
            };
            if (combined is null)
            {
                return left;
            }

            left = Checked(combined);
        }
    }

    private ExpressionNode NextOperand(int level)
    {
        Advance();
        return ParseBinary(level + 1);
    }

    private ExpressionNode ParseUnary()
    {
        var op = _current.Kind switch
        {
            TokenKind.Minus => UnaryOperator.Negate,
            TokenKind.Not => UnaryOperator.Not,
            TokenKind.Empty => UnaryOperator.Empty,
            _ => (UnaryOperator?)null,
        };
        if (op is null)
        {
            return ParsePostfix();
        }

        var position = _current.Position;
        Advance();
        Enter();
        var operand = ParseUnary();
        _depth--;

        // Fold negative number literals so "-5" is a constant, not an operation per evaluation.
        return (op, operand) switch
        {
            (UnaryOperator.Negate, LiteralNode { Value: long l }) => new LiteralNode(position, -l),
            (UnaryOperator.Negate, LiteralNode { Value: double d }) => new LiteralNode(position, -d),
            _ => Checked(new UnaryNode(position, op.Value, operand)),
        };
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (_current.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Expect(TokenKind.Identifier, "a property or method name after '.'");
                var nameText = (string)name.Value!;
                if (_current.Kind != TokenKind.LeftParen)
                {
                    node = Checked(new PropertyNode(name.Position, node, nameText));
                    continue;
                }

                if (!ExpressionMethods.TryLookup(nameText, out var method))
                {
                    throw Error(
                        ExpressionErrorKind.Type,
                        $"Unknown method '{nameText}' (supported: {ExpressionMethods.SupportedNames})",
                        name.Position);
                }

                var arguments = ParseArguments();
                var arity = ExpressionMethods.ArityOf(method);
                if (arguments.Length != arity)
                {
                    throw Error(ExpressionErrorKind.Type, $"Method '{nameText}' takes {Plural(arity)}, not {arguments.Length}", name.Position);
                }

                _writes |= method == MethodId.SetVariable;
                node = Checked(new MethodCallNode(name.Position, node, method, nameText, arguments));
            }
            else if (_current.Kind == TokenKind.LeftBracket)
            {
                var position = _current.Position;
                Advance();
                var index = ParseExpression();
                Expect(TokenKind.RightBracket, "']'");
                node = Checked(index is LiteralNode { Value: string key }
                    ? new PropertyNode(position, node, key)
                    : new IndexNode(position, node, index));
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.String:
                Advance();
                return new LiteralNode(token.Position, token.Value);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralNode(token.Position, token.Kind == TokenKind.True ? ExpressionValues.True : ExpressionValues.False);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(token.Position, null);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier:
                Advance();
                var name = (string)token.Value!;
                if (_current.Kind == TokenKind.LeftParen)
                {
                    return ParseFunctionCall(token, name);
                }

                _variables.Add(name);
                return new VariableNode(token.Position, name);
            default:
                throw Unexpected();
        }
    }

    private FunctionCallNode ParseFunctionCall(Token nameToken, string name)
    {
        if (!ExpressionFunctions.TryLookup(name, out var function, out var min, out var max))
        {
            throw Error(
                ExpressionErrorKind.UnknownFunction,
                $"Unknown function '{name}' (supported: {ExpressionFunctions.SupportedNames})",
                nameToken.Position);
        }

        var arguments = ParseArguments();
        if (arguments.Length < min || arguments.Length > max)
        {
            var expected = min == max ? Plural(min) : $"{min} to {max} arguments";
            throw Error(ExpressionErrorKind.UnknownFunction, $"Function '{name}' takes {expected}, not {arguments.Length}", nameToken.Position);
        }

        return (FunctionCallNode)Checked(new FunctionCallNode(nameToken.Position, function, name, arguments));
    }

    /// <summary>Parses <c>( [expr {, expr}] )</c>; the current token is the '('.</summary>
    private ExpressionNode[] ParseArguments()
    {
        Advance();
        if (_current.Kind == TokenKind.RightParen)
        {
            Advance();
            return [];
        }

        var arguments = new List<ExpressionNode> { ParseExpression() };
        while (_current.Kind == TokenKind.Comma)
        {
            Advance();
            arguments.Add(ParseExpression());
        }

        Expect(TokenKind.RightParen, "')' or ','");
        return [.. arguments];
    }
}
