namespace Mnemo.Core.Vectors;

/// <summary>
/// A vector index file cannot be used: damaged, truncated, from a newer version, or not an index at all. The engine
/// catches it and rebuilds the index from the database.
/// </summary>
public sealed class VectorIndexCorruptException : MnemoException
{
    /// <summary>Creates the exception for <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file's name (not its full path, which may be private).</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="detail">One line on the specific value that is wrong.</param>
    public VectorIndexCorruptException(string fileName, VectorIndexFileProblem problem, string detail)
        : base(MnemoErrorCode.Corrupt, $"vector index file '{fileName}' is unusable ({detail}); it must be rebuilt from the database")
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the file.</summary>
    public VectorIndexFileProblem Problem { get; }
}
