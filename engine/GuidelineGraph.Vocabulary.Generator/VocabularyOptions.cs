using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>
    /// MSBuild settings (declared as CompilerVisibleProperty by the consuming project):
    /// GuidelineGraphVocabularyNamespace, the C# namespace of the generated classes, and
    /// GuidelineGraphVocabularyClassNames, "prefix=ClassName,..." naming the class of a
    /// namespace by one of its Turtle prefixes (otherwise the prefix, Pascal-cased). Commas, not
    /// semicolons: the compiler reads these from an .editorconfig, where ';' starts a comment.
    /// </summary>
    internal sealed record ClassNameBinding(string Prefix, string ClassName);

    internal sealed record VocabularyOptions(string Namespace, EquatableArray<ClassNameBinding> ClassNames, EquatableArray<string> Errors)
    {
        public const string DefaultNamespace = "GuidelineGraph.Vocabulary";
        public const string NamespaceProperty = "build_property.GuidelineGraphVocabularyNamespace";
        public const string ClassNamesProperty = "build_property.GuidelineGraphVocabularyClassNames";

        public static VocabularyOptions From(AnalyzerConfigOptions options)
        {
            options.TryGetValue(NamespaceProperty, out string? ns);
            options.TryGetValue(ClassNamesProperty, out string? classNames);
            return Parse(ns, classNames);
        }

        public static VocabularyOptions Parse(string? ns, string? classNames)
        {
            var errors = new List<string>();
            ns = string.IsNullOrWhiteSpace(ns) ? DefaultNamespace : ns!.Trim();
            if (ns.Split('.').Any(part => !CSharpNames.IsIdentifier(part)))
            {
                errors.Add("GuidelineGraphVocabularyNamespace '" + ns + "' is not a C# namespace; using " + DefaultNamespace);
                ns = DefaultNamespace;
            }
            var names = new List<ClassNameBinding>();
            foreach (string entry in (classNames ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] pair = entry.Split('=');
                string prefix = pair[0].Trim();
                string name = pair.Length == 2 ? pair[1].Trim() : string.Empty;
                if (pair.Length != 2 || prefix.Length == 0 || !CSharpNames.IsIdentifier(name))
                {
                    errors.Add("GuidelineGraphVocabularyClassNames entry '" + entry.Trim() + "' is not 'prefix=ClassName'");
                    continue;
                }
                names.Add(new ClassNameBinding(prefix, name));
            }
            return new VocabularyOptions(ns, names.ToEquatableArray(), errors.ToEquatableArray());
        }

        public string? ClassNameFor(string prefix)
        {
            foreach (ClassNameBinding binding in ClassNames)
            {
                if (binding.Prefix == prefix) return binding.ClassName;
            }
            return null;
        }
    }
}
