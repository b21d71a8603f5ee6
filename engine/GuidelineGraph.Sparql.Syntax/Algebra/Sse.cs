using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>
/// Writes algebra as SSE S-expressions in the style of Jena ARQ, e.g. <c>(project (?x) (bgp (triple ?x ?p ?o)))</c>.
/// Nested operators go on indented lines; expressions stay on one line.
/// </summary>
public static class Sse
{
    public static string Write(GraphPattern pattern)
    {
        var w = new Writer();
        w.Pattern(pattern, 0);
        return w.ToString();
    }

    public static string Write(Expression expression)
    {
        var w = new Writer();
        w.Expr(expression);
        return w.ToString();
    }

    public static string Write(PropertyPath path)
    {
        var w = new Writer();
        w.Path(path);
        return w.ToString();
    }

    public static string Write(Query query)
    {
        var w = new Writer();
        w.Query(query);
        return w.ToString();
    }

    public static string Write(UpdateRequest update)
    {
        var w = new Writer();
        w.Update(update);
        return w.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();

        public override string ToString() => _sb.ToString();

        private void NewLine(int indent) => _sb.Append('\n').Append(' ', indent * 2);

        public void Query(Query query)
        {
            switch (query)
            {
                case SelectQuery s:
                    Pattern(s.Pattern, 0);
                    break;
                case AskQuery a:
                    _sb.Append("(ask");
                    NewLine(1);
                    Pattern(a.Pattern, 1);
                    _sb.Append(')');
                    break;
                case ConstructQuery c:
                    _sb.Append("(construct (template");
                    foreach (var t in c.Template) { _sb.Append(' '); Triple(t); }
                    _sb.Append(')');
                    NewLine(1);
                    Pattern(c.Pattern, 1);
                    _sb.Append(')');
                    break;
                case DescribeQuery d:
                    _sb.Append("(describe (");
                    for (int i = 0; i < d.Targets.Length; i++) { if (i > 0) _sb.Append(' '); Node(d.Targets[i]); }
                    _sb.Append(')');
                    NewLine(1);
                    Pattern(d.Pattern, 1);
                    _sb.Append(')');
                    break;
            }
        }

        public void Update(UpdateRequest update)
        {
            _sb.Append("(update");
            foreach (var op in update.Operations)
            {
                NewLine(1);
                Operation(op);
            }
            _sb.Append(')');
        }

        private void Operation(UpdateOperation op)
        {
            switch (op)
            {
                case InsertData i: DataBlock("insert-data", i.Data); break;
                case DeleteData d: DataBlock("delete-data", d.Data); break;
                case DeleteInsert m:
                    _sb.Append("(modify");
                    if (m.With is not null) _sb.Append(" (with ").Append(m.With).Append(')');
                    if (m.Using is not null) { _sb.Append(' '); DatasetForm("using", m.Using); }
                    QuadBlock("delete", m.Delete);
                    QuadBlock("insert", m.Insert);
                    NewLine(2);
                    Pattern(m.Pattern, 2);
                    _sb.Append(')');
                    break;
                case Load l:
                    _sb.Append("(load ").Append(l.Silent ? "silent " : "").Append(l.Source);
                    if (l.Destination is not null) _sb.Append(' ').Append(l.Destination);
                    _sb.Append(')');
                    break;
                case Clear c: _sb.Append("(clear ").Append(c.Silent ? "silent " : ""); Target(c.Target); _sb.Append(')'); break;
                case Drop d: _sb.Append("(drop ").Append(d.Silent ? "silent " : ""); Target(d.Target); _sb.Append(')'); break;
                case Create c: _sb.Append("(create ").Append(c.Silent ? "silent " : "").Append(c.Graph).Append(')'); break;
                case Transfer t:
                    _sb.Append('(').Append(t.Kind.ToString().ToLowerInvariant()).Append(' ').Append(t.Silent ? "silent " : "")
                        .Append(t.Source?.ToString() ?? "default").Append(' ').Append(t.Destination?.ToString() ?? "default").Append(')');
                    break;
            }
        }

        private void DataBlock(string name, IReadOnlyList<Quad> data)
        {
            _sb.Append('(').Append(name);
            foreach (var q in data)
            {
                _sb.Append(" (quad ").Append(q.Graph?.ToString() ?? "_").Append(' ');
                Term(q.Subject); _sb.Append(' '); Term(q.Predicate); _sb.Append(' '); Term(q.Object);
                _sb.Append(')');
            }
            _sb.Append(')');
        }

        private void QuadBlock(string name, IReadOnlyList<QuadPattern> quads)
        {
            if (quads.Count == 0) return;
            NewLine(2);
            _sb.Append('(').Append(name);
            foreach (var q in quads)
            {
                _sb.Append(" (quad ");
                if (q.Graph is null) _sb.Append('_'); else Node(q.Graph);
                _sb.Append(' '); Node(q.Subject); _sb.Append(' '); Node(q.Predicate); _sb.Append(' '); Node(q.Object);
                _sb.Append(')');
            }
            _sb.Append(')');
        }

        private void DatasetForm(string name, Dataset d)
        {
            _sb.Append('(').Append(name);
            foreach (var g in d.DefaultGraphs) _sb.Append(' ').Append(g);
            foreach (var g in d.NamedGraphs) _sb.Append(" (named ").Append(g).Append(')');
            _sb.Append(')');
        }

        private void Target(GraphTarget t) => _sb.Append(t.Kind switch
        {
            GraphTargetKind.Default => "default",
            GraphTargetKind.Named => "named",
            GraphTargetKind.All => "all",
            _ => t.Graph!.ToString(),
        });

        public void Pattern(GraphPattern p, int indent)
        {
            switch (p)
            {
                case Bgp bgp:
                    _sb.Append("(bgp");
                    foreach (var t in bgp.Patterns) { _sb.Append(' '); Triple(t); }
                    _sb.Append(')');
                    break;
                case PathPattern path:
                    _sb.Append("(path ");
                    Node(path.Subject); _sb.Append(' '); Path(path.Path); _sb.Append(' '); Node(path.Object);
                    _sb.Append(')');
                    break;
                case Join j: Binary("join", j.Left, j.Right, null, indent); break;
                case LeftJoin l: Binary("leftjoin", l.Left, l.Right, l.Condition, indent); break;
                case Union u: Binary("union", u.Left, u.Right, null, indent); break;
                case Minus m: Binary("minus", m.Left, m.Right, null, indent); break;
                case Filter f:
                    _sb.Append("(filter ");
                    Expr(f.Condition);
                    Child(f.Inner, indent);
                    break;
                case Graph g:
                    _sb.Append("(graph ");
                    Node(g.Name);
                    Child(g.Inner, indent);
                    break;
                case Service s:
                    _sb.Append("(service ").Append(s.Silent ? "silent " : "");
                    Node(s.Endpoint);
                    Child(s.Inner, indent);
                    break;
                case Extend e:
                    _sb.Append("(extend ((").Append(e.Variable).Append(' ');
                    Expr(e.Expression);
                    _sb.Append("))");
                    Child(e.Inner, indent);
                    break;
                case Table t:
                    TableForm(t);
                    break;
                case Group g:
                    _sb.Append("(group (");
                    for (int i = 0; i < g.Keys.Length; i++)
                    {
                        if (i > 0) _sb.Append(' ');
                        var k = g.Keys[i];
                        if (k.Alias is null) Expr(k.Expression);
                        else { _sb.Append('(').Append(k.Alias).Append(' '); Expr(k.Expression); _sb.Append(')'); }
                    }
                    _sb.Append(") (");
                    for (int i = 0; i < g.Aggregates.Length; i++)
                    {
                        if (i > 0) _sb.Append(' ');
                        _sb.Append('(').Append(g.Aggregates[i].Variable).Append(' ');
                        Expr(g.Aggregates[i].Aggregate);
                        _sb.Append(')');
                    }
                    _sb.Append(')');
                    Child(g.Inner, indent);
                    break;
                case OrderBy o:
                    _sb.Append("(order (");
                    for (int i = 0; i < o.Conditions.Length; i++)
                    {
                        if (i > 0) _sb.Append(' ');
                        var c = o.Conditions[i];
                        if (c.Descending) { _sb.Append("(desc "); Expr(c.Expression); _sb.Append(')'); }
                        else Expr(c.Expression);
                    }
                    _sb.Append(')');
                    Child(o.Inner, indent);
                    break;
                case Project pr:
                    _sb.Append("(project (").AppendJoin(' ', pr.Variables).Append(')');
                    Child(pr.Inner, indent);
                    break;
                case Distinct d: _sb.Append("(distinct"); Child(d.Inner, indent); break;
                case Reduced r: _sb.Append("(reduced"); Child(r.Inner, indent); break;
                case Slice s:
                    _sb.Append("(slice ").Append(s.Offset == 0 ? "_" : s.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Append(' ').Append(s.Limit is { } limit ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture) : "_");
                    Child(s.Inner, indent);
                    break;
            }
        }

        private void Child(GraphPattern inner, int indent)
        {
            NewLine(indent + 1);
            Pattern(inner, indent + 1);
            _sb.Append(')');
        }

        private void Binary(string name, GraphPattern left, GraphPattern right, Expression? condition, int indent)
        {
            _sb.Append('(').Append(name);
            NewLine(indent + 1);
            Pattern(left, indent + 1);
            NewLine(indent + 1);
            Pattern(right, indent + 1);
            if (condition is not null)
            {
                NewLine(indent + 1);
                Expr(condition);
            }
            _sb.Append(')');
        }

        private void TableForm(Table t)
        {
            if (t.IsUnit) { _sb.Append("(table unit)"); return; }
            _sb.Append("(table (vars").Append(t.Variables.IsEmpty ? "" : " ").AppendJoin(' ', t.Variables).Append(')');
            foreach (var row in t.Rows)
            {
                _sb.Append(" (row");
                for (int i = 0; i < row.Length; i++)
                {
                    if (row[i] is not { } value) continue;
                    _sb.Append(" [").Append(t.Variables[i]).Append(' ');
                    Term(value);
                    _sb.Append(']');
                }
                _sb.Append(')');
            }
            _sb.Append(')');
        }

        private void Triple(TriplePattern t)
        {
            _sb.Append("(triple ");
            Node(t.Subject); _sb.Append(' '); Node(t.Predicate); _sb.Append(' '); Node(t.Object);
            _sb.Append(')');
        }

        private void Node(TermPattern t)
        {
            if (t is Variable v) _sb.Append(v);
            else Term(((TermConstant)t).Term);
        }

        private void Term(Term t)
        {
            if (t is Literal { Language: null } l && IsBareLiteral(l)) _sb.Append(l.Lexical);
            else _sb.Append(t);
        }

        /// <summary>Numbers and booleans print bare when their lexical form reads back as the same literal.</summary>
        private static bool IsBareLiteral(Literal l)
        {
            string dt = l.Datatype.Value, s = l.Lexical;
            if (dt == Vocab.Xsd.Boolean.Value) return s is "true" or "false";
            if (s.Length == 0) return false;
            int i = s[0] is '+' or '-' ? 1 : 0;
            int digits = 0, dots = 0, exps = 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsAsciiDigit(c)) digits++;
                else if (c == '.' && exps == 0) dots++;
                else if (c is 'e' or 'E' && exps == 0 && digits > 0) { exps++; if (i + 1 < s.Length && s[i + 1] is '+' or '-') i++; }
                else return false;
            }
            if (digits == 0 || dots > 1) return false;
            if (dt == Vocab.Xsd.Integer.Value) return dots == 0 && exps == 0;
            if (dt == Vocab.Xsd.Decimal.Value) return dots == 1 && exps == 0 && char.IsAsciiDigit(s[^1]);
            if (dt == Vocab.Xsd.Double.Value) return exps == 1 && char.IsAsciiDigit(s[^1]);
            return false;
        }

        public void Path(PropertyPath p)
        {
            switch (p)
            {
                case LinkPath l: _sb.Append(l.Iri); break;
                case InversePath i: _sb.Append("(reverse "); Path(i.Path); _sb.Append(')'); break;
                case SequencePath s: _sb.Append("(seq "); Path(s.First); _sb.Append(' '); Path(s.Second); _sb.Append(')'); break;
                case AlternativePath a: _sb.Append("(alt "); Path(a.First); _sb.Append(' '); Path(a.Second); _sb.Append(')'); break;
                case ZeroOrMorePath z: _sb.Append("(path* "); Path(z.Path); _sb.Append(')'); break;
                case OneOrMorePath o: _sb.Append("(path+ "); Path(o.Path); _sb.Append(')'); break;
                case ZeroOrOnePath q: _sb.Append("(path? "); Path(q.Path); _sb.Append(')'); break;
                case NegatedPropertySet n:
                    _sb.Append("(notoneof");
                    foreach (var iri in n.Forward) _sb.Append(' ').Append(iri);
                    foreach (var iri in n.Inverse) _sb.Append(" (reverse ").Append(iri).Append(')');
                    _sb.Append(')');
                    break;
            }
        }

        public void Expr(Expression e)
        {
            switch (e)
            {
                case VariableExpression v: _sb.Append(v.Variable); break;
                case ConstantExpression c: Term(c.Term); break;
                case BinaryExpression b:
                    _sb.Append('(').Append(Operator(b.Operator)).Append(' ');
                    Expr(b.Left); _sb.Append(' '); Expr(b.Right);
                    _sb.Append(')');
                    break;
                case UnaryExpression { Operator: UnaryOperator.Not, Operand: ExistsExpression ne }:
                    _sb.Append("(notexists ");
                    Pattern(ne.Pattern, 0);
                    _sb.Append(')');
                    break;
                case UnaryExpression u:
                    _sb.Append('(').Append(u.Operator switch { UnaryOperator.Not => "!", UnaryOperator.Plus => "+", _ => "-" }).Append(' ');
                    Expr(u.Operand);
                    _sb.Append(')');
                    break;
                case InExpression i:
                    _sb.Append(i.Negated ? "(notin " : "(in ");
                    Expr(i.Value);
                    foreach (var x in i.List) { _sb.Append(' '); Expr(x); }
                    _sb.Append(')');
                    break;
                case BuiltInCall c:
                    string kw = BuiltIns.Keyword(c.Function);
                    _sb.Append('(').Append(kw.Any(char.IsLower) ? kw : kw.ToLowerInvariant());
                    foreach (var x in c.Arguments) { _sb.Append(' '); Expr(x); }
                    _sb.Append(')');
                    break;
                case FunctionCall f:
                    _sb.Append('(').Append(f.Function);
                    foreach (var x in f.Arguments) { _sb.Append(' '); Expr(x); }
                    _sb.Append(')');
                    break;
                case ExistsExpression ex:
                    _sb.Append("(exists ");
                    Pattern(ex.Pattern, 0);
                    _sb.Append(')');
                    break;
                case AggregateExpression a:
                    _sb.Append('(').Append(a.Function switch
                    {
                        AggregateFunction.GroupConcat => "group_concat",
                        AggregateFunction.Custom => "agg " + a.CustomFunction,
                        _ => a.Function.ToString().ToLowerInvariant(),
                    });
                    if (a.Distinct) _sb.Append(" distinct");
                    if (a.Separator is not null) _sb.Append(" (separator ").Append(new Literal(a.Separator)).Append(')');
                    if (a.Argument is not null) { _sb.Append(' '); Expr(a.Argument); }
                    _sb.Append(')');
                    break;
                default:
                    // Only syntax-tree nodes (EXISTS before translation) get here: a caller's bug.
                    throw new ArgumentException($"{e.GetType().Name} is not an algebra expression", nameof(e));
            }
        }

        private static string Operator(BinaryOperator op) => op switch
        {
            BinaryOperator.Or => "||",
            BinaryOperator.And => "&&",
            BinaryOperator.Equal => "=",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.Less => "<",
            BinaryOperator.Greater => ">",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            _ => "/",
        };
    }
}
