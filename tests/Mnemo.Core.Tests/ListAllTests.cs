using Mnemo.TestSupport;

namespace Mnemo.Core.Tests;

[Trait("Issue", "14")]
public sealed class ListAllTests : EngineTestBase
{
    [Fact]
    public async Task ListAllAsync_MorePagesThanOne_YieldsEveryEntryUnderThePrefixOnceInKeyOrder()
    {
        var keys = Enumerable.Range(0, 23).Select(i => $"project/{i:D3}").ToList();
        await Engine.StoreManyAsync([.. keys.Select(key => new MemoryWrite { Key = key, Text = $"note {key}" })], Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "other/x", Text = "not listed" }, Ct);

        var listed = new List<string>();
        await foreach (var entry in Engine.ListAllAsync("project/", pageSize: 5, Ct))
        {
            listed.Add(entry.Key);
        }

        Assert.Equal(keys, listed);
    }

    [Fact]
    public async Task ListAllAsync_EmptyStore_YieldsNothing()
    {
        var count = 0;
        await foreach (var _ in Engine.ListAllAsync(cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ListAllAsync_PageSizeOutOfRange_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in Engine.ListAllAsync(pageSize: 0, cancellationToken: Ct))
            {
            }
        });
}
