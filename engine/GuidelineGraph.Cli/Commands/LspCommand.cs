using System.CommandLine;
using GuidelineGraph.LanguageServer.Server;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg lsp</c>: the language server on standard input and output; logs go to standard error.</summary>
internal sealed class LspCommand(CliContext context)
{
    public static Command Build(CliContext context)
    {
        var ontology = new Option<string?>("--ontology")
        {
            Description = "The ontology directory; by default the nearest ontology/ above the workspace, else above gg itself.",
            HelpName = "DIR",
        };
        // Editors' clients (vscode-languageclient) pass --stdio for the stdio transport; it is the only one.
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over standard input and output (the default and only transport)." };
        var command = new Command("lsp", "Run the language server (LSP 3.17 over stdio): guideline hints in protocols, syntax checks of .ttl/.rq files.")
        {
            ontology, stdio,
        };
        command.SetAction((r, ct) => new LspCommand(context).RunAsync(r.GetValue(ontology), ct));
        return command;
    }

    public async Task<int> RunAsync(string? ontologyDirectory, CancellationToken ct)
    {
        if (ontologyDirectory is not null && !Directory.Exists(ontologyDirectory))
        {
            context.Error.WriteLine($"gg lsp: no ontology directory {ontologyDirectory}");
            return ExitCodes.UsageError;
        }
        await using var host = new LanguageServerHost(context.OpenStandardInput(), context.OpenStandardOutput(),
            new ServerOptions { OntologyDirectory = ontologyDirectory is null ? null : Path.GetFullPath(ontologyDirectory), Log = context.Error });
        return await host.RunAsync(ct);
    }
}
