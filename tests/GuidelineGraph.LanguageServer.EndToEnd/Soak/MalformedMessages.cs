using System.Text;

namespace GuidelineGraph.LanguageServer.EndToEnd.Soak;

/// <summary>What the server must answer after one malformed or ill-formed message.</summary>
public enum ExpectedReply
{
    /// <summary>Nothing to wait for (a notification, or a message without a usable id).</summary>
    None,
    /// <summary>An error response with this id (the method or the params are wrong).</summary>
    Error,
    /// <summary>A response with this id, result or error (a request for a document the server does not know).</summary>
    Any,
}

/// <summary>One malformed or ill-formed JSON-RPC message, as the bytes a broken or hostile client writes.</summary>
public sealed record MalformedMessage(string Name, byte[] Bytes, ExpectedReply Reply, int? Id);

/// <summary>
/// The malformed traffic an LSP server meets: bodies that are not JSON or not JSON-RPC, invalid UTF-8, unknown
/// methods, wrong params, unknown documents, and header blocks with a bad or missing Content-Length. Ids are in
/// a range of their own so they never collide with the client's requests.
/// </summary>
public static class MalformedMessages
{
    private const int FirstId = 1_000_000;
    private static int _nextId = FirstId;

    /// <summary>Messages that are framed correctly, so any server can read past them.</summary>
    public static IReadOnlyList<Func<MalformedMessage>> WellFramed { get; } =
    [
        () => Framed("truncated JSON", "{\"jsonrpc\":\"2.0\",\"id\":", ExpectedReply.None),
        () => Framed("JSON array body", "[1,2,3]", ExpectedReply.None),
        () => Framed("JSON string body", "\"hello\"", ExpectedReply.None),
        () => Framed("JSON null body", "null", ExpectedReply.None),
        () => Framed("message without method or id", "{\"jsonrpc\":\"2.0\"}", ExpectedReply.None),
        () => Framed("response to a request never sent", "{\"jsonrpc\":\"2.0\",\"id\":987654321,\"result\":{}}", ExpectedReply.None),
        () => new MalformedMessage("invalid UTF-8 in a string",
            Frame([.. "{\"jsonrpc\":\"2.0\",\"method\":\"$/gg/garbage\",\"params\":{\"text\":\""u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\"}}"u8]),
            ExpectedReply.None, null),
        () => Framed("unknown notification", "{\"jsonrpc\":\"2.0\",\"method\":\"custom/unheardOf\",\"params\":{}}", ExpectedReply.None),
        () => Framed("unknown $/ notification", "{\"jsonrpc\":\"2.0\",\"method\":\"$/gg/unheardOf\"}", ExpectedReply.None),
        () => Request("unknown request", "custom/unheardOf", "{}", ExpectedReply.Error),
        () => Request("hover with params of the wrong type", "textDocument/hover", "{\"textDocument\":5,\"position\":\"top\"}", ExpectedReply.Error),
        () => Request("hover without params", "textDocument/hover", null, ExpectedReply.Error),
        () => Request("hover on a document never opened", "textDocument/hover",
            "{\"textDocument\":{\"uri\":\"file:///nowhere/never-opened.md\"},\"position\":{\"line\":0,\"character\":0}}", ExpectedReply.Any),
        () => Framed("didChange of a document never opened",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere/never-opened.md\",\"version\":7},\"contentChanges\":[{\"text\":\"x\"}]}}",
            ExpectedReply.None),
        () => Framed("didOpen without text",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere/no-text.md\",\"languageId\":\"markdown\",\"version\":1}}}",
            ExpectedReply.None),
    ];

    /// <summary>Header blocks a server can only get past by skipping to the next header block.</summary>
    public static IReadOnlyList<Func<MalformedMessage>> BadHeaders { get; } =
    [
        () => Raw("non-numeric Content-Length", "Content-Length: twelve\r\n\r\n"),
        () => Raw("negative Content-Length", "Content-Length: -4\r\n\r\n"),
        () => Raw("header block without Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"),
        () =>
        {
            int id = Interlocked.Increment(ref _nextId);
            byte[] body = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"custom/unheardOf\"}}");
            return new MalformedMessage("unknown header before Content-Length",
                [.. Encoding.ASCII.GetBytes($"X-Trace: on\r\nContent-Length: {body.Length}\r\n\r\n"), .. body], ExpectedReply.Error, id);
        },
    ];

    private static MalformedMessage Framed(string name, string body, ExpectedReply reply) =>
        new(name, Frame(Encoding.UTF8.GetBytes(body)), reply, null);

    private static MalformedMessage Request(string name, string method, string? parameters, ExpectedReply reply)
    {
        int id = Interlocked.Increment(ref _nextId);
        string body = parameters is null
            ? $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\"}}"
            : $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{parameters}}}";
        return new MalformedMessage(name, Frame(Encoding.UTF8.GetBytes(body)), reply, id);
    }

    private static MalformedMessage Raw(string name, string bytes) => new(name, Encoding.ASCII.GetBytes(bytes), ExpectedReply.None, null);

    private static byte[] Frame(byte[] body) => GuidelineGraph.Testing.Lsp.LspConnection.Frame(body);
}
