using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>
/// One structured log line per request (method, path, status, time, rows), and the last line of defence:
/// an exception becomes a problem response naming the request id, the stack trace goes to the log only.
/// </summary>
internal sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public const string RowsKey = "gg.rows";

    public async Task InvokeAsync(HttpContext http)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals: a body over the limit (413), a malformed request (400).
            await Fail(http, new Problem(e.StatusCode, "Bad request", e.Message));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("request {Method} {Path} abandoned by the client after {Ms} ms", http.Request.Method, http.Request.Path.Value, clock.ElapsedMilliseconds);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "request {Method} {Path} failed ({RequestId})", http.Request.Method, http.Request.Path.Value, http.TraceIdentifier);
            await Fail(http, new Problem(StatusCodes.Status500InternalServerError, "Internal error",
                $"the server failed on this request; its log has the details under request id {http.TraceIdentifier}"));
        }
        logger.LogInformation("request {Method} {Path} {Status} {Ms} ms {Rows} rows", http.Request.Method, http.Request.Path.Value,
            http.Response.StatusCode, clock.ElapsedMilliseconds, http.Items.TryGetValue(RowsKey, out var rows) ? rows : null);
    }

    private static Task Fail(HttpContext http, Problem problem)
    {
        if (http.Response.HasStarted)
        {
            // Half an answer is worse than none: cut the connection so the client sees a failure.
            http.Abort();
            return Task.CompletedTask;
        }
        http.Response.Clear();
        return problem.WriteAsync(http);
    }
}
