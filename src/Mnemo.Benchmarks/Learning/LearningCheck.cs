using System.Text.Json;

namespace Mnemo.Benchmarks.Learning;

/// <summary>One of the checks <c>mnemo bench learn</c> prints: what was checked, whether it held, and the figures behind it.</summary>
/// <param name="Name">A short snake_case name (the JSON key).</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The figures, in a sentence.</param>
internal sealed record LearningCheck(string Name, bool Passed, string Detail)
{
    /// <summary>Writes the check as the property <see cref="Name"/>: {passed, detail}.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(Name);
        writer.WriteBoolean("passed", Passed);
        writer.WriteString("detail", Detail);
        writer.WriteEndObject();
    }
}
