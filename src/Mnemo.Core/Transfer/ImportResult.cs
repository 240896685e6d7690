using Mnemo.Core.Errors;

namespace Mnemo.Core.Transfer;

/// <summary>What an import wrote.</summary>
/// <param name="Imported">Entries written.</param>
/// <param name="Batches">Transactions used (for entries and links).</param>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Links">Links written (created, or replaced when the same ends and relation were already linked).</param>
public sealed record ImportResult(long Imported, int Batches, long Lines, long Links);

/// <summary>Progress of an import, reported after each batch of entries.</summary>
/// <param name="Written">Entries written so far.</param>
/// <param name="Total">Entries the file holds.</param>
public readonly record struct ImportProgress(long Written, long Total);

/// <summary>A line of an import file that cannot be imported.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Description">What is wrong with it, with its remedies for a face to render.</param>
public sealed record ImportLineError(long Line, MnemoMessage Description)
{
    /// <summary>What is wrong with the line, in the engine's words.</summary>
    public string Message => Description.ToString();
}
