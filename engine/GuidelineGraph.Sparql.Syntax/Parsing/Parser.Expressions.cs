using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Sparql.Syntax.Ast;
using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Parsing;

internal sealed partial class Parser
{
    // Aggregates are allowed in SELECT expressions, HAVING and ORDER BY only, and never nested.
    private bool _aggregatesAllowed;

    private T WithAggregates<T>(bool allowed, Func<T> parse)
    {
        bool saved = _aggregatesAllowed;
        _aggregatesAllowed = allowed;
        try { return parse(); }
        finally { _aggregatesAllowed = saved; }
    }

    private static readonly Expression Placeholder = new ConstantExpression(Vocab.Rdf.Nil);

    private Expression Expression()
    {
        int depth = _depth;
        Deepen();
        var left = AndExpression();
        while (!Failed && Accept(TokenKind.OrOr))
        {
            Deepen();
            left = new BinaryExpression(BinaryOperator.Or, left, AndExpression());
        }
        _depth = depth;
        return left;
    }

    private Expression AndExpression()
    {
        int depth = _depth;
        var left = RelationalExpression();
        while (!Failed && Accept(TokenKind.AndAnd))
        {
            Deepen();
            left = new BinaryExpression(BinaryOperator.And, left, RelationalExpression());
        }
        _depth = depth;
        return left;
    }

