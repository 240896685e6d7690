namespace Mnemo.Benchmarks.Reporting;

/// <summary>
/// Where a benchmark reports its progress for people while it runs (the CLI shows it on stderr when that is a
/// terminal); the results themselves are returned, never written here.
/// </summary>
internal interface IBenchmarkProgress
{
    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> for a phase, rewritten in place.</summary>
    void Report(string phase, long done, long total);

    /// <summary>A sink that shows reports of type <typeparamref name="T"/> as a phase's progress.</summary>
    IProgress<T> For<T>(string phase, Func<T, (long Done, long Total)> measure);

    /// <summary>Ends the progress line, if any, and shows a line of text.</summary>
    void Line(string text);

    /// <summary>Ends the progress line, if any.</summary>
    void End();
}
