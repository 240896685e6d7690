namespace Mnemo.Core.Monitoring;

/// <summary>
/// The engine's recent log: the newest <see cref="Capacity"/> entries in memory, for a long-running process to show
/// (MCP <c>mnemo://system-logs</c>). Bounded, so that a warning repeated on every write costs a fixed amount of memory.
/// </summary>
internal sealed class EngineLog(TimeProvider clock)
{
    public const int Capacity = 256;

    private readonly Lock _lock = new();
    private readonly Queue<EngineLogEntry> _entries = new(Capacity);

    public void Record(EngineLogLevel level, string source, string message)
    {
        var entry = new EngineLogEntry(clock.GetUtcNow(), level, source, message);
        lock (_lock)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    /// <summary>The newest <paramref name="limit"/> entries at or above <paramref name="minimum"/>, oldest first.</summary>
    public IReadOnlyList<EngineLogEntry> Recent(EngineLogLevel minimum, int limit)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Level >= minimum).TakeLast(limit)];
        }
    }
}
