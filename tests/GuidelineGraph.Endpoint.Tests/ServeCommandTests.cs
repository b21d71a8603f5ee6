using System.Text.Json;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary><c>gg serve</c> as a user runs it: refusals with exit codes, and JSON-line logs on stderr.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-serve-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--cors|not a url", "gg serve: --cors not a url: expected an origin such as https://example.org")]
    [InlineData("--bind|example.org", "gg serve: --bind example.org: expected an IP address")]
    [InlineData("--max-rows|0", "gg serve: --timeout, --max-rows, --max-body-bytes, --snapshot-log-bytes and --concurrency need positive values")]
    [InlineData("--concurrency|0", "gg serve: --timeout, --max-rows, --max-body-bytes, --snapshot-log-bytes and --concurrency need positive values")]
    [InlineData("--service-allow|ftp://ex.org/sparql", "gg serve: --service-allow ftp://ex.org/sparql: expected the absolute http or https URL of a SPARQL endpoint, e.g. http://127.0.0.1:7878/sparql")]
    public async Task Bad_options_exit_2_with_the_reason(string arguments, string message)
    {
        var (exit, stderr) = await GgServeProcess.RunToExitAsync(arguments.Split('|'));
        Assert.Equal(2, exit);
        Assert.Equal(message, stderr.Trim());
    }

    [Fact]
    public async Task Data_seeds_only_a_new_store()
    {
        var data = Path.Combine(_dir, "data.nt");
        File.WriteAllText(data, "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n");
        var store = Path.Combine(_dir, "store");
        await using (var first = await GgServeProcess.StartAsync("--store", store, "--data", data))
        {
            using var http = new HttpClient { BaseAddress = first.Url };
            Assert.Equal(1, JsonDocument.Parse(await http.GetStringAsync("health")).RootElement.GetProperty("quads").GetInt64());
        }
        var (exit, stderr) = await GgServeProcess.RunToExitAsync("--store", store, "--data", data);
        Assert.Equal(2, exit);
        Assert.StartsWith($"gg serve: --data and --graph seed a new store only; {store} already holds one", stderr);
    }

    [Fact]
    public async Task A_data_file_with_a_syntax_error_exits_1_with_its_position()
    {
        var data = Path.Combine(_dir, "bad.nt");
        File.WriteAllText(data, "<http://ex.org/a> <http://ex.org/b> .\n");
        var (exit, stderr) = await GgServeProcess.RunToExitAsync("--data", data);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{data}:1:37: ", stderr);
    }

    [Fact]
    public async Task Logs_are_json_lines_on_stderr()
    {
        await using var server = await GgServeProcess.StartAsync();
        using (var http = new HttpClient { BaseAddress = server.Url })
            Assert.True((await http.GetAsync("sparql?query=ASK%7B%7D")).IsSuccessStatusCode);
        await server.KillAsync();
        var lines = server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var request = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.TryGetProperty("State", out var s) && s.TryGetProperty("Path", out _));
        Assert.Equal("/sparql", request.GetProperty("State").GetProperty("Path").GetString());
        Assert.Equal(200, request.GetProperty("State").GetProperty("Status").GetInt32());
    }
}
