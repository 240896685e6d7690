using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;

namespace Mnemo.TestSupport;

/// <summary>Hints for the tests of each face's renderer and of the engine's own words.</summary>
public static class SampleHints
{
    /// <summary>A hint of <paramref name="remedy"/> with every value it uses set.</summary>
    public static MnemoHint Of(MnemoRemedy remedy) => new(remedy)
    {
        Version = 3,
        Agent = "worker",
        Prefix = "team/",
        Right = AccessRight.Write,
        Embedder = "minilm",
        CurrentEmbedder = "builtin-hashing",
        Dimensions = 384,
        Setting = MnemoEmbedderSetting.ApiKey,
        FileName = "Model.dll",
    };
}
