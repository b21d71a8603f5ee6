using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>
/// Writes algebra back as SPARQL text whose §18 translation is the same algebra, up to the names of generated
/// variables: SERVICE sends its pattern to a remote endpoint this way. Blank-node and path-step variables become
/// blank nodes again, aggregate variables their aggregates; variable names SPARQL cannot spell (the optimizer's
/// renamed subquery variables) get a fresh spelling. Every term is written in full, no prefixes.
/// </summary>
public static class SparqlWriter
{
    public static string Write(Query query)
    {
        var w = new Writer(Sse.Write(query.Pattern));
        w.Query(query);
        return w.ToString();
    }

    private sealed class Writer(string sse)
    {
        private readonly StringBuilder _sb = new();
        private readonly Dictionary<Variable, string> _spellings = [];
        private readonly HashSet<string> _labels = [];
        // The aggregates a grouped SELECT binds, written in place of their variables in SELECT, HAVING and ORDER BY.
        private Dictionary<Variable, AggregateExpression> _aggregates = [];

        public override string ToString() => _sb.ToString();

        private void Line(int indent) => _sb.Append('\n').Append(' ', indent * 2);

        public void Query(Query q)
        {
            if (q.BaseIri is { } baseIri) _sb.Append("BASE <").Append(NTriplesEscaping.EscapeIri(baseIri)).Append(">\n");
            switch (q)
            {
                case SelectQuery s:
                    SelectLike(s.Pattern, s.Dataset, 0, select: true);
                    break;
                case AskQuery a:
                    _sb.Append("ASK");
                    SelectLike(a.Pattern, a.Dataset, 0, select: false);
                    break;
                case ConstructQuery c:
                    foreach (var t in c.Template) TemplateLabels(t);
                    _sb.Append("CONSTRUCT {");
                    foreach (var t in c.Template)
                    {
                        Line(1);
                        Node(t.Subject); _sb.Append(' '); Node(t.Predicate); _sb.Append(' '); Node(t.Object); _sb.Append(" .");
                    }
                    Line(0);
                    _sb.Append('}');
                    SelectLike(c.Pattern, c.Dataset, 0, select: false);
                    break;
                case DescribeQuery d:
                    _sb.Append("DESCRIBE");
                    if (d.Targets.IsEmpty) _sb.Append(" *");
                    foreach (var t in d.Targets) { _sb.Append(' '); Node(t); }
                    SelectLike(d.Pattern, d.Dataset, 0, select: false);
                    break;
            }
        }

        /// <summary>Template blank nodes keep their labels; the pattern's generated ones must not take them.</summary>
        private void TemplateLabels(TriplePattern t)
        {
            foreach (var n in (ReadOnlySpan<TermPattern>)[t.Subject, t.Predicate, t.Object])
                if (n is TermConstant { Term: BlankNode b }) _labels.Add(b.Id);
        }

        // ---- query forms and solution modifiers ---------------------------------------------------

        /// <summary>The solution modifiers of §18.2.4, peeled off the top of a pattern in the order the translation adds them.</summary>
        private sealed class Modifiers
        {
            public long Offset;
            public long? Limit;
            public bool Sliced, Distinct, Reduced;
            public ImmutableArray<Variable>? Projection;
            public ImmutableArray<OrderCondition> Order = [];
            public readonly List<(Variable Variable, Expression Expression)> Selected = [];
            public Table? Values;
            public Expression? Having;
            public Group? Group;
        }

