using System.CommandLine;
using System.Text.Json;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Cli.Output;
using GuidelineGraph.Guidance.Requirements;
using Spectre.Console;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg requirements</c>: every requirement of a loaded guideline, as JSON, a table or Markdown.</summary>
internal sealed class RequirementsCommand(CliContext context)
{
    /// <summary>The command and its options; registered in <see cref="CommandTree"/>.</summary>
    public static Command Build(CliContext context)
    {
        var guideline = new Option<string?>("--guideline")
        {
            Description = "The guideline's identifier (dcterms:identifier), e.g. cde-2024-rare-disease-gt; needed when several are loaded.",
            HelpName = "ID",
        };
        var format = new Option<string>("--format") { Description = "Output as JSON, a table or Markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table", "markdown");
        var ontology = new Option<string?>("--ontology")
        {
            Description = OntologyInput.OptionDescription,
            HelpName = "DIR",
        };
        var command = new Command("requirements", "List every requirement of a guideline: modality, quote (zh/en), clause, controls, ICH M11 sections, conditions.")
        {
            guideline, format, ontology,
        };
        command.SetAction(r => new RequirementsCommand(context).Run(r.GetValue(guideline), r.GetValue(format)!, r.GetValue(ontology)));
        return command;
    }

    public int Run(string? identifier, string format, string? ontologyDirectory)
    {
        if (OntologyInput.Load(context, "gg requirements", ontologyDirectory, out int exitCode) is not { } ontology) return exitCode;
        GuidelineCatalog catalog = GuidelineCatalog.Read(ontology.Store);
        Guideline? guideline = identifier is not null ? catalog.Find(identifier)
            : catalog.Guidelines.Count == 1 ? catalog.Guidelines[0] : null;
        if (guideline is null)
        {
            string known = string.Join(", ", catalog.Guidelines.Select(g => g.Identifier));
            context.Error.WriteLine(identifier is null
                ? $"gg requirements: {catalog.Guidelines.Count} guidelines are loaded; choose one with --guideline ({known})"
                : $"gg requirements: no guideline '{identifier}' (loaded: {known})");
            return ExitCodes.UsageError;
        }
        IReadOnlyList<Requirement> requirements = catalog.Requirements(guideline);
        switch (format)
        {
            case "json": WriteJson(guideline, requirements); break;
            case "markdown": WriteMarkdown(guideline, requirements); break;
            default: WriteTable(requirements); break;
        }
        return ExitCodes.Ok;
    }

    private void WriteJson(Guideline guideline, IReadOnlyList<Requirement> requirements)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, RequirementJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("guideline");
            w.WriteString("id", guideline.Identifier);
            w.WriteString("iri", guideline.Iri);
            RequirementJson.Text(w, "title", guideline.Title);
            w.WriteString("publisher", guideline.Publisher);
            w.WriteString("issued", guideline.Issued);
            RequirementJson.Text(w, "status", guideline.Status);
            w.WriteEndObject();
            w.WriteStartArray("requirements");
            foreach (Requirement r in requirements)
            {
                w.WriteStartObject();
                RequirementJson.Fields(w, r);
                w.WritePropertyName("conditions");
                WriteCondition(w, r.Condition);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>"always", or {"allOf","anyOf","noneOf"} whose members are feature ids or nested conditions.</summary>
    private static void WriteCondition(Utf8JsonWriter w, Condition condition)
    {
        if (condition.Always)
        {
            w.WriteStringValue("always");
            return;
        }
        w.WriteStartObject();
        foreach ((string name, IReadOnlyList<ConditionMember> members) in new[] { ("allOf", condition.AllOf), ("anyOf", condition.AnyOf), ("noneOf", condition.NoneOf) })
        {
            w.WriteStartArray(name);
            foreach (ConditionMember member in members)
            {
                if (member.Nested is not null) WriteCondition(w, member.Nested);
                else w.WriteStringValue(member.Feature);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>A condition in one line: "always", "children ∧ first-in-human", "any(aav, lentivirus) ∧ ¬adults".</summary>
    private static string Describe(Condition condition)
    {
        if (condition.Always) return "always";
        string Member(ConditionMember m) => m.Nested is null ? m.Feature! : "(" + Describe(m.Nested) + ")";
        var parts = condition.AllOf.Select(Member).ToList();
        if (condition.AnyOf.Count > 0) parts.Add("any(" + string.Join(", ", condition.AnyOf.Select(Member)) + ")");
        parts.AddRange(condition.NoneOf.Select(m => "¬" + Member(m)));
        return string.Join(" ∧ ", parts);
    }

    private void WriteTable(IReadOnlyList<Requirement> requirements)
    {
        var console = context.PlainConsole(200);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "Id", "Modality", "Clause", "M11", "Applies when", "Controls", "Quote" }) table.AddColumn(column);
        foreach (Requirement r in requirements)
        {
            table.AddRow(Markup.Escape(r.Id), RequirementJson.Modality(r.Modality), Markup.Escape(r.Clause?.Number ?? ""), string.Join(" ", r.M11Sections),
                Markup.Escape(Describe(r.Condition)), Markup.Escape(string.Join(", ", r.Controls.Select(c => c.Id))), Markup.Escape(r.Quote.Zh ?? ""));
        }
        console.Write(table);
        var counts = requirements.GroupBy(r => r.Modality).OrderBy(g => g.Key).Select(g => $"{RequirementJson.Modality(g.Key)} {g.Count()}");
        context.Out.WriteLine($"{requirements.Count} requirements: {string.Join(", ", counts)}");
    }

    private void WriteMarkdown(Guideline guideline, IReadOnlyList<Requirement> requirements)
    {
        TextWriter o = context.Out;
        o.WriteLine($"# {MarkdownText.Cell(guideline.Title.Zh ?? guideline.Identifier)}");
        o.WriteLine();
        if (guideline.Title.En is not null) o.WriteLine($"{MarkdownText.Cell(guideline.Title.En)} — `{guideline.Identifier}`, {requirements.Count} requirements.");
        o.WriteLine();
        o.WriteLine("| Id | Modality | Clause | M11 | Applies when | Controls | Quote (zh) | Quote (en) |");
        o.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (Requirement r in requirements)
        {
            o.WriteLine($"| {MarkdownText.Cell(r.Id)} | {RequirementJson.Modality(r.Modality)} | {MarkdownText.Cell(r.Clause?.Number ?? "")} | {string.Join(", ", r.M11Sections)} | " +
                $"{MarkdownText.Cell(Describe(r.Condition))} | {MarkdownText.Cell(string.Join(", ", r.Controls.Select(c => c.Id)))} | {MarkdownText.Cell(r.Quote.Zh ?? "")} | {MarkdownText.Cell(r.Quote.En ?? "")} |");
        }
    }
}
