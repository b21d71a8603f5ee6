using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/GuidelineGraph.Bench -- --filter '*'   (BenchmarkDotNet switches apply)
// dotnet run -c Release --project bench/GuidelineGraph.Bench -- peer-queries RUNS DATA.ttl QUERY.rq...  (bench/peers.sh)
if (args.Length > 0 && args[0] == "peer-queries") return GuidelineGraph.Bench.PeerQueries.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(GuidelineGraph.Bench.BenchData).Assembly).Run(args);
return 0;
