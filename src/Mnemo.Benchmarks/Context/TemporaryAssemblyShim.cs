using Mnemo.Core;
using Mnemo.Core.Context;
using Mnemo.Core.Tokens;

namespace Mnemo.Benchmarks.Context;

// TEMPORARY, removed when MnemoEngine.AssembleContextAsync lands on main (an instance method wins over this extension,
// so the bench compiles either way). A crude stand-in so that the harness can run end to end before then.
internal static class TemporaryAssemblyShim
{
    public static async Task<AssembledContext> AssembleContextAsync(this MnemoEngine engine, ContextRequest request, CancellationToken cancellationToken)
    {
        var counter = TokenCounters.BuiltIn.Get(request.Tokenizer ?? TokenCounters.DefaultName);
        var hits = await ContextBenchmark.SearchAsync(engine, request.Prompt, request.MaxMemories, cancellationToken).ConfigureAwait(false);
        var context = BaselineContext.TopK(hits, counter, request.Budget);
        return new AssembledContext(context.Text, context.Tokens, request.Budget, counter.Name, [], []);
    }
}
