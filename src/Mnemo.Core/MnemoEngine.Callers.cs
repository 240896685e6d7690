using Mnemo.Core.Entries;

namespace Mnemo.Core;

/// <remarks>
/// One engine serves many callers: <see cref="As"/> gives a view that acts as another agent and session over the same
/// store, cache, read statistics, flush loop and vector index, so a server for many agents opens one engine, not one per
/// agent. A view is a handful of references; making one costs no I/O.
/// </remarks>
public sealed partial class MnemoEngine
{
    // Set for a view: its caller's agent and session, checked when the view was made.
    private readonly Caller? _caller;
    private string? _session;

    /// <summary>A view of <paramref name="owner"/> acting as <paramref name="caller"/>.</summary>
    private MnemoEngine(MnemoEngine owner, Caller caller)
    {
        _owner = owner;
        _caller = caller;
        _store = owner._store;
        _options = owner._options;
        _clock = owner._clock;
        _cache = owner._cache;
        _access = owner._access;
        _cacheSync = owner._cacheSync;
        _catalogLock = owner._catalogLock;
        _flushLoop = owner._flushLoop;
        _log = owner._log;
    }

    /// <summary>
    /// The session this engine acts in (<see cref="MnemoOptions.Session"/>, or the one given to <see cref="As"/>): recorded
    /// on its writes and charged against <see cref="MnemoOptions.SessionQuotaBytes"/>.
    /// </summary>
    public string? Session => _caller is { } caller ? caller.Session : _session ??= EntryValidator.NormalizeSession(_options.Session);

    /// <summary>
    /// A view of this engine that acts as <paramref name="agent"/> in <paramref name="session"/>: its reads and writes are
    /// checked by access rules, recorded and charged against quotas as that caller, over the same store, cache and
    /// indexes. Disposing the view does nothing; disposing the engine it came from ends every view.
    /// </summary>
    /// <param name="agent">The agent to act as, or null for none.</param>
    /// <param name="session">The session to act in, or null for none.</param>
    /// <exception cref="ArgumentException">The agent or session name has characters a name cannot have.</exception>
    public MnemoEngine As(string? agent, string? session = null)
    {
        var caller = new Caller(EntryValidator.NormalizeAgent(agent), EntryValidator.NormalizeSession(session));
        ThrowIfDisposed();
        return new MnemoEngine(_owner, caller);
    }

    /// <summary>True for a view made by <see cref="As"/>, which owns nothing it could dispose.</summary>
    private bool IsView => !ReferenceEquals(_owner, this);

    /// <summary>Who a view acts as.</summary>
    private sealed record Caller(string? Agent, string? Session);
}
