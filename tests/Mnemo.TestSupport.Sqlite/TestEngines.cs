using Mnemo.Core;

namespace Mnemo.TestSupport;

/// <summary>Opens engines on real SQLite files for tests.</summary>
public static class TestEngines
{
    public static Task<MnemoEngine> OpenAsync(string path, TimeProvider? clock = null, Action<MnemoOptions>? configure = null)
    {
        var options = new MnemoOptions { TimeProvider = clock ?? TimeProvider.System }.UseSqlite(path);
        configure?.Invoke(options);
        return MnemoEngine.OpenAsync(options);
    }
}
