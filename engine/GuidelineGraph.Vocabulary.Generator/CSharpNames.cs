using System.Text;

namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>Turns an IRI's local name into a C# identifier, the same way every build.</summary>
    internal static class CSharpNames
    {
        /// <summary>
        /// Separators (anything but a letter or digit) split the name into words; each word starts
        /// upper-case and the words join, with '_' only between two digits so that "8.4.1" and
        /// "8.41" stay apart. A leading digit gets an 'S' (for section): "8.4.1" -> "S8_4_1",
        /// "car-t" -> "CarT", "demandsControl" -> "DemandsControl". Null when nothing is left.
        /// </summary>
        public static string? ToIdentifier(string localName)
        {
            var builder = new StringBuilder(localName.Length + 1);
            bool wordStart = true;
            foreach (char c in localName)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    wordStart = true;
                    continue;
                }
                if (wordStart && builder.Length > 0 && char.IsDigit(c) && char.IsDigit(builder[builder.Length - 1]))
                {
                    builder.Append('_');
                }
                builder.Append(wordStart ? char.ToUpperInvariant(c) : c);
                wordStart = false;
            }
            if (builder.Length == 0)
            {
                return null;
            }
            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, 'S');
            }
            return builder.ToString();
        }

        public static bool IsIdentifier(string name) =>
            name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_')
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;
    }
}
