using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GuidelineGraph.Bench;

/// <summary>Adds an "MB/s" column from the input size each benchmark case records in its setup.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Bytes per "method|param" key. Setup runs in the benchmark process, so the column recomputes sizes there too.</summary>
    public static readonly ConcurrentDictionary<string, long> Bytes = new();

    public ThroughputConfig() => AddColumn(new ThroughputColumn());

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Input megabytes (10^6 bytes) parsed per second of mean time";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var corpus = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Corpus")?.Value as string;
            if (report?.ResultStatistics is null || corpus is null) return "-";
            long bytes = Bytes.GetOrAdd($"{benchmarkCase.Descriptor.WorkloadMethod.Name}|{corpus}", _ => CorpusBytes(corpus));
            return (bytes / 1e6 / (report.ResultStatistics.Mean / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static long CorpusBytes(string corpus) => corpus == "bench-1M.ttl"
            ? new FileInfo(BenchData.MillionTripleFile!).Length
            : BenchData.ConformanceFiles(Rdf.RdfFormats.FromName(corpus["w3c-".Length..])!.Value).Sum(f => (long)f.Bytes.Length);
    }
}
