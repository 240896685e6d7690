using System.Runtime.CompilerServices;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>The default page of <see cref="ListAllAsync"/>: entries read per store query.</summary>
    public const int DefaultListPageSize = 500;

    /// <summary>
    /// Every current entry whose key starts with <paramref name="prefix"/>, in key order, read a page at a time so that
    /// a store of any size is listed in bounded memory: <c>await foreach (var entry in engine.ListAllAsync("project/"))</c>.
    /// </summary>
    /// <param name="prefix">A key prefix such as <c>project/</c>; "" lists everything.</param>
    /// <param name="pageSize">Entries read per store query, 1..10,000.</param>
    /// <param name="cancellationToken">Cancels the listing (also given by <c>WithCancellation</c>).</param>
    /// <remarks>
    /// Each page is a <see cref="ListAsync"/> that starts after the last key seen, so entries written while the listing
    /// runs appear if their key comes later, and no entry is listed twice. Under access rules, entries the agent may not
    /// read are left out.
    /// </remarks>
    public async IAsyncEnumerable<MemoryEntry> ListAllAsync(
        string prefix = "", int pageSize = DefaultListPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 10_000);
        string? after = null;
        do
        {
            var page = await ListAsync(prefix, after, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            after = page.NextAfter;
        }
        while (after is not null);
    }
}
