using System.Text;

namespace Mnemo.Core.Errors;

/// <summary>
/// A failure's one-line message as text with its remedies (<see cref="MnemoHint"/>s) in place, so that each face can
/// say the remedies in its own terms while the rest of the message stays the engine's.
/// </summary>
/// <remarks>
/// Written as an interpolated string whose <see cref="MnemoHint"/> holes are the remedies:
/// <c>MnemoMessage.Of($"no entry {key}: {new MnemoHint(MnemoRemedy.ListKeys)}")</c>.
/// </remarks>
public sealed class MnemoMessage
{
    // Each part is a string or a MnemoHint.
    private readonly object[] _parts;

    internal MnemoMessage(object[] parts)
    {
        _parts = parts;
        Hints = [.. parts.OfType<MnemoHint>()];
    }

    /// <summary>The remedies the message names, in order (empty when it names none).</summary>
    public IReadOnlyList<MnemoHint> Hints { get; }

    /// <summary>A message of text alone.</summary>
    public static MnemoMessage Plain(string text) => new([text]);

    /// <summary>The message an interpolated string writes, its <see cref="MnemoHint"/> holes kept as remedies.</summary>
    public static MnemoMessage Of(MnemoMessageHandler message) => message.ToMessage();

    /// <summary>The message with each remedy as <paramref name="remedy"/> says it.</summary>
    public string Render(Func<MnemoHint, string> remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part as string ?? remedy((MnemoHint)part));
        }

        return text.ToString();
    }

    /// <summary>The parts, for a message that quotes this one.</summary>
    internal IEnumerable<object> Parts => _parts;

    /// <summary>The message in the engine's words (<see cref="MnemoHint.Describe"/>).</summary>
    public override string ToString() => Render(static hint => hint.Describe());
}
