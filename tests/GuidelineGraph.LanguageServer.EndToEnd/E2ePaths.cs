using System.Runtime.CompilerServices;

namespace GuidelineGraph.LanguageServer.EndToEnd;

/// <summary>Where the server, the client scripts and the example protocols are, whatever the output path.</summary>
public static class E2ePaths
{
    /// <summary>gg.dll of the same build, copied next to the tests by the CLI project reference.</summary>
    public static string GgDll => Path.Combine(AppContext.BaseDirectory, "gg.dll");

    /// <summary>The server command line the third-party clients start.</summary>
    public static string[] ServerCommand => ["dotnet", GgDll, "lsp", "--ontology", Ontology];

    /// <summary>The repository's ontology/, given explicitly: the tests' workspaces are temporary directories.</summary>
    public static string Ontology => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "ontology"));

    public static string ProjectDirectory => Path.GetDirectoryName(ThisFile())!;

    public static string Clients => Path.Combine(ProjectDirectory, "clients");

    public static string Examples => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "examples", "protocols"));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
