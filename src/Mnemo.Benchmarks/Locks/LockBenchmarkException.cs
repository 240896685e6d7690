namespace Mnemo.Benchmarks.Locks;

/// <summary>A worker process of <c>mnemo bench locks</c> could not be started or failed; the message says which and why.</summary>
internal sealed class LockBenchmarkException : Exception
{
    public LockBenchmarkException(string message)
        : base(message)
    {
    }

    public LockBenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
