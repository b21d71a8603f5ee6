using System.CommandLine;
using System.Net;
using System.Text.Json;
using GuidelineGraph.Endpoint;
using GuidelineGraph.Remote;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Durable;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg serve</c>: the SPARQL 1.1 Protocol and Graph Store Protocol endpoint over files or a durable store.</summary>
internal sealed class ServeCommand(CliContext context)
{
    private sealed record Settings(string[] Data, string[] Graphs, string? StoreDirectory, string Bind, int Port, string? TokenFile,
        int TimeoutMs, long MaxRows, long MaxBodyBytes, string? LoadRoot, string? Cors, long SnapshotLogBytes, string[] ServiceAllow, int Concurrency);

    public static Command Build(CliContext context)
    {
        var defaults = new EndpointOptions();
        var data = new Option<string[]>("--data") { Description = "RDF files for the default graph (quads of .nq/.trig keep their graphs); with --store, only to seed a new store.", AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var graph = new Option<string[]>("--graph") { Description = "A file loaded as the named graph IRI; repeatable.", HelpName = "IRI=FILE" };
        var store = new Option<string?>("--store") { Description = "Keep the dataset in this directory: every acknowledged update is logged (fsync) and survives a crash; snapshots bound the log.", HelpName = "DIR" };
        var bind = new Option<string>("--bind") { Description = "Address to listen on. Anything but loopback exposes the store to the network.", DefaultValueFactory = _ => defaults.Bind, HelpName = "ADDRESS" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one. The first line on stdout is \"listening on URL\".", DefaultValueFactory = _ => defaults.Port, HelpName = "N" };
        var token = new Option<string?>("--update-token-file") { Description = "A file holding the bearer token that updates and Graph Store writes must send; without it the server is read-only.", HelpName = "FILE" };
        var timeout = new Option<int>("--timeout") { Description = "Stop a query or update after this many milliseconds.", DefaultValueFactory = _ => (int)defaults.QueryTimeout.TotalMilliseconds, HelpName = "MS" };
        var maxRows = new Option<long>("--max-rows") { Description = "Refuse results with more solutions or triples than this.", DefaultValueFactory = _ => defaults.MaxResultRows, HelpName = "N" };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Refuse request bodies larger than this (413).", DefaultValueFactory = _ => defaults.MaxBodyBytes, HelpName = "BYTES" };
        var loadRoot = new Option<string?>("--load-root") { Description = "LOAD may read file: IRIs under this directory only; without it LOAD is refused.", HelpName = "DIR" };
        var cors = new Option<string?>("--cors") { Description = "Allow browser pages of this origin (e.g. https://example.org) to call the endpoint; CORS is off without it.", HelpName = "ORIGIN" };
        var snapshot = new Option<long>("--snapshot-log-bytes") { Description = "With --store: write a snapshot and start a new log once the log reaches this size.", DefaultValueFactory = _ => DurableStoreOptions.Default.SnapshotAfterLogBytes, HelpName = "BYTES" };
        var serviceAllow = new Option<string[]>("--service-allow") { Description = "SPARQL endpoints (exact URLs) that SERVICE may call; SERVICE reaches nothing else, redirects included. Off without it.", AllowMultipleArgumentsPerToken = true, HelpName = "URL" };
        var concurrency = new Option<int>("--concurrency") { Description = "Queries and updates evaluated at once; more wait their turn, which bounds memory under load.", DefaultValueFactory = _ => defaults.MaxConcurrentEvaluations, HelpName = "N" };
        var command = new Command("serve", "Serve the dataset over HTTP: SPARQL 1.1 Protocol on /sparql, Graph Store Protocol on /store, /health, a query page on /.")
        {
            data, graph, store, bind, port, token, timeout, maxRows, maxBody, loadRoot, cors, snapshot, serviceAllow, concurrency,
        };
        command.SetAction((r, ct) => new ServeCommand(context).RunAsync(new Settings(r.GetValue(data) ?? [], r.GetValue(graph) ?? [],
            r.GetValue(store), r.GetValue(bind)!, r.GetValue(port), r.GetValue(token), r.GetValue(timeout), r.GetValue(maxRows),
            r.GetValue(maxBody), r.GetValue(loadRoot), r.GetValue(cors), r.GetValue(snapshot), r.GetValue(serviceAllow) ?? [], r.GetValue(concurrency)), ct));
        return command;
    }

    private async Task<int> RunAsync(Settings s, CancellationToken ct)
    {
        if (s.Port is < 0 or > 65535) return Usage($"--port {s.Port}: expected 0 to 65535");
        if (!IPAddress.TryParse(s.Bind, out var address) && s.Bind != "localhost") return Usage($"--bind {s.Bind}: expected an IP address");
        if (s.TimeoutMs <= 0 || s.MaxRows <= 0 || s.MaxBodyBytes <= 0 || s.SnapshotLogBytes <= 0 || s.Concurrency <= 0)
            return Usage("--timeout, --max-rows, --max-body-bytes, --snapshot-log-bytes and --concurrency need positive values");
        var serviceAllowlist = RemoteServices.ParseAllowlist(s.ServiceAllow, out var serviceError);
        if (serviceError is not null) return Usage($"--service-allow {serviceError}");
        if (s.Cors is not null && (!Uri.TryCreate(s.Cors, UriKind.Absolute, out var origin) || origin.AbsolutePath != "/"))
            return Usage($"--cors {s.Cors}: expected an origin such as https://example.org");
        if (s.LoadRoot is not null && !Directory.Exists(s.LoadRoot)) return Usage($"--load-root {s.LoadRoot}: no such directory");
        string? updateToken = null;
        if (s.TokenFile is not null)
        {
            try { updateToken = File.ReadAllText(s.TokenFile).Trim(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failed($"{s.TokenFile}: {e.Message}"); }
            if (updateToken.Length == 0) return Usage($"--update-token-file {s.TokenFile}: the file is empty");
        }
        bool seeding = s.Data.Length + s.Graphs.Length > 0;
        if (s.StoreDirectory is not null && seeding && DurableStore.Exists(s.StoreDirectory))
            return Usage($"--data and --graph seed a new store only; {s.StoreDirectory} already holds one (load more with SPARQL Update or the Graph Store Protocol)");

        DurableStore durable;
        if (s.StoreDirectory is null)
        {
            var memory = new QuadStore();
            if (new QueryRun(context).Load(memory, s.Data, s.Graphs, null, "serve") is int failure) return failure;
            durable = DurableStore.InMemory(memory);
        }
        else
        {
            StoreRecovery recovery;
            try { durable = DurableStore.Open(s.StoreDirectory, new DurableStoreOptions { SnapshotAfterLogBytes = s.SnapshotLogBytes }, out recovery, ct); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException) { return Failed($"{s.StoreDirectory}: {e.Message}"); }
            if (recovery.Created && seeding)
            {
                if (new QueryRun(context).Load(durable.Store, s.Data, s.Graphs, null, "serve") is int failure)
                {
                    durable.Dispose();
                    return failure;
                }
                durable.Snapshot();
            }
            Log(new
            {
                @event = "store-opened", directory = durable.Directory, created = recovery.Created, generation = durable.Generation,
                snapshotQuads = recovery.SnapshotQuads, replayedRecords = recovery.LogRecords, droppedBytes = recovery.DroppedBytes,
                dropReason = recovery.DropReason, quads = durable.Store.Count,
            });
        }

        using (durable)
        {
            if (address is not null && !IPAddress.IsLoopback(address))
                Log(new { @event = "warning", message = $"listening on {s.Bind}, beyond loopback: anyone who can reach this address can query the store" });
            await using var server = SparqlServer.Create(durable, new EndpointOptions
            {
                Bind = s.Bind, Port = s.Port, UpdateToken = updateToken, QueryTimeout = TimeSpan.FromMilliseconds(s.TimeoutMs),
                MaxResultRows = s.MaxRows, MaxBodyBytes = s.MaxBodyBytes, LoadRoot = s.LoadRoot, CorsOrigin = s.Cors,
                ServiceAllowlist = serviceAllowlist, MaxConcurrentEvaluations = s.Concurrency,
            });
            Uri url;
            try { url = await server.StartAsync(ct); }
            catch (IOException e) { return Failed($"gg serve: cannot listen on {s.Bind}:{s.Port}: {e.Message}"); }
            context.Out.WriteLine($"listening on {url}");
            context.Out.Flush();
            try { await server.WaitForShutdownAsync(ct); }
            catch (OperationCanceledException) { }
            await server.StopAsync();
        }
        return ExitCodes.Ok;
    }

    private void Log(object entry) => context.Error.WriteLine(JsonSerializer.Serialize(entry));

    private int Failed(string message)
    {
        context.Error.WriteLine(message);
        return ExitCodes.InputError;
    }

    private int Usage(string message)
    {
        context.Error.WriteLine($"gg serve: {message}");
        return ExitCodes.UsageError;
    }
}
