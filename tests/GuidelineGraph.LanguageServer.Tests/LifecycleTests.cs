using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Tests;

public class LifecycleTests
{
    private static readonly object HoverParams = new { textDocument = new { uri = "file:///p.md" }, position = new { line = 0, character = 0 } };

    [Fact]
    public async Task Initialize_states_the_capabilities_and_utf16_by_default()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        JToken capabilities = client.InitializeResult!["capabilities"]!;
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Equal(2, (int?)capabilities["textDocumentSync"]!["change"]);
        Assert.True((bool?)capabilities["hoverProvider"]);
        Assert.True((bool?)capabilities["documentSymbolProvider"]);
        Assert.NotNull(capabilities["completionProvider"]);
    }

    [Fact]
    public async Task Initialize_picks_utf8_when_the_client_offers_it_first()
    {
        var capabilities = new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray("utf-8", "utf-16") } };
        await using LspTestClient client = await LspTestClient.StartAsync(capabilities);
        Assert.Equal("utf-8", (string?)client.InitializeResult!["capabilities"]!["positionEncoding"]);
    }

    [Fact]
    public async Task A_request_before_initialize_is_refused_with_server_not_initialized()
    {
        await using LspTestClient client = LspTestClient.Connect();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync(LspMethods.TextDocumentHover, HoverParams));
        Assert.Equal(LspErrorCodes.ServerNotInitialized, error.ErrorCode);
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.InitializeAsync(null, null));
        Assert.Equal(LspErrorCodes.InvalidRequest, error.ErrorCode);
    }

    [Fact]
    public async Task After_shutdown_requests_are_refused_and_exit_ends_with_code_0()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        Assert.Null(await client.RequestAsync(LspMethods.Shutdown, null));
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync(LspMethods.TextDocumentHover, HoverParams));
        Assert.Equal(LspErrorCodes.InvalidRequest, error.ErrorCode);
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(0, await client.Running.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(1, await client.Running.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task The_ontology_load_reports_work_done_progress_and_a_log_message()
    {
        var capabilities = new JObject { ["window"] = new JObject { ["workDoneProgress"] = true } };
        await using LspTestClient client = await LspTestClient.StartAsync(capabilities);
        JObject created = await client.WaitForAsync(LspMethods.WindowWorkDoneProgressCreate, _ => true);
        string token = (string)created["token"]!;
        await client.WaitForAsync(LspMethods.Progress, p => (string?)p["token"] == token && (string?)p["value"]!["kind"] == "begin");
        await client.WaitForAsync(LspMethods.Progress, p => (string?)p["token"] == token && (string?)p["value"]!["kind"] == "end");
        JObject log = await client.WaitForAsync(LspMethods.WindowLogMessage, p => ((string?)p["message"])!.Contains("loaded"));
        Assert.Contains("1 guideline(s)", (string)log["message"]!);
    }

    [Fact]
    public async Task Without_the_progress_capability_no_progress_is_created()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.WaitForAsync(LspMethods.WindowLogMessage, p => ((string?)p["message"])!.Contains("loaded"));
        Assert.DoesNotContain(client.Received, m => m.Method is LspMethods.WindowWorkDoneProgressCreate or LspMethods.Progress);
    }

    [Fact]
    public async Task SetTrace_verbose_sends_logTrace_for_published_diagnostics()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.NotifyAsync(LspMethods.SetTrace, new { value = "verbose" });
        await client.OpenAsync("file:///q.rq", "ASK {}", languageId: "sparql");
        JObject trace = await client.WaitForAsync(LspMethods.LogTrace, p => ((string?)p["message"])!.Contains("file:///q.rq"));
        Assert.Contains("0 diagnostic(s)", (string)trace["message"]!);
    }
}