        /// <summary>Without <paramref name="select"/> (ASK, CONSTRUCT, DESCRIBE) a projection is a subquery of the WHERE clause.</summary>
        private static (Modifiers, GraphPattern Where) Peel(GraphPattern p, bool select)
        {
            var m = new Modifiers();
            if (p is Slice s) { m.Sliced = true; m.Offset = s.Offset; m.Limit = s.Limit; p = s.Inner; }
            if (select && p is Distinct d) { m.Distinct = true; p = d.Inner; }
            else if (select && p is Reduced r) { m.Reduced = true; p = r.Inner; }
            if (select && p is Project pr) { m.Projection = pr.Variables; p = pr.Inner; }
            if (p is OrderBy o) { m.Order = o.Conditions; p = o.Inner; }
            // SELECT expressions: the translation extends in projection order, so the outermost is the last.
            while (m.Projection is { } projected && p is Extend e && projected.Contains(e.Variable))
            {
                m.Selected.Insert(0, (e.Variable, e.Expression));
                p = e.Inner;
            }
            // A VALUES after the WHERE clause is only told apart from one inside it when it follows a GROUP BY.
            if (p is Join { Right: Table values } j && j.Left is Group or Filter { Inner: Group }) { m.Values = values; p = j.Left; }
            if (p is Filter { Inner: Group } having) { m.Having = having.Condition; p = having.Inner; }
            if (p is Group g) { m.Group = g; p = g.Inner; }
            return (m, p);
        }

