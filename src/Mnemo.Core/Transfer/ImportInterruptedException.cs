namespace Mnemo.Core.Transfer;

/// <summary>
/// An import was cancelled after some of its transactions had committed. The message says what was written and what was
/// not: an import writes in batches (<see cref="MnemoOptions.ImportBatchSize"/>), each batch whole or not at all.
/// </summary>
/// <remarks>
/// A cancellation before the first batch commits stays a plain <see cref="OperationCanceledException"/>: then nothing was
/// written. This one derives from it too, so callers that treat cancellation as such keep doing so.
/// </remarks>
public sealed class ImportInterruptedException : OperationCanceledException
{
    /// <summary>Creates the exception with the message that says what was committed.</summary>
    public ImportInterruptedException(string message, long entriesWritten, long linksWritten, int batches, Exception innerException)
        : base(message, innerException)
    {
        EntriesWritten = entriesWritten;
        LinksWritten = linksWritten;
        Batches = batches;
    }

    /// <summary>Entries written (committed) before the import stopped.</summary>
    public long EntriesWritten { get; }

    /// <summary>Links written (committed) before the import stopped.</summary>
    public long LinksWritten { get; }

    /// <summary>Transactions that committed.</summary>
    public int Batches { get; }
}
