using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>A diagnostic as plain values, so that pipeline steps stay comparable.</summary>
    internal sealed record GeneratorDiagnostic(string Id, string Path, FilePosition Position, string Message)
    {
        public Diagnostic ToDiagnostic()
        {
            var start = new LinePosition(Position.Line - 1, Position.Column - 1);
            Location location = Path.Length == 0
                ? Location.None
                : Location.Create(Path, default, new LinePositionSpan(start, start));
            return Diagnostic.Create(GeneratorDiagnostics.ById(Id), location, Message);
        }
    }

    internal static class GeneratorDiagnostics
    {
        private const string Category = "GuidelineGraph.Vocabulary";

        public static readonly DiagnosticDescriptor UnreadableTurtle = new DiagnosticDescriptor(
            "GGV001", "Ontology file the vocabulary generator cannot read", "{0}", Category,
            DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NameClash = new DiagnosticDescriptor(
            "GGV002", "Two vocabulary terms get the same C# name", "{0}", Category,
            DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor BadOption = new DiagnosticDescriptor(
            "GGV003", "Invalid vocabulary generator setting", "{0}", Category,
            DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Unnameable = new DiagnosticDescriptor(
            "GGV004", "Vocabulary term without a C# name", "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static DiagnosticDescriptor ById(string id) =>
            id == NameClash.Id ? NameClash
            : id == BadOption.Id ? BadOption
            : id == Unnameable.Id ? Unnameable
            : UnreadableTurtle;
    }
}
