using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Derivations;

/// <summary>Renders proofs as indented text and as PROV-O triples.</summary>
public static class ProofRendering
{
    /// <summary>
    /// One line per fact, premises indented two spaces below it:
    /// <c>fact  [rule-id, source &lt;clause&gt;]</c> or <c>fact  [asserted]</c>. IRIs under a prefix print as prefix:local.
    /// </summary>
    public static string ToText(ProofNode proof, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var sb = new StringBuilder();
        Write(sb, proof, 0, prefixes);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ProofNode node, int depth, IReadOnlyDictionary<string, string>? prefixes)
    {
        sb.Append(' ', depth * 2);
        sb.Append(Name(node.Fact.Subject, prefixes)).Append(' ').Append(Name(node.Fact.Predicate, prefixes)).Append(' ').Append(Name(node.Fact.Object, prefixes));
        if (node.Derivation is { } d)
        {
            sb.Append("  [").Append(d.Rule.Id);
            if (d.Rule.Source is { } source) sb.Append(", source ").Append(Name(source, prefixes));
            sb.Append(']');
        }
        else sb.Append("  [asserted]");
        sb.Append('\n');
        foreach (var p in node.Premises) Write(sb, p, depth + 1, prefixes);
    }

    public static string Name(Term term, IReadOnlyDictionary<string, string>? prefixes)
    {
        if (term is Iri iri && prefixes is not null)
        {
            foreach (var (prefix, ns) in prefixes)
            {
                if (iri.Value.Length > ns.Length && iri.Value.StartsWith(ns, StringComparison.Ordinal))
                    return prefix + ":" + iri.Value[ns.Length..];
            }
        }
        return term.ToString();
    }

    private const string Prov = "http://www.w3.org/ns/prov#";
    private const string DcTerms = "http://purl.org/dc/terms/";

    /// <summary>
    /// PROV-O for proofs. Each fact is an rdf:Statement node (a prov:Entity). A derived fact
    /// <c>prov:wasDerivedFrom</c> each premise and <c>prov:wasGeneratedBy</c> an activity (the rule application)
    /// that <c>prov:used</c> the premises; one <c>prov:qualifiedDerivation</c> per premise names that activity with
    /// <c>prov:hadActivity</c>. The activity's <c>prov:qualifiedAssociation</c> has <c>prov:hadPlan</c> the rule,
    /// a <c>prov:Plan</c> whose IRI is <paramref name="ruleNamespace"/> + rule id, with <c>dcterms:source</c> its
    /// clause. Node labels are deterministic, so equal proofs give equal graphs.
    /// </summary>
    public static IReadOnlyList<Triple> ToProvenance(IEnumerable<ProofNode> proofs, string ruleNamespace = "https://w3id.org/guidelinegraph/rule/")
    {
        var writer = new ProvenanceWriter(ruleNamespace);
        foreach (var proof in proofs) writer.Statement(proof);
        return writer.Triples;
    }

    private sealed class ProvenanceWriter(string ruleNamespace)
    {
        public readonly List<Triple> Triples = [];
        private readonly Dictionary<Triple, BlankNode> _statements = [];
        private readonly HashSet<string> _activities = [];
        private readonly HashSet<string> _plans = [];
        private static readonly Iri Type = Vocab.Rdf.Type;

        private void Add(Term s, Iri p, Term o) => Triples.Add(new Triple(s, p, o));

        public BlankNode Statement(ProofNode node)
        {
            if (!_statements.TryGetValue(node.Fact, out var st))
            {
                st = new BlankNode("s" + _statements.Count);
                _statements[node.Fact] = st;
                Add(st, Type, Vocab.Rdf.Statement);
                Add(st, Type, new Iri(Prov + "Entity"));
                Add(st, Vocab.Rdf.Subject, node.Fact.Subject);
                Add(st, Vocab.Rdf.Predicate, node.Fact.Predicate);
                Add(st, Vocab.Rdf.Object, node.Fact.Object);
            }
            if (node.Derivation is not { } d) return st;
            var activityKey = d.ToString();
            if (!_activities.Add(activityKey)) return st;
            var activity = new BlankNode("a" + (_activities.Count - 1));
            var plan = new Iri(ruleNamespace + Uri.EscapeDataString(d.Rule.Id.Value));
            if (_plans.Add(plan.Value))
            {
                Add(plan, Type, new Iri(Prov + "Plan"));
                Add(plan, Vocab.Rdfs.Label, new Literal(d.Rule.Id.Value));
                if (d.Rule.Source is { } source) Add(plan, new Iri(DcTerms + "source"), source);
            }
            Add(activity, Type, new Iri(Prov + "Activity"));
            var association = new BlankNode(activity.Id + "assoc");
            Add(activity, new Iri(Prov + "qualifiedAssociation"), association);
            Add(association, Type, new Iri(Prov + "Association"));
            Add(association, new Iri(Prov + "hadPlan"), plan);
            Add(st, new Iri(Prov + "wasGeneratedBy"), activity);
            int k = 0;
            foreach (var premise in node.Premises)
            {
                var ps = Statement(premise);
                Add(activity, new Iri(Prov + "used"), ps);
                Add(st, new Iri(Prov + "wasDerivedFrom"), ps);
                var q = new BlankNode(activity.Id + "d" + k++);
                Add(st, new Iri(Prov + "qualifiedDerivation"), q);
                Add(q, Type, new Iri(Prov + "Derivation"));
                Add(q, new Iri(Prov + "entity"), ps);
                Add(q, new Iri(Prov + "hadActivity"), activity);
            }
            return st;
        }
    }
}
