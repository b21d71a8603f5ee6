#:project ../tests/GuidelineGraph.Testing/GuidelineGraph.Testing.csproj
// Writes the generated long protocol: dotnet run bench/write-large-protocol.cs -- OUT.md [PAGES]
GuidelineGraph.Testing.LargeProtocol.WriteTo(args[0], args.Length > 1 ? int.Parse(args[1]) : 300);
