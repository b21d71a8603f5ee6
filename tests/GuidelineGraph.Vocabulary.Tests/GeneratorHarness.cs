using System.Collections.Immutable;
using GuidelineGraph.Vocabulary.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GuidelineGraph.Vocabulary.Tests;

/// <summary>Runs the vocabulary generator in-process over Turtle texts, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    public sealed record Run(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> CompileErrors)
    {
        public string Source(string hintName) =>
            Result.GeneratedTrees.Single(tree => Path.GetFileName(tree.FilePath) == hintName).GetText().ToString();

        public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

        /// <summary>The value of a generated constant, read back from the compiled output.</summary>
        public object? Constant(string typeMetadataName, string field)
        {
            INamedTypeSymbol type = Output.GetTypeByMetadataName(typeMetadataName)
                ?? throw new Xunit.Sdk.XunitException($"type {typeMetadataName} was not generated");
            IFieldSymbol symbol = type.GetMembers(field).OfType<IFieldSymbol>().SingleOrDefault()
                ?? throw new Xunit.Sdk.XunitException($"{typeMetadataName}.{field} was not generated");
            return symbol.ConstantValue;
        }
    }

    public static Run Generate(IReadOnlyDictionary<string, string>? buildProperties, params (string Path, string Text)[] files)
    {
        GeneratorDriver driver = CreateDriver(buildProperties, files);
        return RunDriver(driver);
    }

    public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string>? buildProperties, params (string Path, string Text)[] files) =>
        CSharpGeneratorDriver.Create(
            [new VocabularyGenerator().AsSourceGenerator()],
            files.Select(file => (AdditionalText)new InMemoryText(file.Path, file.Text)),
            CSharpParseOptions.Default,
            new Options(buildProperties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Run RunDriver(GeneratorDriver driver)
    {
        var compilation = CSharpCompilation.Create("VocabularyUnderTest", [], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        ImmutableArray<Diagnostic> errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new Run(driver, driver.GetRunResult(), output, errors);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(IReadOnlyDictionary<string, string> buildProperties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(buildProperties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

        private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value)
            {
                const string prefix = "build_property.";
                if (key.StartsWith(prefix, StringComparison.Ordinal) && values.TryGetValue(key[prefix.Length..], out string? found))
                {
                    value = found;
                    return true;
                }
                value = string.Empty;
                return false;
            }
        }
    }
}
