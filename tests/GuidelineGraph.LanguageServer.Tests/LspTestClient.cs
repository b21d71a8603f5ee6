using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Tests;

/// <summary>
/// A real StreamJsonRpc client talking to an in-process server over a duplex stream pair with LSP header
/// framing: it records what the server sends (diagnostics, logs, progress) and answers its requests.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly JsonRpc _rpc;
    private readonly Receiver _receiver = new();

    private LspTestClient(LanguageServerHost server, JsonRpc rpc, Task<int> running)
    {
        Server = server;
        _rpc = rpc;
        Running = running;
    }

    public LanguageServerHost Server { get; }
    public Task<int> Running { get; }
    public IReadOnlyCollection<(string Method, JToken Params)> Received => _receiver.Messages;

    /// <summary>Settings the client returns for workspace/configuration.</summary>
    public JObject Configuration { get => _receiver.Configuration; set => _receiver.Configuration = value; }

    public static string RepositoryOntology([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "ontology"));

    /// <summary>A started server and client, not yet initialized.</summary>
    public static LspTestClient Connect(string? ontologyDirectory = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var server = new LanguageServerHost(serverStream, serverStream,
            new ServerOptions { OntologyDirectory = ontologyDirectory ?? RepositoryOntology() });
        Task<int> running = server.RunAsync();
        var formatter = new JsonMessageFormatter();
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        var client = new LspTestClient(server, rpc, running);
        rpc.AddLocalRpcTarget(client._receiver, new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        rpc.StartListening();
        return client;
    }

    /// <summary>Connects, then initialize and initialized; debounce 0 unless the options say otherwise.</summary>
    public static async Task<LspTestClient> StartAsync(JObject? capabilities = null, JObject? initializationOptions = null, string? ontologyDirectory = null)
    {
        LspTestClient client = Connect(ontologyDirectory);
        client.InitializeResult = await client.InitializeAsync(capabilities, initializationOptions ?? new JObject { ["debounceMs"] = 0 });
        await client.NotifyAsync(LspMethods.Initialized, new JObject());
        return client;
    }

    public JToken? InitializeResult { get; private set; }

    public Task<JToken?> InitializeAsync(JObject? capabilities, JObject? initializationOptions) =>
        RequestAsync(LspMethods.Initialize, new JObject
        {
            ["processId"] = null,
            ["rootUri"] = null,
            ["capabilities"] = capabilities ?? new JObject(),
            ["initializationOptions"] = initializationOptions,
        });

    public async Task<JToken?> RequestAsync(string method, object? parameters, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        return await _rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, timeout.Token);
    }

    public Task NotifyAsync(string method, object? parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "markdown") =>
        NotifyAsync(LspMethods.TextDocumentDidOpen, new { textDocument = new { uri, languageId, version, text } });

    public Task ChangeAsync(string uri, int version, params object[] changes) =>
        NotifyAsync(LspMethods.TextDocumentDidChange, new { textDocument = new { uri, version }, contentChanges = changes });

    public static object Edit(int line, int character, int endLine, int endCharacter, string text) =>
        new { range = new { start = new { line, character }, end = new { line = endLine, character = endCharacter } }, text };

    /// <summary>The first publishDiagnostics for the uri (at that version, when given) received from now on or already.</summary>
    public Task<JObject> DiagnosticsAsync(string uri, int? version = null) =>
        _receiver.WaitAsync(LspMethods.TextDocumentPublishDiagnostics,
            p => (string?)p["uri"] == uri && (version is null || (int?)p["version"] == version));

    public Task<JObject> WaitForAsync(string method, Func<JObject, bool> match) => _receiver.WaitAsync(method, match);

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await Server.DisposeAsync();
    }

    public sealed class Receiver
    {
        private readonly ConcurrentQueue<(string, JToken)> _messages = new();
        private readonly List<(string Method, Func<JObject, bool> Match, TaskCompletionSource<JObject> Done)> _waiters = [];

        public IReadOnlyCollection<(string Method, JToken Params)> Messages => _messages;
        public JObject Configuration { get; set; } = new();

        [JsonRpcMethod(LspMethods.TextDocumentPublishDiagnostics, UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JToken p) => Record(LspMethods.TextDocumentPublishDiagnostics, p);

        [JsonRpcMethod(LspMethods.WindowLogMessage, UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JToken p) => Record(LspMethods.WindowLogMessage, p);

        [JsonRpcMethod(LspMethods.LogTrace, UseSingleObjectParameterDeserialization = true)]
        public void LogTrace(JToken p) => Record(LspMethods.LogTrace, p);

        [JsonRpcMethod(LspMethods.Progress, UseSingleObjectParameterDeserialization = true)]
        public void Progress(JToken p) => Record(LspMethods.Progress, p);

        [JsonRpcMethod(LspMethods.WindowWorkDoneProgressCreate, UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JToken p)
        {
            Record(LspMethods.WindowWorkDoneProgressCreate, p);
            return null;
        }

        [JsonRpcMethod(LspMethods.ClientRegisterCapability, UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JToken p)
        {
            Record(LspMethods.ClientRegisterCapability, p);
            return null;
        }

        [JsonRpcMethod(LspMethods.WorkspaceConfiguration, UseSingleObjectParameterDeserialization = true)]
        public JArray WorkspaceConfiguration(JToken p)
        {
            Record(LspMethods.WorkspaceConfiguration, p);
            return [Configuration];
        }

        public Task<JObject> WaitAsync(string method, Func<JObject, bool> match)
        {
            var done = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
            {
                foreach (var (m, p) in _messages)
                {
                    if (m == method && p is JObject o && match(o))
                    {
                        done.SetResult(o);
                        return done.Task;
                    }
                }
                _waiters.Add((method, match, done));
            }
            return done.Task.WaitAsync(Timeout);
        }

        private void Record(string method, JToken p)
        {
            lock (_waiters)
            {
                _messages.Enqueue((method, p));
                foreach (var waiter in _waiters.ToList())
                {
                    if (waiter.Method == method && p is JObject o && waiter.Match(o))
                    {
                        waiter.Done.TrySetResult(o);
                        _waiters.Remove(waiter);
                    }
                }
            }
        }
    }
}
