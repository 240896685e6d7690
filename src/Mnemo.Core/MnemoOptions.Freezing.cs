using System.Runtime.CompilerServices;

namespace Mnemo.Core;

public sealed partial class MnemoOptions
{
    /// <summary>The <see cref="Variables"/> of options not read from an environment: every variable is unset.</summary>
    private static readonly Func<string, string?> s_noVariables = static _ => null;

    private bool _frozen;

    /// <summary>True for the copy an engine keeps (<see cref="MnemoEngine.Options"/>), whose properties can no longer be set.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>
    /// A frozen copy of these options (these options themselves when already frozen), which is what an engine keeps:
    /// the caller's object stays theirs to change or reuse, and nothing can change an open engine's settings.
    /// </summary>
    /// <remarks>
    /// A shallow copy: the embedder, the local model provider, the store factory and the clock are shared, as they are
    /// services rather than settings. Every other setting is a value or an immutable record.
    /// </remarks>
    internal MnemoOptions Snapshot()
    {
        if (_frozen)
        {
            return this;
        }

        var copy = (MnemoOptions)MemberwiseClone();
        copy._frozen = true;
        return copy;
    }

    /// <summary>Returns <paramref name="value"/> for a setter, or throws when these options belong to an open engine.</summary>
    private T Unfrozen<T>(T value, [CallerMemberName] string property = "")
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                $"MnemoOptions.{property} cannot change: these are the frozen options of an open engine. Set it on the options "
                + "before MnemoEngine.OpenAsync, or open another engine with new options");
        }

        return value;
    }
}
