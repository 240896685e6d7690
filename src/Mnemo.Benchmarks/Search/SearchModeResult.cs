using Mnemo.Core;

namespace Mnemo.Benchmarks.Search;

/// <summary>The latency of one search mode over the benchmark's queries.</summary>
/// <param name="Mode">The search mode.</param>
/// <param name="Latency">Time of each search call.</param>
/// <param name="SourceInTop10">
/// Share of queries whose source entry (the one the query's words were taken from) is among the results: a sanity
/// check that the timed searches do real work, not a quality measure (<c>mnemo bench recall</c> measures quality).
/// </param>
internal sealed record SearchModeResult(SearchMode Mode, LatencySummary Latency, double SourceInTop10);