        /// <summary>SELECT clause (when <paramref name="select"/>), dataset, WHERE and modifiers; also a subquery.</summary>
        private void SelectLike(GraphPattern pattern, Dataset? dataset, int indent, bool select)
        {
            var (m, where) = Peel(pattern, select);
            var outer = _aggregates;
            _aggregates = m.Group is null ? [] : m.Group.Aggregates.ToDictionary(a => a.Variable, a => a.Aggregate);
            if (select)
            {
                _sb.Append("SELECT");
                if (m.Distinct) _sb.Append(" DISTINCT");
                if (m.Reduced) _sb.Append(" REDUCED");
                if (m.Projection is not { Length: > 0 } projection) _sb.Append(" *");
                else
                {
                    foreach (var v in projection)
                    {
                        _sb.Append(' ');
                        int i = m.Selected.FindIndex(x => x.Variable == v);
                        if (i < 0) { Var(v); continue; }
                        _sb.Append('(');
                        Expr(m.Selected[i].Expression);
                        _sb.Append(" AS ");
                        Var(v);
                        _sb.Append(')');
                    }
                }
            }
            if (dataset is not null)
            {
                foreach (var g in dataset.DefaultGraphs) { Line(indent); _sb.Append("FROM ").Append(g); }
                foreach (var g in dataset.NamedGraphs) { Line(indent); _sb.Append("FROM NAMED ").Append(g); }
            }
            Line(indent);
            _sb.Append("WHERE ");
            Braced(where, indent);
            if (m.Group is { Keys.IsEmpty: false } group)
            {
                Line(indent);
                _sb.Append("GROUP BY");
                foreach (var k in group.Keys)
                {
                    _sb.Append(' ');
                    if (k.Alias is null && k.Expression is VariableExpression v) { Var(v.Variable); continue; }
                    _sb.Append('(');
                    Expr(k.Expression);
                    if (k.Alias is not null) { _sb.Append(" AS "); Var(k.Alias); }
                    _sb.Append(')');
                }
            }
            if (m.Having is not null)
            {
                Line(indent);
                _sb.Append("HAVING (");
                Expr(m.Having);
                _sb.Append(')');
            }
            if (!m.Order.IsEmpty)
            {
                Line(indent);
                _sb.Append("ORDER BY");
                foreach (var c in m.Order)
                {
                    _sb.Append(c.Descending ? " DESC(" : " ASC(");
                    Expr(c.Expression);
                    _sb.Append(')');
                }
            }
            if (m.Sliced)
            {
                // OFFSET 0 alone still makes a Slice; with a LIMIT it adds nothing.
                if (m.Limit is { } limit) { Line(indent); _sb.Append("LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture)); }
                if (m.Offset != 0 || m.Limit is null) { Line(indent); _sb.Append("OFFSET ").Append(m.Offset.ToString(CultureInfo.InvariantCulture)); }
            }
            if (m.Values is not null) { Line(indent); Values(m.Values, indent); }
            _aggregates = outer;
        }

        // ---- group graph patterns ---------------------------------------------------------------

        /// <summary>A braced group whose translation is <paramref name="p"/>: its elements, then its filter.</summary>
        private void Braced(GraphPattern p, int indent, Expression? extraFilter = null)
        {
            _sb.Append('{');
            var body = p;
            Expression? filter = extraFilter;
            if (extraFilter is null && p is Filter f) { body = f.Inner; filter = f.Condition; }
            Elements(body, indent + 1);
            if (filter is not null)
            {
                Line(indent + 1);
                _sb.Append("FILTER(");
                Expr(filter);
                _sb.Append(')');
            }
            Line(indent);
            _sb.Append('}');
        }

        /// <summary>
        /// Elements whose left-to-right fold (§18.2.2.6) gives <paramref name="p"/>; returns whether the last one is a
        /// block of triples, which a following block would merge into.
        /// </summary>
        private bool Elements(GraphPattern p, int indent)
        {
            switch (p)
            {
                case Table { IsUnit: true }:
                    return false;
                case var _ when IsBlock(p):
                    Block(p, indent);
                    return true;
                case Join j:
                    bool endsWithBlock = Elements(j.Left, indent);
                    if (IsBlock(j.Right) && !endsWithBlock) { Block(j.Right, indent); return true; }
                    Element(j.Right, indent);
                    return false;
                case LeftJoin l:
                    Elements(l.Left, indent);
                    Line(indent);
                    _sb.Append("OPTIONAL ");
                    // The optional group's own filter is the condition; a filter of the right side needs a group of its own.
                    if (l.Right is Filter) { _sb.Append('{'); Element(l.Right, indent + 1); Condition(l.Condition, indent + 1); Line(indent); _sb.Append('}'); }
                    else if (l.Condition is not null) Braced(l.Right, indent, l.Condition);
                    else Braced(l.Right, indent);
                    return false;
                case Minus m:
                    Elements(m.Left, indent);
                    Line(indent);
                    _sb.Append("MINUS ");
                    Braced(m.Right, indent);
                    return false;
                case Extend e:
                    Elements(e.Inner, indent);
                    Line(indent);
                    _sb.Append("BIND(");
                    Expr(e.Expression);
                    _sb.Append(" AS ");
                    Var(e.Variable);
                    _sb.Append(')');
                    return false;
                default:
                    Element(p, indent);
                    return false;
            }
        }

        private void Condition(Expression? condition, int indent)
        {
            if (condition is null) return;
            Line(indent);
            _sb.Append("FILTER(");
            Expr(condition);
            _sb.Append(')');
        }

        /// <summary>One element that joins <paramref name="p"/> onto what precedes it.</summary>
        private void Element(GraphPattern p, int indent)
        {
            Line(indent);
            switch (p)
            {
                case Union u:
                    var branches = new List<GraphPattern>();
                    GraphPattern left = u;
                    while (left is Union next) { branches.Add(next.Right); left = next.Left; }
                    branches.Add(left);
                    branches.Reverse();
                    for (int i = 0; i < branches.Count; i++)
                    {
                        if (i > 0) _sb.Append(" UNION ");
                        Braced(branches[i], indent);
                    }
                    break;
                case Graph g:
                    _sb.Append("GRAPH ");
                    Node(g.Name);
                    _sb.Append(' ');
                    Braced(g.Inner, indent);
                    break;
                case Service s:
                    _sb.Append(s.Silent ? "SERVICE SILENT " : "SERVICE ");
                    Node(s.Endpoint);
                    _sb.Append(' ');
                    Braced(s.Inner, indent);
                    break;
                case Table t when !t.IsUnit:
                    Values(t, indent);
                    break;
                case Project or Distinct or Reduced or Slice or OrderBy or Group:
                    _sb.Append('{');
                    Line(indent + 1);
                    SelectLike(p, null, indent + 1, select: true);
                    Line(indent);
                    _sb.Append('}');
                    break;
                default:
                    Braced(p, indent);
                    break;
            }
        }

        /// <summary>
        /// A run of adjacent triples and paths, as one block translates: a left-deep join of its parts, where two
        /// basic graph patterns are never neighbours (they would be one).
        /// </summary>
        private static bool IsBlock(GraphPattern p) => p switch
        {
            Bgp { Patterns.IsEmpty: false } or PathPattern => true,
            Join { Right: Bgp { Patterns.IsEmpty: false } or PathPattern } j => IsBlock(j.Left) && !(j.Right is Bgp && LastPart(j.Left) is Bgp),
            _ => false,
        };

        private static GraphPattern LastPart(GraphPattern block) => block is Join j ? j.Right : block;

        private void Block(GraphPattern p, int indent)
        {
            switch (p)
            {
                case Join j:
                    Block(j.Left, indent);
                    Block(j.Right, indent);
                    break;
                case Bgp bgp:
                    foreach (var t in bgp.Patterns)
                    {
                        Line(indent);
                        Node(t.Subject); _sb.Append(' '); Node(t.Predicate); _sb.Append(' '); Node(t.Object); _sb.Append(" .");
                    }
                    break;
                case PathPattern path:
                    Line(indent);
                    Node(path.Subject); _sb.Append(' '); Path(path.Path); _sb.Append(' '); Node(path.Object); _sb.Append(" .");
                    break;
            }
        }

        private void Values(Table t, int indent)
        {
            _sb.Append("VALUES (");
            for (int i = 0; i < t.Variables.Length; i++) { if (i > 0) _sb.Append(' '); Var(t.Variables[i]); }
            _sb.Append(") {");
            foreach (var row in t.Rows)
            {
                Line(indent + 1);
                _sb.Append('(');
                for (int i = 0; i < row.Length; i++)
                {
                    if (i > 0) _sb.Append(' ');
                    if (row[i] is { } term) _sb.Append(term); else _sb.Append("UNDEF");
                }
                _sb.Append(')');
            }
            Line(indent);
            _sb.Append('}');
        }

        // ---- terms, variables, paths ----------------------------------------------------------------

        private void Node(TermPattern t)
        {
            if (t is Variable v) Var(v);
            else _sb.Append(((TermConstant)t).Term);
        }

        private void Var(Variable v) => _sb.Append(Spelling(v));

        /// <summary>How a variable is written: as itself, as a blank node when generated for one or a path step, or renamed.</summary>
        private string Spelling(Variable v)
        {
            if (_spellings.TryGetValue(v, out var s)) return s;
            if (v.Name.StartsWith('?'))
            {
                int n = _labels.Count;
                while (!_labels.Add("g" + n.ToString(CultureInfo.InvariantCulture))) n++;
                s = "_:g" + n.ToString(CultureInfo.InvariantCulture);
            }
            else if (IsVarName(v.Name)) s = "?" + v.Name;
            else
            {
                var clean = new string(v.Name.Select(c => IsVarChar(c) ? c : '_').ToArray());
                int n = 0;
                do s = "?_" + clean + "_" + n++.ToString(CultureInfo.InvariantCulture);
                while (sse.Contains(s, StringComparison.Ordinal) || _spellings.ContainsValue(s));
            }
            _spellings[v] = s;
            return s;
        }

        private static bool IsVarName(string name) =>
            name.Length > 0 && name.All(IsVarChar) && name[0] is not ('\u00B7' or (>= '\u0300' and <= '\u036F') or '\u203F' or '\u2040');

        /// <summary>VARNAME characters (§19.8), with the ones only allowed after the first.</summary>
        private static bool IsVarChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || c == '_' || c == '\u00B7'
            || c is >= '\u00C0' and <= '\u00D6' or >= '\u00D8' and <= '\u00F6' or >= '\u00F8' and <= '\u037D'
            or >= '\u037F' and <= '\u1FFF' or >= '\u200C' and <= '\u200D' or >= '\u203F' and <= '\u2040'
            or >= '\u2070' and <= '\u218F' or >= '\u2C00' and <= '\u2FEF' or >= '\u3001' and <= '\uD7FF'
            or >= '\uF900' and <= '\uFDCF' or >= '\uFDF0' and <= '\uFFFD' || char.IsSurrogate(c);

        /// <summary>Paths with every compound operand in parentheses, so precedence never has to be trusted.</summary>
        private void Path(PropertyPath p)
        {
            switch (p)
            {
                case LinkPath l: _sb.Append(l.Iri); break;
                case InversePath i: _sb.Append('^'); Operand(i.Path); break;
                case SequencePath s: Operand(s.First); _sb.Append('/'); Operand(s.Second); break;
                case AlternativePath a: Operand(a.First); _sb.Append('|'); Operand(a.Second); break;
                case ZeroOrMorePath z: Operand(z.Path); _sb.Append('*'); break;
                case OneOrMorePath o: Operand(o.Path); _sb.Append('+'); break;
                case ZeroOrOnePath q: Operand(q.Path); _sb.Append('?'); break;
                case NegatedPropertySet n:
                    _sb.Append("!(");
                    _sb.AppendJoin('|', n.Forward.Select(i => i.ToString()).Concat(n.Inverse.Select(i => "^" + i)));
                    _sb.Append(')');
                    break;
            }
        }

        private void Operand(PropertyPath p)
        {
            if (p is LinkPath or NegatedPropertySet) { Path(p); return; }
            _sb.Append('(');
            Path(p);
            _sb.Append(')');
        }

        // ---- expressions ----------------------------------------------------------------------------

        private void Expr(Expression e)
        {
            switch (e)
            {
                case VariableExpression v when _aggregates.TryGetValue(v.Variable, out var aggregate):
                    Aggregate(aggregate);
                    break;
                case VariableExpression v:
                    Var(v.Variable);
                    break;
                case ConstantExpression c:
                    _sb.Append(c.Term);
                    break;
                case BinaryExpression b:
                    _sb.Append('(');
                    Expr(b.Left);
                    _sb.Append(' ').Append(Operator(b.Operator)).Append(' ');
                    Expr(b.Right);
                    _sb.Append(')');
                    break;
                case UnaryExpression { Operator: UnaryOperator.Not, Operand: ExistsExpression exists }:
                    _sb.Append("NOT EXISTS ");
                    Braced(exists.Pattern, 0);
                    break;
                case UnaryExpression u:
                    _sb.Append(u.Operator switch { UnaryOperator.Not => "!(", UnaryOperator.Plus => "+(", _ => "-(" });
                    Expr(u.Operand);
                    _sb.Append(')');
                    break;
                case InExpression i:
                    _sb.Append('(');
                    Expr(i.Value);
                    _sb.Append(i.Negated ? " NOT IN (" : " IN (");
                    Arguments(i.List);
                    _sb.Append("))");
                    break;
                case BuiltInCall c:
                    _sb.Append(BuiltIns.Keyword(c.Function)).Append('(');
                    Arguments(c.Arguments);
                    _sb.Append(')');
                    break;
                case FunctionCall f:
                    _sb.Append(f.Function).Append('(');
                    Arguments(f.Arguments);
                    _sb.Append(')');
                    break;
                case ExistsExpression x:
                    _sb.Append("EXISTS ");
                    Braced(x.Pattern, 0);
                    break;
                case AggregateExpression a:
                    Aggregate(a);
                    break;
                default:
                    // Only syntax-tree nodes (EXISTS before translation) get here: a caller's bug.
                    throw new ArgumentException($"{e.GetType().Name} is not an algebra expression", nameof(e));
            }
        }

        private void Arguments(ImmutableArray<Expression> list)
        {
            for (int i = 0; i < list.Length; i++)
            {
                if (i > 0) _sb.Append(", ");
                Expr(list[i]);
            }
        }

        private void Aggregate(AggregateExpression a)
        {
            _sb.Append(a.Function switch
            {
                AggregateFunction.Custom => a.CustomFunction!.ToString(),
                AggregateFunction.GroupConcat => "GROUP_CONCAT",
                _ => a.Function.ToString().ToUpperInvariant(),
            }).Append('(');
            if (a.Distinct) _sb.Append("DISTINCT ");
            if (a.Argument is null) _sb.Append('*'); else Expr(a.Argument);
            if (a.Separator is not null) _sb.Append(" ; SEPARATOR=").Append(new Literal(a.Separator));
            _sb.Append(')');
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
