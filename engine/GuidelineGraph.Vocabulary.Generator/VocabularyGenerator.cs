using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>
    /// Emits C# constants for the ontology's terms from the *.ttl AdditionalFiles, so that code
    /// naming a term that the ontology renamed or dropped no longer compiles.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class VocabularyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ScannedFile> files = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(".ttl", StringComparison.OrdinalIgnoreCase))
                .Select(static (text, cancellationToken) =>
                {
                    string? content = text.GetText(cancellationToken)?.ToString();
                    return content == null
                        ? new ScannedFile(text.Path, default, default,
                            ImmutableArray.Create(new ScanError(new FilePosition(1, 1), "cannot read the file")).ToEquatableArray())
                        : TurtleScanner.Scan(text.Path, content, cancellationToken);
                });

            // Per file, so an edit to one file re-reports only its own errors.
            context.RegisterSourceOutput(files, static (output, file) =>
            {
                foreach (ScanError error in file.Errors)
                {
                    output.ReportDiagnostic(new GeneratorDiagnostic(GeneratorDiagnostics.UnreadableTurtle.Id, file.Path, error.Position, error.Message).ToDiagnostic());
                }
            });

            IncrementalValueProvider<VocabularyOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => VocabularyOptions.From(provider.GlobalOptions));

            IncrementalValueProvider<VocabularyOutput> vocabulary = files.Collect().Combine(options)
                .Select(static (input, _) => VocabularyBuilder.Build(input.Left, input.Right));

            context.RegisterSourceOutput(vocabulary, static (output, result) =>
            {
                foreach (GeneratedSource source in result.Sources)
                {
                    output.AddSource(source.HintName, source.Text);
                }
                foreach (GeneratorDiagnostic diagnostic in result.Diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        }
    }
}
