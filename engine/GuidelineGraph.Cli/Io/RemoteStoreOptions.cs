using System.CommandLine;
using GuidelineGraph.Remote;

namespace GuidelineGraph.Cli.Io;

/// <summary>What the command line says about a remote SPARQL store; <see cref="Resolve"/> checks it and reads the secret files.</summary>
internal sealed record RemoteStoreRequest(string? Endpoint, string? UpdateEndpoint, string? GraphStore, string? User, string? PasswordFile, string? TokenFile)
{
    /// <summary>The endpoint, or null with <paramref name="error"/> set when the options are wrong (a usage error).</summary>
    public SparqlEndpoint? Resolve(out string? error, TimeSpan? timeout = null)
    {
        error = null;
        if (Endpoint is null)
        {
            error = "--update-endpoint, --graph-store, --user, --password-file and --token-file need --endpoint URL";
            return null;
        }
        if (Url("--endpoint", Endpoint, ref error) is not { } query) return null;
        Uri? update = null, graphStore = null;
        if (UpdateEndpoint is not null && (update = Url("--update-endpoint", UpdateEndpoint, ref error)) is null) return null;
        if (GraphStore is not null && (graphStore = Url("--graph-store", GraphStore, ref error)) is null) return null;

        EndpointCredentials? credentials = null;
        if (TokenFile is not null && (User is not null || PasswordFile is not null))
        {
            error = "give either --token-file or --user with --password-file, not both";
            return null;
        }
        if ((User is null) != (PasswordFile is null))
        {
            error = "--user and --password-file go together";
            return null;
        }
        if (TokenFile is not null)
        {
            if (Secret("--token-file", TokenFile, ref error) is not { } token) return null;
            credentials = new EndpointCredentials.BearerToken(token);
        }
        else if (User is not null)
        {
            if (Secret("--password-file", PasswordFile!, ref error) is not { } password) return null;
            credentials = new EndpointCredentials.UserPassword(User, password);
        }
        var endpoint = new SparqlEndpoint(query) { Update = update, GraphStore = graphStore, Credentials = credentials };
        return timeout is { } t ? endpoint with { Timeout = t } : endpoint;
    }

    public bool IsGiven => Endpoint is not null || UpdateEndpoint is not null || GraphStore is not null || User is not null
        || PasswordFile is not null || TokenFile is not null;

    private static Uri? Url(string option, string text, ref string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
        error = $"{option} {text}: expected an absolute http:// or https:// URL";
        return null;
    }

    /// <summary>A secret from a file, so it never shows in the process list or the shell history; the final line break is dropped.</summary>
    private static string? Secret(string option, string path, ref string? error)
    {
        try
        {
            string secret = File.ReadAllText(path).TrimEnd('\r', '\n');
            if (secret.Length > 0) return secret;
            error = $"{option} {path}: the file is empty";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{option} {path}: {e.Message}";
        }
        return null;
    }
}

/// <summary>The options that point a command at a remote SPARQL 1.1 store instead of local files.</summary>
internal sealed class RemoteStoreOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "Work against this remote SPARQL 1.1 query service (Virtuoso: http://host:8890/sparql; gg serve: http://host:port/sparql).", HelpName = "URL" };
    public Option<string?> UpdateEndpoint { get; } = new("--update-endpoint") { Description = "The SPARQL update service, when it is not the --endpoint URL.", HelpName = "URL" };
    public Option<string?> GraphStore { get; } = new("--graph-store") { Description = "The Graph Store Protocol service (Virtuoso: /sparql-graph-crud-auth; gg serve: /store); without it graphs travel as SPARQL.", HelpName = "URL" };
    public Option<string?> User { get; } = new("--user") { Description = "User name for HTTP Basic or Digest authentication (with --password-file).", HelpName = "NAME" };
    public Option<string?> PasswordFile { get; } = new("--password-file") { Description = "A file holding the password of --user.", HelpName = "FILE" };
    public Option<string?> TokenFile { get; } = new("--token-file") { Description = "A file holding a bearer token sent with every request.", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { Endpoint, UpdateEndpoint, GraphStore, User, PasswordFile, TokenFile }) command.Add(option);
    }

    public RemoteStoreRequest Read(ParseResult result) => new(result.GetValue(Endpoint), result.GetValue(UpdateEndpoint), result.GetValue(GraphStore),
        result.GetValue(User), result.GetValue(PasswordFile), result.GetValue(TokenFile));
}
