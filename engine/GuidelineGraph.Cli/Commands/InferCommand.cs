using System.CommandLine;
using System.Text;
using System.Text.Json;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Cli.Output;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using Spectre.Console;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg infer</c>: the requirements a product/indication profile must meet, each with its derivation down to the quoted clause.</summary>
internal sealed class InferCommand(CliContext context)
{
    private const string Name = "gg infer";

    /// <summary>What the command line asks for.</summary>
    public sealed record Request(string[] Words, string? ProfilePath, string Format, string Language, string? Modality, bool Explain, string? Guideline, string? Ontology,
        RemoteStoreRequest? Remote = null);

    /// <summary>The command and its options; registered in <see cref="CommandTree"/>.</summary>
    public static Command Build(CliContext context)
    {
        var feature = new Option<string[]>("--feature", "-f")
        {
            Description = "A profile feature: its id or any label or synonym, English or Chinese (AAV, intrathecal, 婴儿); repeat for more.",
            HelpName = "WORD",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "A profile file: JSON or YAML (features: [...]) or RDF (a gg:TrialProfile with gg:hasFeature), by extension.",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format") { Description = "Output as a table grouped by ICH M11 section, JSON, Turtle (the inferred graph) or Markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "turtle", "markdown");
        var language = new Option<string>("--lang") { Description = "Language of labels and quotes.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "zh");
        var modality = new Option<string?>("--modality") { Description = "Keep requirements of this modality and stronger (shall > should > may).", HelpName = "shall|should|may" };
        modality.AcceptOnlyFromAmong("shall", "should", "may");
        var explain = new Option<bool>("--explain") { Description = "Print each requirement's proof: asserted feature → derived features → rule, control → risk, clause with its quote; with --format turtle, the proofs as PROV-O." };
        var guideline = new Option<string?>("--guideline") { Description = "Only this guideline's requirements (its dcterms:identifier).", HelpName = "ID" };
        var ontology = new Option<string?>("--ontology") { Description = OntologyInput.OptionDescription, HelpName = "DIR" };
        var command = new Command("infer", "Infer which requirements apply to a product/indication profile, with the derivation of each down to the quoted guideline clause.")
        {
            feature, profile, format, language, modality, explain, guideline, ontology,
        };
        var remote = new RemoteStoreOptions();
        remote.AddTo(command);
        command.SetAction(r => new InferCommand(context).Run(new Request(r.GetValue(feature) ?? [], r.GetValue(profile), r.GetValue(format)!,
            r.GetValue(language)!, r.GetValue(modality), r.GetValue(explain), r.GetValue(guideline), r.GetValue(ontology), remote.Read(r))));
        return command;
    }

    public int Run(Request request)
    {
        if (request.Words.Length == 0 && request.ProfilePath is null)
        {
            context.Error.WriteLine($"{Name}: name the profile with --feature WORD (repeatable) or --profile FILE");
            return ExitCodes.UsageError;
        }
        ProfileFile? file = request.ProfilePath is null ? null : ProfileFile.Read(request.ProfilePath);
        if (file is { Errors.Count: > 0 })
        {
            foreach (DocumentError error in file.Errors) context.Error.WriteLine(error.ToString());
            return ExitCodes.UsageError;
        }
        if (OntologyInput.Load(context, Name, request.Ontology, request.Remote, CancellationToken.None, out int exitCode) is not { } ontology) return exitCode;
        ProfileInference inference;
        try
        {
            inference = ProfileInference.Create(ontology);
        }
        catch (OntologyRulesException e)
        {
            foreach (string error in e.Errors) context.Error.WriteLine(error);
            return ExitCodes.InputError;
        }

        Guideline? guideline = null;
        if (request.Guideline is not null && (guideline = inference.Catalog.Find(request.Guideline)) is null)
        {
            context.Error.WriteLine($"{Name}: no guideline '{request.Guideline}' (loaded: {string.Join(", ", inference.Catalog.Guidelines.Select(g => g.Identifier))})");
            return ExitCodes.UsageError;
        }
        if (Resolve(inference.Resolver, request.Words, file) is not { } features) return ExitCodes.UsageError;

        InferenceResult result = inference.Infer(features.Select(f => f.Id), guideline);
        var requirements = result.Requirements.Where(a => Keeps(request.Modality, a.Requirement.Modality)).ToList();
        switch (request.Format)
        {
            case "json": WriteJson(result, requirements, request); break;
            case "turtle": WriteTurtle(inference, result, file?.Id, request.Explain ? inference.Provenance(features.Select(f => f.Id), requirements) : []); break;
            case "markdown": WriteMarkdown(inference, result, requirements, request); break;
            default: WriteTable(inference, result, requirements, request); break;
        }
        return ExitCodes.Ok;
    }

    /// <summary>Every word to one feature; unknown and ambiguous words are reported all at once.</summary>
    private List<Feature>? Resolve(FeatureResolver resolver, string[] words, ProfileFile? file)
    {
        var features = new List<Feature>();
        bool failed = false;
        foreach (string word in words)
        {
            FeatureResolution resolution = resolver.Resolve(word);
            if (resolution.Kind == ResolutionKind.Resolved)
            {
                if (!features.Contains(resolution.Feature!)) features.Add(resolution.Feature!);
                continue;
            }
            context.Error.WriteLine($"{Name}: --feature {word}: {resolution.Describe()}");
            failed = true;
        }
        if (file is not null)
        {
            var (fromFile, errors) = file.Resolve(resolver);
            foreach (DocumentError error in errors) context.Error.WriteLine(error.ToString());
            failed |= errors.Count > 0;
            features.AddRange(fromFile.Where(f => !features.Contains(f)));
        }
        return failed ? null : features;
    }

    /// <summary>shall > should > may; informative statements are kept only when no modality is asked for.</summary>
    private static bool Keeps(string? threshold, Modality modality) => threshold switch
    {
        null => true,
        "shall" => modality == Modality.Shall,
        "should" => modality is Modality.Shall or Modality.Should,
        _ => modality is Modality.Shall or Modality.Should or Modality.May,
    };

    private void WriteJson(InferenceResult result, List<ApplicableRequirement> requirements, Request request)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, RequirementJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("profile");
            w.WriteStartArray("features");
            foreach (ProfileFeature feature in result.Features) RequirementJson.Feature(w, feature);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("requirements");
            foreach (ApplicableRequirement applicable in requirements) RequirementJson.Write(w, applicable);
            w.WriteEndArray();
            if (request.Explain)
            {
                w.WriteStartObject("explanations");
                foreach (ApplicableRequirement applicable in requirements) w.WriteString(applicable.Requirement.Id, DerivationText.Render(applicable, request.Language));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        context.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// The profile and everything inferred about it, as Turtle, under the profile file's own IRI when it has one;
    /// with --explain also the PROV-O of the requirements' proofs.
    /// </summary>
    private void WriteTurtle(ProfileInference inference, InferenceResult result, string? profileIri, IReadOnlyList<Triple> provenance)
    {
        Term profile = profileIri is not null && Uri.IsWellFormedUriString(profileIri, UriKind.Absolute) ? new Iri(profileIri) : ProfileInference.ProfileNode;
        var prefixes = new Dictionary<string, string>
        {
            ["rdf"] = Vocab.Rdf.Namespace,
            ["gg"] = "https://w3id.org/guidelinegraph/ns#",
            ["ggf"] = "https://w3id.org/guidelinegraph/feature/",
            ["ggr"] = "https://w3id.org/guidelinegraph/risk/",
            ["ggc"] = "https://w3id.org/guidelinegraph/control/",
        };
        if (provenance.Count > 0)
        {
            prefixes["rdfs"] = Vocab.Rdfs.Namespace;
            prefixes["prov"] = "http://www.w3.org/ns/prov#";
            prefixes["dcterms"] = "http://purl.org/dc/terms/";
            prefixes["rule"] = "https://w3id.org/guidelinegraph/rule/";
        }
        foreach (Guideline guideline in inference.Catalog.Guidelines)
        {
            string prefix = guideline.Identifier.Split('-')[0];
            prefixes.TryAdd(prefixes.ContainsKey(prefix) ? guideline.Identifier : prefix, guideline.Iri[..(guideline.Iri.LastIndexOf('/') + 1)]);
        }
        Term Renamed(Term t) => t.Equals(ProfileInference.ProfileNode) ? profile : t;
        var quads = result.InferredAbout(profile).Order(TripleOrder.Instance)
            .Concat(provenance.Select(t => new Triple(Renamed(t.Subject), t.Predicate, Renamed(t.Object))))
            .Select(t => new Quad(t.Subject, t.Predicate, t.Object));
        RdfWriter.Write(context.Out, quads, new RdfWriteOptions { Format = RdfFormat.Turtle, Prefixes = prefixes });
    }

    private sealed class TripleOrder : IComparer<Triple>
    {
        public static readonly TripleOrder Instance = new();

        public int Compare(Triple x, Triple y)
        {
            int c = x.Subject.CompareTo(y.Subject);
            if (c == 0) c = x.Predicate.CompareTo(y.Predicate);
            return c != 0 ? c : x.Object.CompareTo(y.Object);
        }
    }

    /// <summary>Requirements under each ICH M11 section that addresses them (a requirement may sit under several), sections in number order.</summary>
    private static IEnumerable<(string Section, string Title, List<ApplicableRequirement> Requirements)> BySection(ProfileInference inference,
        List<ApplicableRequirement> requirements, bool zh)
    {
        var titles = inference.Vocabulary.M11Sections.ToDictionary(s => s.Notation, s => (zh ? s.Title.Zh ?? s.Title.En : s.Title.En ?? s.Title.Zh) ?? "");
        return requirements
            .SelectMany(a => a.Requirement.M11Sections.Count == 0 ? [("", a)] : a.Requirement.M11Sections.Select(s => (Section: s, Applicable: a)))
            .GroupBy(x => x.Item1)
            .OrderBy(g => g.Key.Length == 0 ? "~" : g.Key, NaturalComparer.Instance)
            .Select(g => (g.Key, titles.GetValueOrDefault(g.Key, zh ? "（无 M11 章节）" : "(no M11 section)"), g.Select(x => x.Item2).ToList()));
    }

    private static string Pick(BilingualText text, bool zh) => (zh ? text.Zh ?? text.En : text.En ?? text.Zh) ?? "";

    private static string ProfileLine(InferenceResult result, bool zh)
    {
        string Names(bool asserted) => string.Join(", ", result.Features.Where(f => f.Asserted == asserted).Select(f => Pick(f.Label, zh) is { Length: > 0 } l ? $"{f.Id} ({l})" : f.Id));
        return zh ? $"方案特征：{Names(true)}；推导：{Names(false)}" : $"Profile: {Names(true)}; derived: {Names(false)}";
    }

    private static string Summary(List<ApplicableRequirement> requirements, bool zh)
    {
        var counts = requirements.GroupBy(a => a.Requirement.Modality).OrderBy(g => g.Key).Select(g => $"{RequirementJson.Modality(g.Key)} {g.Count()}");
        return zh ? $"适用要求 {requirements.Count} 条：{string.Join("，", counts)}" : $"{requirements.Count} requirements apply: {string.Join(", ", counts)}";
    }

    private void WriteTable(ProfileInference inference, InferenceResult result, List<ApplicableRequirement> requirements, Request request)
    {
        bool zh = request.Language == "zh";
        context.Out.WriteLine(ProfileLine(result, zh));
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in zh ? ["M11 章节", "要求", "情态", "控制措施", "原文"] : new[] { "M11 section", "Requirement", "Modality", "Controls", "Quote" })
            table.AddColumn(column);
        foreach (var (section, title, group) in BySection(inference, requirements, zh))
        {
            bool first = true;
            foreach (ApplicableRequirement a in group)
            {
                Requirement r = a.Requirement;
                table.AddRow(first ? Markup.Escape($"{section} {title}".Trim()) : "", Markup.Escape(r.Id), RequirementJson.Modality(r.Modality),
                    Markup.Escape(string.Join(", ", r.Controls.Select(c => Pick(c.Label, zh) is { Length: > 0 } l ? l : c.Id))), Markup.Escape(Pick(r.Quote, zh)));
                first = false;
            }
        }
        context.PlainConsole(200).Write(table);
        context.Out.WriteLine(Summary(requirements, zh));
        if (!request.Explain) return;
        foreach (ApplicableRequirement a in requirements)
        {
            context.Out.WriteLine();
            context.Out.Write(DerivationText.Render(a, request.Language));
        }
    }

    private void WriteMarkdown(ProfileInference inference, InferenceResult result, List<ApplicableRequirement> requirements, Request request)
    {
        bool zh = request.Language == "zh";
        TextWriter o = context.Out;
        o.WriteLine(zh ? "# 适用要求" : "# Applicable requirements");
        o.WriteLine();
        o.WriteLine(MarkdownText.Cell(ProfileLine(result, zh)));
        o.WriteLine();
        o.WriteLine(Summary(requirements, zh));
        foreach (var (section, title, group) in BySection(inference, requirements, zh))
        {
            o.WriteLine();
            o.WriteLine($"## {section} {MarkdownText.Cell(title)}".TrimEnd());
            o.WriteLine();
            o.WriteLine(zh ? "| 要求 | 情态 | 条款 | 控制措施 | 原文 |" : "| Requirement | Modality | Clause | Controls | Quote |");
            o.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (ApplicableRequirement a in group)
            {
                Requirement r = a.Requirement;
                o.WriteLine($"| {MarkdownText.Cell(r.Id)} | {RequirementJson.Modality(r.Modality)} | {MarkdownText.Cell(r.Clause?.Number ?? "")} | " +
                    $"{MarkdownText.Cell(string.Join(", ", r.Controls.Select(c => Pick(c.Label, zh) is { Length: > 0 } l ? l : c.Id)))} | {MarkdownText.Cell(Pick(r.Quote, zh))} |");
            }
        }
        if (!request.Explain) return;
        o.WriteLine();
        o.WriteLine(zh ? "## 推导" : "## Derivations");
        foreach (ApplicableRequirement a in requirements)
        {
            o.WriteLine();
            o.WriteLine("```text");
            o.Write(DerivationText.Render(a, request.Language));
            o.WriteLine("```");
        }
    }
}