    private Expression RelationalExpression()
    {
        var left = AdditiveExpression();
        BinaryOperator? op = Cur.Kind switch
        {
            TokenKind.Eq => BinaryOperator.Equal,
            TokenKind.NotEq => BinaryOperator.NotEqual,
            TokenKind.Lt => BinaryOperator.Less,
            TokenKind.Gt => BinaryOperator.Greater,
            TokenKind.LtEq => BinaryOperator.LessOrEqual,
            TokenKind.GtEq => BinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (op is { } o)
        {
            Advance();
            return new BinaryExpression(o, left, AdditiveExpression());
        }
        if (AcceptWord("IN")) return new InExpression(left, ExpressionList(), false);
        if (AtWord("NOT") && IsWord(PeekToken(), "IN"))
        {
            Advance();
            Advance();
            return new InExpression(left, ExpressionList(), true);
        }
        return left;
    }

    private Expression AdditiveExpression()
    {
        int depth = _depth;
        var left = MultiplicativeExpression();
        while (!Failed)
        {
            Deepen();
            if (Accept(TokenKind.Plus)) left = new BinaryExpression(BinaryOperator.Add, left, MultiplicativeExpression());
            else if (Accept(TokenKind.Minus)) left = new BinaryExpression(BinaryOperator.Subtract, left, MultiplicativeExpression());
            else break;
        }
        _depth = depth;
        return left;
    }

    private Expression MultiplicativeExpression()
    {
        int depth = _depth;
        var left = UnaryExpression();
        while (!Failed)
        {
            Deepen();
            if (Accept(TokenKind.Star)) left = new BinaryExpression(BinaryOperator.Multiply, left, UnaryExpression());
            else if (Accept(TokenKind.Slash)) left = new BinaryExpression(BinaryOperator.Divide, left, UnaryExpression());
            else break;
        }
        _depth = depth;
        return left;
    }

    private Expression UnaryExpression()
    {
        if (Accept(TokenKind.Bang)) return new UnaryExpression(UnaryOperator.Not, PrimaryExpression());
        if (At(TokenKind.Plus) || At(TokenKind.Minus))
        {
            // A sign glued to a number is part of the literal (INTEGER_POSITIVE and friends).
            if (StartsLiteral()) return new ConstantExpression(Literal());
            var op = Advance().Kind == TokenKind.Plus ? UnaryOperator.Plus : UnaryOperator.Minus;
            return new UnaryExpression(op, PrimaryExpression());
        }
        return PrimaryExpression();
    }

    private Expression PrimaryExpression()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.LParen:
                return BrackettedExpression();
            case TokenKind.Variable:
                return new VariableExpression(Var());
            case TokenKind.IriRef:
            case TokenKind.PrefixedName:
                {
                    var iri = IriTerm().Term;
                    return At(TokenKind.LParen) ? FunctionCallArguments((Iri)iri, t) : new ConstantExpression(iri);
                }
            case TokenKind.Word when !IsWord(t, "true") && !IsWord(t, "false"):
                if (IsCallKeyword(t)) return BuiltInCallExpression();
                Fail(t, $"expected an expression, found unknown function {Describe(t)}");
                return Placeholder;
        }
        if (StartsLiteral()) return new ConstantExpression(Literal());
        Fail(t, $"expected an expression, found {Describe(t)}");
        return Placeholder;
    }

    private Expression BrackettedExpression()
    {
        Expect(TokenKind.LParen, "'('");
        var e = Expression();
        Expect(TokenKind.RParen, "')'");
        return e;
    }

    private ImmutableArray<Expression> ExpressionList()
    {
        Expect(TokenKind.LParen, "'(' to open the expression list");
        var items = ImmutableArray.CreateBuilder<Expression>();
        if (!At(TokenKind.RParen))
        {
            do items.Add(Expression());
            while (!Failed && Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RParen, "',' or ')'");
        return items.ToImmutable();
    }

    /// <summary>FunctionCall ::= iri ArgList (the call is mandatory here).</summary>
    private Expression FunctionCallRequired()
    {
        var t = Cur;
        var iri = Iri();
        if (!At(TokenKind.LParen))
        {
            Fail(Cur, $"expected '(' after the function IRI, found {Describe(Cur)}");
            return Placeholder;
        }
        return FunctionCallArguments(iri, t);
    }

    /// <summary>ArgList; DISTINCT makes the call a custom aggregate.</summary>
    private Expression FunctionCallArguments(Iri function, Token at)
    {
        Advance();
        var args = ImmutableArray.CreateBuilder<Expression>();
        bool distinct = false;
        if (!At(TokenKind.RParen))
        {
            distinct = AcceptWord("DISTINCT");
            do args.Add(Expression());
            while (!Failed && Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RParen, "',' or ')'");
        if (!distinct) return new FunctionCall(function, args.ToImmutable());
        CheckAggregateAllowed(at);
        return new AggregateExpression(AggregateFunction.Custom, args.Count == 1 ? args[0] : null, true, null, function);
    }

    private static readonly Dictionary<string, AggregateFunction> AggregateKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["COUNT"] = AggregateFunction.Count, ["SUM"] = AggregateFunction.Sum, ["MIN"] = AggregateFunction.Min,
        ["MAX"] = AggregateFunction.Max, ["AVG"] = AggregateFunction.Avg, ["SAMPLE"] = AggregateFunction.Sample,
        ["GROUP_CONCAT"] = AggregateFunction.GroupConcat,
    };

    private bool IsCallKeyword(Token t)
    {
        if (t.Kind != TokenKind.Word) return false;
        string w = WordText(t);
        if (BuiltIns.TryGet(w, out _)) return true;
        if (AggregateKeywords.ContainsKey(w)) return true;
        return w.Equals("EXISTS", StringComparison.OrdinalIgnoreCase) || w.Equals("NOT", StringComparison.OrdinalIgnoreCase);
    }

    private Expression BuiltInCallExpression()
    {
        var t = Advance();
        string word = WordText(t);
        if (word.Equals("EXISTS", StringComparison.OrdinalIgnoreCase)) return new ExistsSyntax(GroupGraphPattern(), false);
        if (word.Equals("NOT", StringComparison.OrdinalIgnoreCase))
        {
            ExpectWord("EXISTS");
            return new ExistsSyntax(GroupGraphPattern(), true);
        }
        if (AggregateKeywords.TryGetValue(word, out var aggregate)) return Aggregate(t, aggregate);

        BuiltIns.TryGet(word, out var signature);
        if (signature.Function == BuiltInFunction.Bound)
        {
            Expect(TokenKind.LParen, "'(' after BOUND");
            var v = Var();
            Expect(TokenKind.RParen, "')' after the variable of BOUND");
            return new BuiltInCall(BuiltInFunction.Bound, [new VariableExpression(v)]);
        }
        if (!At(TokenKind.LParen))
        {
            Fail(Cur, $"expected '(' after {word}, found {Describe(Cur)}");
            return Placeholder;
        }
        var open = Cur;
        var args = ExpressionList();
        if (Failed) return Placeholder;
        if (args.Length < signature.MinArgs || (signature.MaxArgs >= 0 && args.Length > signature.MaxArgs))
        {
            string arity = signature.MaxArgs < 0 ? $"at least {signature.MinArgs}"
                : signature.MinArgs == signature.MaxArgs ? $"{signature.MinArgs}" : $"{signature.MinArgs} to {signature.MaxArgs}";
            Fail(open.Start, _previousEnd, $"{signature.Keyword} takes {arity} argument(s), not {args.Length}");
            return Placeholder;
        }
        return new BuiltInCall(signature.Function, args);
    }

    private Expression Aggregate(Token keyword, AggregateFunction function)
    {
        CheckAggregateAllowed(keyword);
        Expect(TokenKind.LParen, $"'(' after {WordText(keyword)}");
        bool distinct = AcceptWord("DISTINCT");
        Expression? argument = null;
        string? separator = null;
        if (function == AggregateFunction.Count && Accept(TokenKind.Star)) { }
        else argument = WithAggregates(false, Expression);
        if (function == AggregateFunction.GroupConcat && Accept(TokenKind.Semicolon))
        {
            ExpectWord("SEPARATOR");
            Expect(TokenKind.Eq, "'=' after SEPARATOR");
            separator = Expect(TokenKind.String, "a string after SEPARATOR =").Value;
        }
        Expect(TokenKind.RParen, $"')' to close {WordText(keyword)}");
        return new AggregateExpression(function, argument, distinct, separator);
    }

    private void CheckAggregateAllowed(Token at)
    {
        if (!_aggregatesAllowed)
            Fail(at, "aggregates are allowed only in SELECT expressions, HAVING and ORDER BY, and not inside another aggregate");
    }
}
