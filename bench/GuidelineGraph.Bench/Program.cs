using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/GuidelineGraph.Bench -- --filter '*'   (BenchmarkDotNet switches apply)
BenchmarkSwitcher.FromAssembly(typeof(GuidelineGraph.Bench.BenchData).Assembly).Run(args);
