using System.Collections.Concurrent;
using System.Reflection;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Tests.Graph;

/// <summary>A store that passes every call through to another and records the calls by method name, with their arguments.</summary>
public class CountingStore : DispatchProxy
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object?[]>> _calls = new(StringComparer.Ordinal);
    private IMemoryStore _inner = null!;

    /// <summary>The store to give an engine: <paramref name="inner"/> with every call counted.</summary>
    public static (IMemoryStore Store, CountingStore Counter) Wrap(IMemoryStore inner)
    {
        var store = Create<IMemoryStore, CountingStore>();
        var counter = (CountingStore)(object)store;
        counter._inner = inner;
        return (store, counter);
    }

    /// <summary>How many times <paramref name="method"/> was called since the last <see cref="Reset"/>.</summary>
    public int Calls(string method) => _calls.TryGetValue(method, out var calls) ? calls.Count : 0;

    /// <summary>The arguments of every call of <paramref name="method"/> since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<object?[]> Arguments(string method) => _calls.TryGetValue(method, out var calls) ? [.. calls] : [];

    /// <summary>Forgets the counts so far.</summary>
    public void Reset() => _calls.Clear();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.GetOrAdd(targetMethod.Name, _ => new ConcurrentQueue<object?[]>()).Enqueue(args ?? []);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
