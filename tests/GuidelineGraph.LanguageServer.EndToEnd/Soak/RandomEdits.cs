using System.Text;

namespace GuidelineGraph.LanguageServer.EndToEnd.Soak;

/// <summary>One incremental change in LSP coordinates; <see cref="OutcomeOpen"/> when the protocol does not fix its result.</summary>
public sealed record SoakEdit(string Kind, int StartLine, int StartCharacter, int EndLine, int EndCharacter, string Text, bool OutcomeOpen);

/// <summary>
/// Seeded random edits of the kinds a writer (and a broken client) makes: typing words in English and Chinese
/// that change which features and evidence are found, deletions, ranges that split a surrogate pair, very long
/// lines, binary garbage, positions past the end. The document stays under <see cref="MaxLength"/> characters.
/// </summary>
public sealed class RandomEdits(int seed)
{
    public const int MaxLength = 200_000;

    private static readonly string[] Words =
    [
        "AAV9 ", "lentiviral vector ", "intrathecal injection ", "infants ", "subretinal ", "CRISPR ", "vector shedding ",
        "long-term follow-up for 15 years ", "liver function tests ", "staggered dosing ", "not ", "no ", "will not be assessed ",
        "腺相关病毒", "慢病毒", "鞘内注射", "婴儿", "长期随访", "病毒脱落", "肝功能", "不", "视网膜下腔注射",
        "𠀀𠀁", "😀", "𝔸𝔹", "👩‍👩‍👧", "é", "\n", "\r\n", "\n\n", " ", "|", "| a | b |\n", "---\n", "# 8 TRIAL ASSESSMENTS\n",
        "## 8.4 Safety Assessments\n", "### 4.1.2 Cohort\n", "<!-- gg:addresses cde:r-3.1-p3-s2a -->\n", "```\n", "> ", "- ", "1. ",
    ];

    private readonly Random _random = new(seed);

    public SoakEdit Next(SoakDocument document)
    {
        int roll = _random.Next(100);
        bool tooLong = document.Text.Length > MaxLength;
        if (tooLong || roll < 20) return Delete(document, tooLong ? 20_000 : 200);
        if (roll < 55) return Insert(document, "type", Typed(1 + _random.Next(6)));
        if (roll < 65) return Replace(document);
        if (roll < 75) return SplitSurrogatePair(document);
        if (roll < 77) return Insert(document, "long line", LongLine());
        if (roll < 90) return Insert(document, "garbage", Garbage());
        return PastTheEnd(document);
    }

    private string Typed(int words)
    {
        var text = new StringBuilder();
        for (int i = 0; i < words; i++) text.Append(Words[_random.Next(Words.Length)]);
        return text.ToString();
    }

    private string LongLine()
    {
        var line = new StringBuilder();
        int length = 10_000 + _random.Next(50_000);
        while (line.Length < length) line.Append(Words[_random.Next(Words.Length)].Replace("\n", " ").Replace("\r", " "));
        return line.Append('\n').ToString();
    }

    /// <summary>Random UTF-16 code units: controls, NUL, lone surrogates, private use, noncharacters.</summary>
    private string Garbage()
    {
        char[] units = new char[1 + _random.Next(64)];
        for (int i = 0; i < units.Length; i++)
            units[i] = _random.Next(4) switch
            {
                0 => (char)_random.Next(0x20),
                1 => (char)(0xD800 + _random.Next(0x800)),
                2 => (char)(0xFFF0 + _random.Next(0x10)),
                _ => (char)_random.Next(0x10000),
            };
        return new string(units);
    }

    private (int Line, int Character) RandomPosition(SoakDocument document) =>
        document.PositionAt(_random.Next(document.Text.Length + 1));

    private SoakEdit Insert(SoakDocument document, string kind, string text)
    {
        var (line, character) = RandomPosition(document);
        return new SoakEdit(kind, line, character, line, character, text, OutcomeOpen: false);
    }

    private SoakEdit Delete(SoakDocument document, int maxLength)
    {
        int start = _random.Next(document.Text.Length + 1);
        int end = Math.Min(document.Text.Length, start + _random.Next(maxLength + 1));
        var (startLine, startCharacter) = document.PositionAt(start);
        var (endLine, endCharacter) = document.PositionAt(end);
        return new SoakEdit("delete", startLine, startCharacter, endLine, endCharacter, "", OutcomeOpen: false);
    }

    private SoakEdit Replace(SoakDocument document)
    {
        SoakEdit deletion = Delete(document, 100);
        return deletion with { Kind = "replace", Text = Typed(1 + _random.Next(3)) };
    }

    /// <summary>A range that starts or ends between the two halves of a surrogate pair (one is inserted if none exists).</summary>
    private SoakEdit SplitSurrogatePair(SoakDocument document)
    {
        int middle = -1;
        for (int tries = 0; tries < 64 && middle < 0; tries++)
        {
            int at = _random.Next(document.Text.Length + 1);
            int found = document.Text.IndexOf("\uD840\uDC00", Math.Min(at, document.Text.Length), StringComparison.Ordinal);
            if (found >= 0) middle = found + 1;
        }
        if (middle < 0) return Insert(document, "surrogate pair", "𠀀");
        var (line, character) = document.PositionAt(middle);
        return _random.Next(3) switch
        {
            0 => new SoakEdit("split pair: insert", line, character, line, character, Typed(1), OutcomeOpen: true),
            1 => new SoakEdit("split pair: delete low half", line, character, line, character + 1, "", OutcomeOpen: true),
            _ => new SoakEdit("split pair: delete high half", line, character - 1, line, character, Typed(1), OutcomeOpen: true),
        };
    }

    /// <summary>A character past the line's end (LSP: the line's end) or a line past the document's end (left open).</summary>
    private SoakEdit PastTheEnd(SoakDocument document)
    {
        var (line, _) = RandomPosition(document);
        if (_random.Next(2) == 0)
            return new SoakEdit("character past the line end", line, 100_000, line, 100_000, Typed(1), OutcomeOpen: false);
        int beyond = document.LineCount + _random.Next(1, 1000);
        return new SoakEdit("line past the end", beyond, 0, beyond, 5, Typed(1), OutcomeOpen: true);
    }
}
