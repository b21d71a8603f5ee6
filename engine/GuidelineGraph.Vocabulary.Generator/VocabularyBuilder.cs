using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GuidelineGraph.Vocabulary.Generator
{
    internal sealed record GeneratedSource(string HintName, string Text);

    internal sealed record VocabularyOutput(EquatableArray<GeneratedSource> Sources, EquatableArray<GeneratorDiagnostic> Diagnostics);

    /// <summary>
    /// Turns the scanned files into one static class per namespace: classes and properties in
    /// nested <c>Classes</c>/<c>Properties</c>, everything else (individuals, concepts, schemes)
    /// directly in the namespace class. Output is ordered by name, so it is the same every build.
    /// </summary>
    internal static class VocabularyBuilder
    {
        private static readonly HashSet<string> ClassTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "http://www.w3.org/2002/07/owl#Class",
            "http://www.w3.org/2000/01/rdf-schema#Class",
            "http://www.w3.org/2000/01/rdf-schema#Datatype",
        };

        private static readonly HashSet<string> PropertyTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
            "http://www.w3.org/2002/07/owl#ObjectProperty",
            "http://www.w3.org/2002/07/owl#DatatypeProperty",
            "http://www.w3.org/2002/07/owl#AnnotationProperty",
            "http://www.w3.org/2002/07/owl#OntologyProperty",
            "http://www.w3.org/2002/07/owl#FunctionalProperty",
            "http://www.w3.org/2002/07/owl#InverseFunctionalProperty",
            "http://www.w3.org/2002/07/owl#TransitiveProperty",
            "http://www.w3.org/2002/07/owl#SymmetricProperty",
            "http://www.w3.org/2002/07/owl#AsymmetricProperty",
            "http://www.w3.org/2002/07/owl#ReflexiveProperty",
            "http://www.w3.org/2002/07/owl#IrreflexiveProperty",
        };

        private const string ClassesName = "Classes";
        private const string PropertiesName = "Properties";
        private const string NamespaceName = "Namespace";

        private enum TermKind { Individual, Class, Property }

        private sealed class Term
        {
            public Term(string iri, string local, string path, FilePosition position)
            {
                Iri = iri;
                Local = local;
                Path = path;
                Position = position;
            }

            public string Iri { get; }
            public string Local { get; }
            public string Path { get; }
            public FilePosition Position { get; }
            public HashSet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal);
            public string? Label { get; set; }

            public TermKind Kind =>
                Types.Overlaps(ClassTypes) ? TermKind.Class
                : Types.Overlaps(PropertyTypes) ? TermKind.Property
                : TermKind.Individual;
        }

        private sealed class NamespaceTerms
        {
            public NamespaceTerms(string iri) => Iri = iri;

            public string Iri { get; }
            public Dictionary<string, Term> Terms { get; } = new Dictionary<string, Term>(StringComparer.Ordinal);
        }

        public static VocabularyOutput Build(IEnumerable<ScannedFile> scannedFiles, VocabularyOptions options)
        {
            var diagnostics = new List<GeneratorDiagnostic>();
            foreach (string error in options.Errors)
            {
                diagnostics.Add(new GeneratorDiagnostic(GeneratorDiagnostics.BadOption.Id, string.Empty, new FilePosition(1, 1), error));
            }
            List<ScannedFile> files = scannedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

            // Every prefix bound to a namespace anywhere names it; ordinal order picks one.
            var prefixesByNamespace = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (PrefixBinding binding in files.SelectMany(f => f.Prefixes))
            {
                if (!prefixesByNamespace.TryGetValue(binding.Namespace, out SortedSet<string>? prefixes))
                {
                    prefixesByNamespace[binding.Namespace] = prefixes = new SortedSet<string>(StringComparer.Ordinal);
                }
                prefixes.Add(binding.Prefix);
            }

            var namespaces = new SortedDictionary<string, NamespaceTerms>(StringComparer.Ordinal);
            foreach (ScannedFile file in files)
            {
                foreach (TermDeclaration declaration in file.Terms)
                {
                    string? ns = declaration.Namespace ?? LongestNamespaceOf(declaration.Iri, prefixesByNamespace.Keys);
                    if (ns == null || declaration.Iri.Length == ns.Length)
                    {
                        continue; // outside every declared namespace, or the namespace itself (an ontology header)
                    }
                    if (!namespaces.TryGetValue(ns, out NamespaceTerms? terms))
                    {
                        namespaces[ns] = terms = new NamespaceTerms(ns);
                    }
                    if (!terms.Terms.TryGetValue(declaration.Iri, out Term? term))
                    {
                        term = new Term(declaration.Iri, declaration.Iri.Substring(ns.Length), file.Path, declaration.Position);
                        terms.Terms[declaration.Iri] = term;
                    }
                    term.Types.UnionWith(declaration.Types);
                    term.Label ??= declaration.Label;
                }
            }

            var sources = new List<GeneratedSource>();
            var classNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (NamespaceTerms terms in namespaces.Values)
            {
                SortedSet<string> prefixes = prefixesByNamespace[terms.Iri];
                string? className = prefixes.Select(options.ClassNameFor).FirstOrDefault(n => n != null)
                    ?? CSharpNames.ToIdentifier(prefixes.First());
                Term first = terms.Terms.Values.OrderBy(t => t.Path, StringComparer.Ordinal).ThenBy(t => t.Position.Line).First();
                if (className == null)
                {
                    diagnostics.Add(new GeneratorDiagnostic(GeneratorDiagnostics.Unnameable.Id, first.Path, first.Position,
                        "no C# class name for namespace <" + terms.Iri + ">: its prefix '" + prefixes.First() + "' has no letter or digit; name it in GuidelineGraphVocabularyClassNames"));
                    continue;
                }
                if (classNames.TryGetValue(className, out string? other))
                {
                    diagnostics.Add(new GeneratorDiagnostic(GeneratorDiagnostics.NameClash.Id, first.Path, first.Position,
                        "namespaces <" + other + "> and <" + terms.Iri + "> both map to the class " + className + "; name one in GuidelineGraphVocabularyClassNames"));
                    continue;
                }
                classNames[className] = terms.Iri;
                sources.Add(new GeneratedSource(className + ".g.cs", Emit(options.Namespace, className, prefixes.First(), terms, diagnostics)));
            }
            return new VocabularyOutput(sources.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static string? LongestNamespaceOf(string iri, IEnumerable<string> namespaces) =>
            namespaces.Where(ns => iri.StartsWith(ns, StringComparison.Ordinal)).OrderByDescending(ns => ns.Length).FirstOrDefault();

        private static string Emit(string csharpNamespace, string className, string prefix, NamespaceTerms terms, List<GeneratorDiagnostic> diagnostics)
        {
            var members = new Dictionary<TermKind, SortedDictionary<string, Term>>
            {
                [TermKind.Individual] = new SortedDictionary<string, Term>(StringComparer.Ordinal),
                [TermKind.Class] = new SortedDictionary<string, Term>(StringComparer.Ordinal),
                [TermKind.Property] = new SortedDictionary<string, Term>(StringComparer.Ordinal),
            };
            IEnumerable<Term> ordered = terms.Terms.Values
                .OrderBy(t => t.Path, StringComparer.Ordinal).ThenBy(t => t.Position.Line).ThenBy(t => t.Position.Column);
            foreach (Term term in ordered)
            {
                string? name = CSharpNames.ToIdentifier(term.Local);
                if (name == null)
                {
                    diagnostics.Add(new GeneratorDiagnostic(GeneratorDiagnostics.Unnameable.Id, term.Path, term.Position,
                        "no C# name for <" + term.Iri + ">: its local name has no letter or digit"));
                    continue;
                }
                TermKind kind = term.Kind;
                name = AvoidReservedName(name, kind, className);
                SortedDictionary<string, Term> container = members[kind];
                if (container.TryGetValue(name, out Term? taken))
                {
                    diagnostics.Add(new GeneratorDiagnostic(GeneratorDiagnostics.NameClash.Id, term.Path, term.Position,
                        "<" + term.Iri + "> and <" + taken.Iri + "> both map to " + className + "." + name + "; rename one"));
                    continue;
                }
                container[name] = term;
            }

            var text = new StringBuilder();
            text.Append("// <auto-generated/> by GuidelineGraph.Vocabulary.Generator from the ontology's Turtle files.\n");
            text.Append("#nullable enable\n\n");
            text.Append("namespace ").Append(csharpNamespace).Append("\n{\n");
            text.Append("    /// <summary>Terms of <c>").Append(Xml(prefix)).Append(":</c> &lt;").Append(Xml(terms.Iri)).Append("&gt;.</summary>\n");
            text.Append("    public static partial class ").Append(className).Append("\n    {\n");
            text.Append("        /// <summary>The namespace IRI.</summary>\n");
            text.Append("        public const string ").Append(NamespaceName).Append(" = ").Append(Literal(terms.Iri)).Append(";\n");
            AppendConstants(text, members[TermKind.Individual], prefix, "        ");
            AppendNestedClass(text, ClassesName, "Classes (owl:Class, rdfs:Class, rdfs:Datatype).", members[TermKind.Class], prefix);
            AppendNestedClass(text, PropertiesName, "Properties (rdf:Property and the OWL property types).", members[TermKind.Property], prefix);
            text.Append("    }\n}\n");
            return text.ToString();
        }

        private static string AvoidReservedName(string name, TermKind kind, string className)
        {
            bool reserved = kind switch
            {
                TermKind.Class => name == ClassesName,
                TermKind.Property => name == PropertiesName,
                _ => name == className || name == NamespaceName || name == ClassesName || name == PropertiesName,
            };
            return reserved ? name + "_" : name;
        }

        private static void AppendNestedClass(StringBuilder text, string name, string summary, SortedDictionary<string, Term> members, string prefix)
        {
            if (members.Count == 0)
            {
                return;
            }
            text.Append("\n        /// <summary>").Append(Xml(summary)).Append("</summary>\n");
            text.Append("        public static class ").Append(name).Append("\n        {\n");
            AppendConstants(text, members, prefix, "            ");
            text.Append("        }\n");
        }

        private static void AppendConstants(StringBuilder text, SortedDictionary<string, Term> members, string prefix, string indent)
        {
            foreach (KeyValuePair<string, Term> member in members)
            {
                Term term = member.Value;
                text.Append('\n').Append(indent).Append("/// <summary>");
                if (term.Label != null)
                {
                    text.Append(Xml(term.Label)).Append(" — ");
                }
                text.Append("<c>").Append(Xml(prefix)).Append(':').Append(Xml(term.Local)).Append("</c></summary>\n");
                text.Append(indent).Append("public const string ").Append(member.Key).Append(" = ").Append(Literal(term.Iri)).Append(";\n");
            }
        }

        private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        private static string Xml(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
    }
}
