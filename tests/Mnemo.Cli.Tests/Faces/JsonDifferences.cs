using System.Text.Json.Nodes;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>Every place two JSON documents differ, by path, so a failure names the field and both values.</summary>
internal static class JsonDifferences
{
    /// <summary>The differences of <paramref name="actual"/> from <paramref name="expected"/>, leaving out top-level <paramref name="ignored"/> properties.</summary>
    public static IReadOnlyList<string> Of(JsonNode? expected, JsonNode? actual, params string[] ignored)
    {
        var found = new List<string>();
        Compare("$", expected, actual, found, ignored);
        return found;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> found, string[] ignored)
    {
        switch (expected, actual)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(n => path != "$" || !ignored.Contains(n)))
                {
                    if (!a.ContainsKey(name) || !b.ContainsKey(name))
                    {
                        found.Add($"{path}.{name}: {(a.ContainsKey(name) ? "missing" : "unexpected")}");
                    }
                    else
                    {
                        Compare($"{path}.{name}", a[name], b[name], found, ignored);
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    found.Add($"{path}: {a.Count} items, not {b.Count}");
                }

                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    Compare($"{path}[{i}]", a[i], b[i], found, ignored);
                }

                break;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                {
                    found.Add($"{path}: {expected?.ToJsonString() ?? "null"} != {actual?.ToJsonString() ?? "null"}");
                }

                break;
        }
    }
}
