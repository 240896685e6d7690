using System.Reflection;
using Mnemo.Core.Storage;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Caching;

/// <summary>
/// A fresh engine follows the store's changes from the end of the log: its first read does not read every change ever
/// made, and later changes by other writers still reach its cache.
/// </summary>
[Trait("Issue", "15")]
public sealed class ChangeLogFollowingTests : EngineTestBase
{
    [Fact]
    public async Task FreshEngine_Gets_ReadNoChangeMadeBeforeItOpened_AndSeeLaterChanges()
    {
        for (var i = 0; i < 5; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"a/{i}", Text = $"text {i}" }, Ct);
        }

        var lastBeforeOpen = (await Engine.GetStatusAsync(Ct)).Store.LastSequence;
        var store = ChangeRecordingStore.Wrap(await OpenStoreAsync());
        var recorder = (ChangeRecordingStore)(object)store;
        var fresh = MnemoEngine.Open(store, new MnemoOptions { TimeProvider = Clock, OneShot = true });
        await using (fresh)
        {
            var first = await fresh.GetAsync("a/1", Ct);
            await fresh.GetAsync("a/1", Ct);
            await Engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "changed" }, Ct);
            var afterChange = await fresh.GetAsync("a/1", Ct);

            Assert.Equal("text 1", first!.Text);
            Assert.Equal("changed", afterChange!.Text);
            Assert.NotEmpty(recorder.ChangesAsked);
            Assert.All(recorder.ChangesAsked, after => Assert.True(after >= lastBeforeOpen, $"asked for changes after {after}"));
        }
    }

    /// <summary>A store that forwards every call and records the sequence numbers <c>GetChangesAsync</c> was asked after.</summary>
    public class ChangeRecordingStore : DispatchProxy
    {
        private IMemoryStore _inner = null!;

        public List<long> ChangesAsked { get; } = [];

        public static IMemoryStore Wrap(IMemoryStore inner)
        {
            var proxy = Create<IMemoryStore, ChangeRecordingStore>();
            ((ChangeRecordingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IMemoryStore.GetChangesAsync))
            {
                lock (ChangesAsked)
                {
                    ChangesAsked.Add((long)args![0]!);
                }
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
    }
}
