using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Functions;
using GuidelineGraph.Sparql.Syntax.Algebra;
using FunctionBuiltIns = GuidelineGraph.Sparql.Functions.BuiltIns;
using SyntaxBuiltIns = GuidelineGraph.Sparql.Syntax.Algebra.BuiltIns;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>A compiled expression: its value on a row in a graph, null for unbound or an error (§17.3).</summary>
internal delegate Term? Evaluate(int[] row, GraphScope graph);

/// <summary>Compiles algebra expressions into closures over slots; EXISTS patterns are compiled once, up front.</summary>
internal sealed class ExpressionCompiler(PlanCompiler plans, SlotMap slots, Execution ex)
{
    public Func<int[], GraphScope, bool> Condition(Expression e)
    {
        var f = Compile(e);
        return (row, g) => Operators.EffectiveBooleanValue(f(row, g)) == true;
    }

    public Evaluate Compile(Expression e)
    {
        switch (e)
        {
            case VariableExpression v:
            {
                int slot = slots[v.Variable];
                return (row, _) => row[slot] == 0 ? null : ex.Decode(row[slot]);
            }
            case ConstantExpression c:
            {
                var term = c.Term;
                return (_, _) => term;
            }
            case BinaryExpression b:
                return Binary(b);
            case UnaryExpression u:
            {
                var operand = Compile(u.Operand);
                return u.Operator switch
                {
                    UnaryOperator.Not => (row, g) => Operators.Boolean(Operators.Not(Operators.EffectiveBooleanValue(operand(row, g)))),
                    UnaryOperator.Plus => (row, g) => Arithmetic.Plus(operand(row, g)),
                    _ => (row, g) => Arithmetic.Negate(operand(row, g)),
                };
            }
            case InExpression i:
            {
                var value = Compile(i.Value);
                var list = i.List.Select(Compile).ToArray();
                return (row, g) =>
                {
                    var needle = value(row, g);
                    var result = Operators.In(needle, list.Select(x => x(row, g)));
                    return Operators.Boolean(i.Negated ? Operators.Not(result) : result);
                };
            }
            case BuiltInCall call:
                return BuiltIn(call);
            case FunctionCall call:
            {
                var args = call.Arguments.Select(Compile).ToArray();
                if (args.Length == 1 && Casts.IsCastTarget(call.Function.Value))
                {
                    var target = call.Function;
                    return (row, g) => Casts.Cast(args[0](row, g), target);
                }
                // An unknown function is an error for every solution (§17.6).
                return (_, _) => null;
            }
            case ExistsExpression exists:
            {
                var op = plans.CompileExists(exists.Pattern);
                return (row, g) => Operators.Boolean(op.Run(row, g, ex).Any());
            }
            default:
                return (_, _) => null;
        }
    }

    private Evaluate Binary(BinaryExpression b)
    {
        var l = Compile(b.Left);
        var r = Compile(b.Right);
        return b.Operator switch
        {
            BinaryOperator.Or => (row, g) =>
            {
                var a = Operators.EffectiveBooleanValue(l(row, g));
                return a == true ? Operators.True : Operators.Boolean(Operators.Or(a, Operators.EffectiveBooleanValue(r(row, g))));
            },
            BinaryOperator.And => (row, g) =>
            {
                var a = Operators.EffectiveBooleanValue(l(row, g));
                return a == false ? Operators.False : Operators.Boolean(Operators.And(a, Operators.EffectiveBooleanValue(r(row, g))));
            },
            BinaryOperator.Equal => (row, g) => Operators.Boolean(Operators.Equal(l(row, g), r(row, g))),
            BinaryOperator.NotEqual => (row, g) => Operators.Boolean(Operators.NotEqual(l(row, g), r(row, g))),
            BinaryOperator.Less => (row, g) => Operators.Boolean(Operators.LessThan(l(row, g), r(row, g))),
            BinaryOperator.Greater => (row, g) => Operators.Boolean(Operators.GreaterThan(l(row, g), r(row, g))),
            BinaryOperator.LessOrEqual => (row, g) => Operators.Boolean(Operators.LessOrEqual(l(row, g), r(row, g))),
            BinaryOperator.GreaterOrEqual => (row, g) => Operators.Boolean(Operators.GreaterOrEqual(l(row, g), r(row, g))),
            BinaryOperator.Add => (row, g) => Arithmetic.Add(l(row, g), r(row, g)),
            BinaryOperator.Subtract => (row, g) => Arithmetic.Subtract(l(row, g), r(row, g)),
            BinaryOperator.Multiply => (row, g) => Arithmetic.Multiply(l(row, g), r(row, g)),
            _ => (row, g) => Arithmetic.Divide(l(row, g), r(row, g)),
        };
    }

    private Evaluate BuiltIn(BuiltInCall call)
    {
        switch (call.Function)
        {
            case Syntax.Algebra.BuiltInFunction.Bound:
            {
                if (call.Arguments[0] is not VariableExpression v) return (_, _) => null;
                int slot = slots[v.Variable];
                return (row, _) => Operators.Boolean(row[slot] != 0);
            }
            case Syntax.Algebra.BuiltInFunction.If:
            {
                var c = Compile(call.Arguments[0]);
                var then = Compile(call.Arguments[1]);
                var otherwise = Compile(call.Arguments[2]);
                return (row, g) => ControlFlow.If(c(row, g), () => then(row, g), () => otherwise(row, g));
            }
            case Syntax.Algebra.BuiltInFunction.Coalesce:
            {
                var args = call.Arguments.Select(Compile).ToArray();
                return (row, g) =>
                {
                    foreach (var a in args)
                        if (a(row, g) is { } value) return value;
                    return null;
                };
            }
            case Syntax.Algebra.BuiltInFunction.Regex when call.Arguments.Skip(1).All(a => a is ConstantExpression):
            {
                var text = Compile(call.Arguments[0]);
                var flags = call.Arguments.Length > 2 ? ((ConstantExpression)call.Arguments[2]).Term : new Literal("");
                if (StringFunctions.RegexPattern(((ConstantExpression)call.Arguments[1]).Term, flags, ex.Functions.Regexes) is not { } regex)
                    return (_, _) => null;
                return (row, g) => StringFunctions.Regex(text(row, g), regex);
            }
        }
        var function = FunctionBuiltIns.FromName(SyntaxBuiltIns.Keyword(call.Function))
            ?? throw new ArgumentException($"no implementation of {call.Function}", nameof(call));
        var compiled = call.Arguments.Select(Compile).ToArray();
        var context = ex.Functions;
        return (row, g) =>
        {
            var values = new Term?[compiled.Length];
            for (int i = 0; i < compiled.Length; i++) values[i] = compiled[i](row, g);
            return FunctionBuiltIns.Call(function, values, context, ex.BlankNodes);
        };
    }
}
