using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Endpoint.Protocol;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store.Durable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GuidelineGraph.Endpoint;

/// <summary>
/// The HTTP server over a store: SPARQL 1.1 Protocol on <c>/sparql</c> (and <c>/</c>), Graph Store Protocol on
/// <c>/store</c>, <c>/health</c>; the service description or the query page on a GET of <c>/</c> without a query.
/// Logs are JSON lines on stderr.
/// </summary>
public sealed class SparqlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EndpointState _state;

    private SparqlServer(WebApplication app, EndpointState state)
    {
        _app = app;
        _state = state;
    }

    /// <param name="minimumLogLevel">Tests pass <see cref="LogLevel.Warning"/> or <see cref="LogLevel.None"/>.</param>
    public static SparqlServer Create(DurableStore store, EndpointOptions options, LogLevel minimumLogLevel = LogLevel.Information)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddJsonConsole(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        // stdout carries the "listening on" line only.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseUrls($"http://{(options.Bind.Contains(':') ? $"[{options.Bind}]" : options.Bind)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        builder.Services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxBodyBytes);
            o.MultipartBodyLengthLimit = options.MaxBodyBytes;
        });
        if (options.CorsOrigin is { } origin)
            builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins(origin).WithMethods("GET", "HEAD", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Accept").WithExposedHeaders("Location")));

        var state = new EndpointState(store, options);
        var app = builder.Build();
        app.UseMiddleware<RequestLog>();
        if (options.CorsOrigin is not null) app.UseCors();

        var query = new QueryHandler(state);
        var update = new UpdateHandler(state);
        var graphStore = new GraphStoreHandler(state);
        var health = new HealthHandler(state);
        async Task Protocol(HttpContext http)
        {
            var ct = http.RequestAborted;
            var (request, problem) = await ProtocolRequest.ReadAsync(http.Request, ct);
            if (problem is not null) await problem.WriteAsync(http);
            else if (request is null) await DescribeAsync(http, state, ct);
            else if (request.IsUpdate) await update.HandleAsync(http, request, ct);
            else await query.HandleAsync(http, request, ct);
        }
        app.Map("/", Protocol);
        app.Map(EndpointUrls.Sparql, Protocol);
        app.Map(EndpointUrls.GraphStore, http => graphStore.HandleAsync(http, http.RequestAborted));
        app.Map(EndpointUrls.GraphStore + "/{**graph}", http => graphStore.HandleAsync(http, http.RequestAborted));
        app.MapMethods(EndpointUrls.Health, ["GET", "HEAD"], health.HandleAsync);
        app.MapFallback(http => new Problem(StatusCodes.Status404NotFound, "Not found",
            $"{http.Request.Path} is not served here; queries and updates go to {EndpointUrls.Sparql}, graphs to {EndpointUrls.GraphStore}, status to {EndpointUrls.Health}").WriteAsync(http));
        return new SparqlServer(app, state);
    }

    /// <summary>A GET without a query: the service description for RDF clients, the query page for browsers.</summary>
    private static async Task DescribeAsync(HttpContext http, EndpointState state, CancellationToken ct)
    {
        (string, RdfFormat?)[] offers = [("text/html", null), .. ResponseFormats.Graph.Select(o => (o.MediaType, (RdfFormat?)o.Value))];
        switch (ContentNegotiation.Choose(http.Request.Headers.Accept, offers.Select(o => (o.Item1, new DescriptionChoice(o.Item2))).ToList()))
        {
            case null:
                await Problem.NotAcceptable(offers.Select(o => o.Item1)).WriteAsync(http);
                break;
            case { Format: { } format }:
                await ResponseFormats.WriteRdfAsync(http.Response, ServiceDescription.Describe(state, http.Request), format, ct, ServiceDescription.Prefixes);
                break;
            default:
                http.Response.ContentType = "text/html; charset=utf-8";
                http.Response.Headers.Vary = "Accept";
                await http.Response.WriteAsync(QueryPage.Html, ct);
                break;
        }
    }

    /// <summary>The page (no format) or the description in an RDF format; a struct so negotiation can say "none".</summary>
    private readonly record struct DescriptionChoice(RdfFormat? Format);

    /// <summary>Starts listening; returns the base URL (with the port Kestrel picked when asked for port 0).</summary>
    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Completes when the host stops (Ctrl-C, SIGTERM) or <paramref name="ct"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
