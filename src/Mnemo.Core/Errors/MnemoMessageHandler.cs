using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mnemo.Core.Errors;

/// <summary>
/// Builds a <see cref="MnemoMessage"/> from an interpolated string: text as the default handler formats it (the current
/// culture), a <see cref="MnemoHint"/> kept as a remedy, and a <see cref="MnemoMessage"/> kept with its remedies.
/// </summary>
[InterpolatedStringHandler]
public ref struct MnemoMessageHandler
{
    private readonly List<object> _parts;
    private readonly StringBuilder _text;

    /// <summary>Called by the compiler for an interpolated string.</summary>
    public MnemoMessageHandler(int literalLength, int formattedCount)
    {
        _parts = new List<object>(formattedCount + 1);
        _text = new StringBuilder(literalLength);
    }

    /// <summary>Appends literal text.</summary>
    public readonly void AppendLiteral(string value) => _text.Append(value);

    /// <summary>Appends a value as text.</summary>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Appends a value as text in <paramref name="format"/>.</summary>
    public readonly void AppendFormatted<T>(T value, string? format) =>
        _text.Append(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.CurrentCulture) : value?.ToString());

    /// <summary>Appends a text (an overload, so that a string is not taken for a generic value).</summary>
    public readonly void AppendFormatted(string? value) => _text.Append(value);

    /// <summary>Appends a remedy, which each face renders in its own terms.</summary>
    public readonly void AppendFormatted(MnemoHint hint)
    {
        Flush();
        _parts.Add(hint);
    }

    /// <summary>Appends another message with its remedies.</summary>
    public readonly void AppendFormatted(MnemoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var part in message.Parts)
        {
            if (part is MnemoHint hint)
            {
                AppendFormatted(hint);
            }
            else
            {
                _text.Append((string)part);
            }
        }
    }

    internal readonly MnemoMessage ToMessage()
    {
        Flush();
        return new MnemoMessage([.. _parts]);
    }

    private readonly void Flush()
    {
        if (_text.Length > 0)
        {
            _parts.Add(_text.ToString());
            _text.Clear();
        }
    }
}
