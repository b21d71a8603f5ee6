using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineGraph.Testing.Lsp;
using Xunit.Abstractions;

namespace GuidelineGraph.LanguageServer.EndToEnd.Soak;

/// <summary>
/// The real <c>gg lsp</c> process under thousands of seeded random edits mixed with malformed JSON-RPC: it never
/// exits, every publish is for the newest version it had (versions never go back), the incrementally edited
/// document gets the same diagnostics as the same text opened fresh, the managed heap after a full GC stays flat and
/// the resident set stays under the issue's 250 MB.
/// </summary>
[Collection(ServerProcesses.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Edits = 3_000;
    private const int CheckpointEvery = 250;
    private const int Seed = 20260107;
    /// <summary>
    /// Bounds on the managed heap after a full GC. The server keeps up to 64 inferred profiles and then starts over,
    /// so the heap saw-tooths up to a plateau (measured: 10 MB warm and a 30-35 MB plateau at 4b6dd43; 28 MB warm
    /// and a 55-60 MB plateau with peaks to 73 MB at 2043b46). The peak bound is half the 250 MB resident target;
    /// the growth bound compares the highest sample of the run's first third with the lowest of its last third,
    /// which a bounded cache keeps small and a per-edit leak (the document is capped at 200k characters, about
    /// 0.4 MB a copy) would exceed within the run.
    /// </summary>
    private const long HeapBound = 128L << 20;
    private const long HeapGrowthBound = 20L << 20;
    /// <summary>The issue's resident-memory target, held at every checkpoint (measured: 130-160 MB VmRSS at 255f014).</summary>
    private const long ResidentBound = 250L << 20;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Uri = "file:///soak/protocol.md";

    [Fact]
    public async Task Random_edits_and_malformed_messages_never_crash_publish_stale_diagnostics_or_grow_the_heap()
    {
        await using var server = LspServerProcess.Start(E2ePaths.GgDll, E2ePaths.Ontology);
        server.Connection.ServerRequestHandler = ServerProcesses.AnswerServerRequests;
        await server.InitializeAsync(Path.GetTempPath());
        var document = new SoakDocument(await File.ReadAllTextAsync(Path.Combine(E2ePaths.Examples, "sma-aav9-infants.md")) + "\n视网膜下腔注射 𠀀😀\n");
        await server.OpenAsync(Uri, "markdown", document.Version, document.Text);

        var edits = new RandomEdits(Seed);
        var random = new Random(Seed);
        var heap = new List<(int Edits, long Heap, long Resident)>();
        var kinds = new Dictionary<string, int>();
        int? lastPublished = null;
        var recent = new Queue<string>();
        void Note(string what) { Count(kinds, what); recent.Enqueue(what); if (recent.Count > 6) recent.Dequeue(); }
        for (int done = 1; done <= Edits; done++)
        {
            try
            {
                if (random.Next(10) == 0)
                {
                    MalformedMessage message = MalformedMessages.WellFramed[random.Next(MalformedMessages.WellFramed.Count)]();
                    Note("malformed: " + message.Name);
                    await SendAsync(server, message);
                }
                SoakEdit edit = edits.Next(document);
                Note(edit.Kind);
                await SendEditAsync(server, document, edit);

                lastPublished = CheckVersionsNeverGoBack(server, lastPublished, document.Version);
                if (done % CheckpointEvery != 0) continue;

                await CheckpointAsync(server, document, done);
                lastPublished = CheckVersionsNeverGoBack(server, lastPublished, document.Version);
                server.Connection.ForgetPublished();
                heap.Add((done, ManagedHeapProbe.BytesAfterFullGc(server.ProcessId, Wait), server.ResidentBytes()));
                output.WriteLine($"after {done,5} edits: v{document.Version}, {document.Text.Length,7} chars, managed heap after GC {heap[^1].Heap / 1048576.0,6:0.0} MB, VmRSS {heap[^1].Resident / 1048576.0,6:0.0} MB");
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"soak failed at edit {done} (seed {Seed}); last operations: {string.Join(" | ", recent)}\nserver stderr:\n{server.StandardError}", e);
            }
        }
        output.WriteLine(string.Join("\n", kinds.OrderBy(k => k.Key).Select(k => $"  {k.Key}: {k.Value}")));

        Assert.False(server.HasExited, "the server exited during the soak\n" + server.StandardError);
        Assert.Equal(0, await server.ShutdownAndExitAsync(Wait));
        long residentPeak = heap.Max(h => h.Resident);
        Assert.True(residentPeak < ResidentBound, $"the server's VmRSS reached {residentPeak / 1048576.0:0.0} MB (bound {ResidentBound >> 20} MB)");
        long peak = heap.Max(h => h.Heap);
        Assert.True(peak < HeapBound, $"managed heap reached {peak / 1048576.0:0.0} MB after a full GC (bound {HeapBound >> 20} MB)");
        // Growth from the first third of the run to the last third: a bounded cache levels off, a leak keeps rising.
        int third = heap.Count / 3;
        long early = heap.Take(third).Max(h => h.Heap), late = heap.TakeLast(third).Min(h => h.Heap);
        Assert.True(late - early < HeapGrowthBound,
            $"managed heap grew from {early / 1048576.0:0.0} MB (first third) to {late / 1048576.0:0.0} MB (last third) over {Edits} edits (bound {HeapGrowthBound >> 20} MB)");
    }

    public static TheoryData<string> MalformedKinds => new(MalformedMessages.WellFramed.Concat(MalformedMessages.BadHeaders).Select(m => m().Name));

    [Theory]
    [MemberData(nameof(MalformedKinds))]
    public async Task After_a_malformed_message_the_server_still_serves(string kind)
    {
        await using var server = LspServerProcess.Start(E2ePaths.GgDll, E2ePaths.Ontology);
        server.Connection.ServerRequestHandler = ServerProcesses.AnswerServerRequests;
        await server.InitializeAsync(Path.GetTempPath());
        MalformedMessage message = MalformedMessages.WellFramed.Concat(MalformedMessages.BadHeaders).Select(m => m()).Single(m => m.Name == kind);
        await SendAsync(server, message);
        JsonElement response = await server.Connection.RequestAsync("custom/unheardOf", new JsonObject(), TimeSpan.FromSeconds(20));
        Assert.Equal(-32601, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, await server.ShutdownAndExitAsync(Wait));
    }

    private static async Task SendAsync(LspServerProcess server, MalformedMessage message)
    {
        if (message.Id is not int id)
        {
            await server.Connection.WriteRawAsync(message.Bytes);
            return;
        }
        JsonElement response = await server.Connection.ResponseToAsync(id, () => server.Connection.WriteRawAsync(message.Bytes), Wait);
        if (message.Reply == ExpectedReply.Error)
            Assert.True(response.TryGetProperty("error", out _), $"{message.Name}: expected an error response, got {response}");
    }

    private static Task SendEditAsync(LspServerProcess server, SoakDocument document, SoakEdit edit)
    {
        int version = document.Apply(edit.StartLine, edit.StartCharacter, edit.EndLine, edit.EndCharacter, edit.Text, edit.OutcomeOpen);
        // Written by hand: the text may hold lone surrogates, which JSON serializers refuse to write.
        string body = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"" + Uri +
            "\",\"version\":" + version + "},\"contentChanges\":[{\"range\":" +
            LspServerProcess.Range(edit.StartLine, edit.StartCharacter, edit.EndLine, edit.EndCharacter).ToJsonString() +
            ",\"text\":" + SoakDocument.JsonString(edit.Text) + "}]}}";
        return server.Connection.WriteRawAsync(LspConnection.Frame(Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>Publishes for the document arrive in version order and never name a version not yet sent.</summary>
    private static int? CheckVersionsNeverGoBack(LspServerProcess server, int? last, int sent)
    {
        foreach (PublishedDiagnostics published in server.Connection.Published.Where(p => p.Uri == Uri))
        {
            Assert.True(published.Version is not null, "publishDiagnostics without a version although the client supports versions");
            Assert.True(published.Version <= sent, $"diagnostics published for version {published.Version}, but only {sent} was sent");
            Assert.True(last is null || published.Version >= last, $"diagnostics for version {published.Version} published after version {last}");
            last = published.Version;
        }
        return last;
    }

    /// <summary>
    /// Quiet point: resync the text if an edit's outcome was left open, the server must answer a request and
    /// publish for the newest version, and a fresh document with the same text must get the same diagnostics.
    /// </summary>
    private static async Task CheckpointAsync(LspServerProcess server, SoakDocument document, int done)
    {
        if (document.Uncertain)
        {
            int version = document.Replace(RemoveLoneSurrogates(document.Text));
            await server.Connection.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = document.Text }),
            });
        }
        Assert.False(server.HasExited, $"the server exited after {done} edits\n{server.StandardError}");
        await server.Connection.CallAsync("textDocument/hover", LspServerProcess.Position(Uri, 0, 0), Wait);
        PublishedDiagnostics current = await server.Connection.WaitForDiagnosticsAsync(Uri, p => p.Version == document.Version, Wait);

        string fresh = $"file:///soak/fresh-{done}.md";
        await server.OpenAsync(fresh, "markdown", 1, document.Text);
        PublishedDiagnostics reference = await server.Connection.WaitForDiagnosticsAsync(fresh, p => p.Version == 1, Wait);
        await server.Connection.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = fresh } });
        Assert.Equal(reference.Diagnostics.GetRawText().Replace(fresh, Uri), current.Diagnostics.GetRawText());
    }

    /// <summary>The text with unpaired surrogates dropped, so the full sync itself is valid UTF-16 JSON.</summary>
    private static string RemoveLoneSurrogates(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { clean.Append(text, i, 2); i++; }
            else if (!char.IsSurrogate(text[i])) clean.Append(text[i]);
        }
        return clean.ToString();
    }

    private static void Count(Dictionary<string, int> kinds, string kind) => kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
}
