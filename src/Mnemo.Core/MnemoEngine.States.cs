using System.Text.Json;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.States;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// The prefix of saved states' keys: state NAME is the entry <c>states/NAME</c>, its document the entry's value.
    /// </summary>
    public const string StatePrefix = "states/";

    /// <summary>
    /// The prefix of state rules' keys: the rules of state NAME are the entry <c>state-rules/NAME</c>. A prefix of its own,
    /// not <c>states/NAME/rules</c>, so that no state name (names may hold '/') can land on another state's rules.
    /// </summary>
    public const string StateRulesPrefix = "state-rules/";

    private const string StateKind = "state";
    private const string StateRulesKind = "state-rules";

    /// <summary>The key of state <paramref name="name"/>.</summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the name does not make a valid key.</exception>
    public static string StateKey(string name) => StateKeyUnder(StatePrefix, name);

    /// <summary>
    /// Sets the rules every later save of state <paramref name="name"/> must satisfy: a JSON Schema and a transition graph
    /// over its phase field. Versions already saved are not checked again, except by <see cref="RestoreStateAsync"/>.
    /// </summary>
    /// <param name="name">The state's name, such as a session id or an agent's task.</param>
    /// <param name="rules">The rules; <c>new StateRules()</c> removes every check.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The write of the rules entry (<see cref="StateRulesPrefix"/>).</returns>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a bad name, schema or phase field.</exception>
    public async Task<StoreOutcome> DefineStateAsync(string name, StateRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var key = StateKeyUnder(StateRulesPrefix, name);
        _ = StateValidator.Compile(name, rules);
        return await StoreAsync(new MemoryWrite
        {
            Key = key,
            Text = "",
            Value = StateRulesCodec.ToJson(rules),
            Kind = StateRulesKind,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rules of state <paramref name="name"/>, or null when none were defined.</summary>
    public async Task<StateRules?> GetStateRulesAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = StateKeyUnder(StateRulesPrefix, name);
        var entry = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        return entry?.Value is { } value ? StateRulesCodec.FromJson(key, value) : null;
    }

    /// <summary>
    /// Saves <paramref name="document"/> as the next version of state <paramref name="name"/>, after checking it against the
    /// state's schema and its phase change against the transition graph; then erases versions beyond
    /// <see cref="MnemoOptions.MaxStateVersions"/>.
    /// </summary>
    /// <param name="name">The state's name.</param>
    /// <param name="document">The whole state, any JSON (an object when the state has a transition graph).</param>
    /// <param name="expectedVersion">
    /// When set, the save succeeds only if the state is at this version now (0: only if it was never saved); otherwise
    /// it fails with <see cref="MnemoConflictException"/>. Left out, a state with a transition graph is still saved only
    /// over the version its transition was checked against (a concurrent save makes this one fail, to be retried), and
    /// one without is saved through its namespace's conflict policy.
    /// </param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/> naming the reason (the schema error and its path, or "cannot go from X to
    /// Y; allowed: ..."), with nothing written; <see cref="MnemoErrorCode.VersionConflict"/> as above.
    /// </exception>
    public async Task<SavedState> SaveStateAsync(
        string name, JsonElement document, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var key = StateKey(name);
        if (document.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("the state document is empty: pass a JSON value such as {\"phase\":\"planning\"}", nameof(document));
        }

        var validator = await StateValidatorAsync(name, cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        var reason = validator.CheckDocument(document) ?? validator.CheckTransition(current?.Value, document);
        if (reason is not null)
        {
            throw MnemoErrors.StateRefused(name, reason);
        }

        var seen = current?.Version ?? 0;
        var outcome = await StoreAsync(new MemoryWrite
        {
            Key = key,
            Text = "",
            Value = document,
            Kind = StateKind,
            ExpectedVersion = expectedVersion ?? (validator.HasTransitions ? seen : null),
            BaseVersion = expectedVersion is null && !validator.HasTransitions ? seen : null,
        }, cancellationToken).ConfigureAwait(false);
        await TrimStateHistoryAsync(key, outcome.Entry.Version, cancellationToken).ConfigureAwait(false);
        return ToState(name, outcome.Entry);
    }

    /// <summary>The current version of state <paramref name="name"/>, or null when it was never saved.</summary>
    public async Task<SavedState?> GetStateAsync(string name, CancellationToken cancellationToken = default)
    {
        var entry = await GetAsync(StateKey(name), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : ToState(name, entry);
    }

    /// <summary>The saved versions of state <paramref name="name"/>, newest first, at most <paramref name="limit"/>.</summary>
    /// <remarks>At most <see cref="MnemoOptions.MaxStateVersions"/> are kept; empty when the state was never saved.</remarks>
    public async Task<IReadOnlyList<SavedState>> StateHistoryAsync(string name, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var history = await GetHistoryAsync(StateKey(name), cancellationToken).ConfigureAwait(false);
        return history.Where(step => step.Change == ChangeKind.Put && step.Entry is not null)
            .Reverse()
            .Take(limit)
            .Select(step => ToState(name, step.Entry!) with { At = step.At, Agent = step.Agent })
            .ToList();
    }

    /// <summary>
    /// Saves again, as a new version, the newest version before the current one that is valid under the state's current
    /// rules (its schema, and a phase the graph knows): the recovery after a crash or a bug wrote a bad state.
    /// </summary>
    /// <returns>The new version and which version it copied.</returns>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.NotFound"/>: the state was never saved, or no earlier version is valid;
    /// <see cref="MnemoErrorCode.VersionConflict"/>: the state was saved again meanwhile (nothing written).
    /// </exception>
    public async Task<StateRestore> RestoreStateAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = StateKey(name);
        var validator = await StateValidatorAsync(name, cancellationToken).ConfigureAwait(false);
        var history = await GetHistoryAsync(key, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0 || history[^1].Change != ChangeKind.Put)
        {
            throw MnemoErrors.NoState(name);
        }

        var current = history[^1].Version;
        var restored = history.Take(history.Count - 1)
            .Reverse()
            .FirstOrDefault(step => step.Change == ChangeKind.Put && step.Entry?.Value is { } value && validator.CheckDocument(value) is null)
            ?? throw MnemoErrors.NothingToRestore(name, current);

        var outcome = await StoreAsync(new MemoryWrite
        {
            Key = key,
            Text = "",
            Value = restored.Entry!.Value,
            Kind = StateKind,
            ExpectedVersion = current,
        }, cancellationToken).ConfigureAwait(false);
        await TrimStateHistoryAsync(key, outcome.Entry.Version, cancellationToken).ConfigureAwait(false);
        return new StateRestore(ToState(name, outcome.Entry), restored.Version, current);
    }

    private async Task<StateValidator> StateValidatorAsync(string name, CancellationToken cancellationToken) =>
        await GetStateRulesAsync(name, cancellationToken).ConfigureAwait(false) is { } rules
            ? StateValidator.Compile(name, rules)
            : StateValidator.None;

    /// <summary>Erases the versions beyond <see cref="MnemoOptions.MaxStateVersions"/>; nothing while the history is short.</summary>
    private async Task TrimStateHistoryAsync(string key, long version, CancellationToken cancellationToken)
    {
        var keepFrom = version - _options.MaxStateVersions + 1;
        if (keepFrom > 1)
        {
            await _store.TrimHistoryAsync(key, keepFrom, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SavedState ToState(string name, MemoryEntry entry) =>
        new(name, entry.Version, entry.UpdatedAt, entry.Agent, entry.Value ?? default);

    private static string StateKeyUnder(string prefix, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = prefix + name;
        return MemoryKey.Check(key) is { } reason ? throw MnemoErrors.BadStateName(name, reason) : key;
    }
}
