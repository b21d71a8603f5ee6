using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GuidelineGraph.Remote;

namespace GuidelineGraph.Remote.Tests;

/// <summary>
/// A private Virtuoso (Debian virtuoso-opensource) for the run: its own database in a temporary directory,
/// SQL and HTTP on free loopback ports, stopped and deleted at the end. A fresh database's DBA password is "dba".
/// </summary>
public sealed class VirtuosoFixture : IAsyncLifetime
{
    public const string User = "dba";
    public const string Password = "dba";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gg-virtuoso-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _server;

    public Uri Root { get; private set; } = null!;
    /// <summary>Read-only query service, as anonymous users see it.</summary>
    public Uri Sparql => new(Root, "sparql");
    /// <summary>Query and update service behind Digest authentication.</summary>
    public Uri SparqlAuth => new(Root, "sparql-auth");
    public Uri GraphStoreAuth => new(Root, "sparql-graph-crud-auth");

    public SparqlEndpoint Endpoint(bool graphStore) => new(SparqlAuth)
    {
        GraphStore = graphStore ? GraphStoreAuth : null,
        Credentials = new EndpointCredentials.UserPassword(User, Password),
    };

    public async Task InitializeAsync()
    {
        string binary = FindOnPath("virtuoso-t")
            ?? throw new InvalidOperationException("virtuoso-t is not installed: the remote-store tests need Debian's virtuoso-opensource (.ci/install/30-virtuoso.sh installs it).");
        Directory.CreateDirectory(_directory);
        int sqlPort = FreePort(), httpPort = FreePort();
        await File.WriteAllTextAsync(Path.Combine(_directory, "virtuoso.ini"), Ini(sqlPort, httpPort));
        var start = new ProcessStartInfo(binary, ["+foreground", "+configfile", Path.Combine(_directory, "virtuoso.ini")])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        Root = new Uri($"http://127.0.0.1:{httpPort}/");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"virtuoso-t exited with {_server.ExitCode}; see {Path.Combine(_directory, "virtuoso.log")}: {Log()}");
            try
            {
                using var answer = await http.GetAsync(new Uri(Sparql, "?query=ASK%7B%7D"));
                if (answer.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"Virtuoso did not answer on {Sparql} within 120 s: {Log()}");
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private string Log()
    {
        string path = Path.Combine(_directory, "virtuoso.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(10)) : "(no log)";
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    // Small buffers (the machine is shared), loopback only, no OS calls; ResultSetMaxRows above the ontology's size.
    private string Ini(int sqlPort, int httpPort) => $"""
        [Database]
        DatabaseFile = {_directory}/virtuoso.db
        ErrorLogFile = {_directory}/virtuoso.log
        LockFile = {_directory}/virtuoso.lck
        TransactionFile = {_directory}/virtuoso.trx
        xa_persistent_file = {_directory}/virtuoso.pxa
        ErrorLogLevel = 7
        FileExtend = 200
        Striping = 0
        TempStorage = TempDatabase
        [TempDatabase]
        DatabaseFile = {_directory}/virtuoso-temp.db
        TransactionFile = {_directory}/virtuoso-temp.trx
        Striping = 0
        [Parameters]
        ServerPort = 127.0.0.1:{sqlPort}
        DisableUnixSocket = 1
        MaxClientConnections = 10
        CheckpointInterval = 60
        CaseMode = 2
        AllowOSCalls = 0
        DirsAllowed = .
        NumberOfBuffers = 20000
        MaxDirtyBuffers = 15000
        [HTTPServer]
        ServerPort = 127.0.0.1:{httpPort}
        ServerRoot = {_directory}
        MaxClientConnections = 10
        EnabledDavVSP = 0
        HTTPProxyEnabled = 0
        ServerThreads = 10
        KeepAliveTimeout = 10
        Charset = UTF-8
        [URIQA]
        DynamicLocal = 0
        DefaultHost = 127.0.0.1:{httpPort}
        [SPARQL]
        ResultSetMaxRows = 100000
        MaxQueryExecutionTime = 60
        """;
}

[CollectionDefinition(Name)]
public sealed class VirtuosoCollection : ICollectionFixture<VirtuosoFixture>
{
    public const string Name = "Virtuoso";
}
