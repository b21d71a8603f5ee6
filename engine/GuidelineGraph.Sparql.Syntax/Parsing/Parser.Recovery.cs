using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Parsing;

/// <summary>
/// Error recovery, so that an editor shows every independent mistake at once. A recovery point (a group's
/// element, a template's triple, an update operation, a prologue declaration, the SELECT clause) takes the
/// error that unwound to it, skips tokens (over balanced braces) to a synchronising token of its production
/// (the next '.', '}' or keyword), restores the parser's context and parses on. What follows a skipped span
/// may still report an error caused by the first: the count is capped.
/// </summary>
internal sealed partial class Parser
{
    internal const int MaxErrors = 100;

    private readonly List<SyntaxError> _errors = [];
    private int _lastRecoveryAt = -1;

    private enum Sync { None, Before, After }

    private readonly record struct ParserState(int Depth, bool AggregatesAllowed, TriplesContext Context, bool PathsAllowed);

    private ParserState SaveState() => new(_depth, _aggregatesAllowed, _context, _pathsAllowed);

    /// <summary>The first error first (the one a one-error caller reports), then the rest in text order.</summary>
    private IReadOnlyList<SyntaxError> Errors() =>
        [_errors[0], .. _errors.Skip(1).OrderBy(e => e.Start.Offset).ThenBy(e => e.End.Offset)];

    /// <summary>
    /// After an error: skips to where <paramref name="sync"/> says (tested outside any braces opened while
    /// skipping) and clears the error. False, leaving the error to unwind further, at the end of input or at the cap.
    /// </summary>
    private bool Recover(ParserState state, Func<Sync> sync)
    {
        if (_error is null || _errors.Count >= MaxErrors || _current.Kind == TokenKind.Eof) return false;
        _error = null;
        (_depth, _aggregatesAllowed, _context, _pathsAllowed) = state;
        // An error at the very token where the last recovery stopped would stop here again: move past it.
        if (_current.Start == _lastRecoveryAt) Skip();
        int nesting = 0;
        while (_current.Kind != TokenKind.Eof && _errors.Count < MaxErrors)
        {
            if (nesting <= 0)
            {
                Sync at = sync();
                if (at == Sync.Before) break;
                if (at == Sync.After)
                {
                    Skip();
                    break;
                }
            }
            if (_current.Kind == TokenKind.LBrace) nesting++;
            else if (_current.Kind == TokenKind.RBrace) nesting--;
            Skip();
        }
        _lastRecoveryAt = _current.Start;
        if (_errors.Count >= MaxErrors || _current.Kind == TokenKind.Eof)
        {
            // Nothing left to parse: unwind with the last error.
            _error = _errors[^1];
            return false;
        }
        _error = null;
        return true;
    }

    /// <summary>Moves to the next token while recovering; a lexical error met on the way is reported, and lexing resumes after it.</summary>
    private void Skip()
    {
        if (_current.Kind == TokenKind.Error)
        {
            _lexer.Resume();
            _current = _lexer.Next();
        }
        else _current = _next;
        _next = _current.Kind is TokenKind.Eof or TokenKind.Error ? _current : _lexer.Next();
        if (_current.Kind == TokenKind.Error)
        {
            _error = null;
            Fail(_current, _current.Value!);
        }
    }

    /// <summary>In a group or a template: after '.', before '}' or the keyword of the next pattern.</summary>
    private Sync AtGroupStop()
    {
        var k = _current.Kind;
        if (k == TokenKind.Dot) return Sync.After;
        if (k == TokenKind.RBrace) return Sync.Before;
        return IsAnyWord(_current, PatternKeywords) ? Sync.Before : Sync.None;
    }

    private static readonly string[] PatternKeywords = ["OPTIONAL", "MINUS", "GRAPH", "SERVICE", "FILTER", "BIND", "VALUES"];
    private static readonly string[] QueryFormKeywords = ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE"];
    private static readonly string[] PrologueKeywords = ["BASE", "PREFIX"];

    /// <summary>In the prologue: before the next declaration or the query form (or update operation).</summary>
    private Sync AtPrologueStop() =>
        IsAnyWord(_current, PrologueKeywords) || IsAnyWord(_current, QueryFormKeywords) || IsAnyWord(_current, UpdateKeywords)
            ? Sync.Before : Sync.None;

    /// <summary>After the SELECT clause: before the dataset or WHERE clause.</summary>
    private Sync AtSelectEnd() =>
        _current.Kind == TokenKind.LBrace || IsWord(_current, "FROM") || IsWord(_current, "WHERE") ? Sync.Before : Sync.None;

    /// <summary>Between update operations: after ';', before the next operation's keyword.</summary>
    private Sync AtOperationStop()
    {
        if (_current.Kind == TokenKind.Semicolon) return Sync.After;
        return IsAnyWord(_current, UpdateKeywords) || IsAnyWord(_current, PrologueKeywords) ? Sync.Before : Sync.None;
    }

    private bool IsAnyWord(Token t, string[] keywords)
    {
        if (t.Kind != TokenKind.Word) return false;
        foreach (var k in keywords)
            if (IsWord(t, k)) return true;
        return false;
    }
}
