using Mnemo.Core;

namespace Mnemo.TestSupport.Backends;

/// <summary>
/// A store backend the engine tests and the store conformance suite can run on: given a test's own directory, it points
/// the options at a store of its own. Each backend (SQLite here, PostgreSQL later) implements it once; test classes take
/// it as a type argument, so a backend runs a contract class by naming it (<c>class X : LockTests&lt;MyBackend&gt;;</c>).
/// </summary>
public interface IStoreBackend
{
    /// <summary>
    /// Sets <paramref name="options"/> to use the store that belongs to <paramref name="directory"/> (an existing, empty
    /// directory made for one test): calling it again with the same directory reaches the same store, as a second process
    /// would; another directory reaches another, empty store.
    /// </summary>
    static abstract MnemoOptions UseStoreIn(MnemoOptions options, string directory);

    /// <summary>
    /// Removes whatever the stores of <paramref name="directory"/> keep outside it, when the test ends (a server backend
    /// drops its database or schema); a file backend has nothing to do, its files go with the directory.
    /// </summary>
    static virtual ValueTask RemoveStoresInAsync(string directory) => ValueTask.CompletedTask;
}
