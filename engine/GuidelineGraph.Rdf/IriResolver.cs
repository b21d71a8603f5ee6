using System.Text;

namespace GuidelineGraph.Rdf;

/// <summary>
/// Resolves IRI references against a base IRI as RFC 3986 §5.2 says (strict: a reference with a scheme
/// keeps it). Shared by the Turtle family readers and SPARQL.
/// </summary>
public sealed class IriResolver
{
    private readonly string _scheme;
    private readonly string? _authority;
    private readonly string _path;
    private readonly string? _query;

    /// <summary>The base must be absolute (carry a scheme); see <see cref="TryCreate"/>.</summary>
    public IriResolver(string baseIri)
    {
        if (!TryCreate(baseIri, out var resolver)) throw new ArgumentException($"Base IRI '{baseIri}' has no scheme.", nameof(baseIri));
        (Base, _scheme, _authority, _path, _query) = (resolver.Base, resolver._scheme, resolver._authority, resolver._path, resolver._query);
    }

    private IriResolver(string @base, string scheme, string? authority, string path, string? query)
    {
        Base = @base;
        _scheme = scheme;
        _authority = authority;
        _path = path;
        _query = query;
    }

    public string Base { get; }

    public static bool TryCreate(string baseIri, out IriResolver resolver)
    {
        var parts = Split(baseIri);
        if (parts.Scheme is null)
        {
            resolver = null!;
            return false;
        }
        // The fragment of a base never reaches a resolved IRI.
        resolver = new IriResolver(baseIri, parts.Scheme, parts.Authority, parts.Path, parts.Query);
        return true;
    }

    /// <summary>Whether the reference starts with a scheme (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"</c>).</summary>
    public static bool HasScheme(ReadOnlySpan<char> iri) => SchemeLength(iri) > 0;

    private static int SchemeLength(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0])) return 0;
        for (int i = 1; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ':') return i;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return 0;
        }
        return 0;
    }

    public string Resolve(string reference) => Resolve(reference.AsSpan(), reference);

    public string Resolve(ReadOnlySpan<char> reference) => Resolve(reference, null);

    private string Resolve(ReadOnlySpan<char> reference, string? referenceString)
    {
        if (HasScheme(reference))
        {
            // Common case: an absolute IRI without dot segments is its own resolution.
            if (!HasDotSegment(reference)) return referenceString ?? reference.ToString();
            var abs = Split(referenceString ?? reference.ToString());
            return Compose(abs.Scheme!, abs.Authority, RemoveDotSegments(abs.Path), abs.Query, abs.Fragment);
        }
        var r = Split(referenceString ?? reference.ToString());
        string? authority, query;
        string path;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = _authority;
            if (r.Path.Length == 0)
            {
                path = _path;
                query = r.Query ?? _query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(r.Path));
                query = r.Query;
            }
        }
        return Compose(_scheme, authority, path, query, r.Fragment);
    }

    private string Merge(string relativePath)
    {
        if (_authority is not null && _path.Length == 0) return "/" + relativePath;
        int slash = _path.LastIndexOf('/');
        return slash < 0 ? relativePath : string.Concat(_path.AsSpan(0, slash + 1), relativePath);
    }

    private static bool HasDotSegment(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (true)
        {
            int j = s[i..].IndexOf("/.");
            if (j < 0) return false;
            i += j + 2;
            if (i == s.Length || s[i] is '/' or '?' or '#') return true;
            if (s[i] == '.' && (i + 1 == s.Length || s[i + 1] is '/' or '?' or '#')) return true;
        }
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    private static Parts Split(string s)
    {
        int schemeLength = SchemeLength(s);
        string? scheme = schemeLength > 0 ? s[..schemeLength] : null;
        int i = schemeLength > 0 ? schemeLength + 1 : 0;
        string? fragment = null, query = null, authority = null;
        int hash = s.IndexOf('#', i);
        int end = s.Length;
        if (hash >= 0)
        {
            fragment = s[(hash + 1)..];
            end = hash;
        }
        int question = s.IndexOf('?', i, end - i);
        if (question >= 0)
        {
            query = s[(question + 1)..end];
            end = question;
        }
        if (end - i >= 2 && s[i] == '/' && s[i + 1] == '/')
        {
            int authorityEnd = s.IndexOf('/', i + 2, end - i - 2);
            if (authorityEnd < 0) authorityEnd = end;
            authority = s[(i + 2)..authorityEnd];
            i = authorityEnd;
        }
        return new Parts(scheme, authority, s[i..end], query, fragment);
    }

    private static string Compose(string scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder(scheme.Length + path.Length + 16);
        sb.Append(scheme).Append(':');
        if (authority is not null) sb.Append("//").Append(authority);
        sb.Append(path);
        if (query is not null) sb.Append('?').Append(query);
        if (fragment is not null) sb.Append('#').Append(fragment);
        return sb.ToString();
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    public static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0) return path;
        var output = new List<string>();
        int i = 0;
        bool absolute = path.StartsWith('/');
        // Split into segments; a leading "/" makes the first segment empty.
        var segments = path.Split('/');
        if (absolute) i = 1;
        for (; i < segments.Length; i++)
        {
            var seg = segments[i];
            bool last = i == segments.Length - 1;
            if (seg == ".")
            {
                if (last) output.Add("");
            }
            else if (seg == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add("");
            }
            else output.Add(seg);
        }
        var joined = string.Join('/', output);
        return absolute ? "/" + joined : joined;
    }
}
