namespace Mnemo.Core.Monitoring;

/// <summary>One generation of the GC heap as the last garbage collection left it (from <see cref="GCGenerationInfo"/>).</summary>
/// <param name="Generation">gen0, gen1, gen2, loh (large object heap) or poh (pinned object heap).</param>
/// <param name="SizeBeforeBytes">The generation's size when that collection started, bytes.</param>
/// <param name="SizeAfterBytes">Its size when the collection ended, bytes.</param>
/// <param name="FragmentationBeforeBytes">Free space inside it when the collection started, bytes.</param>
/// <param name="FragmentationAfterBytes">Free space inside it when the collection ended, bytes.</param>
public sealed record GcGenerationSize(
    string Generation, long SizeBeforeBytes, long SizeAfterBytes, long FragmentationBeforeBytes, long FragmentationAfterBytes)
{
    /// <summary>The generations' names, in the order of <see cref="GCMemoryInfo.GenerationInfo"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gen0", "gen1", "gen2", "loh", "poh"];
}
