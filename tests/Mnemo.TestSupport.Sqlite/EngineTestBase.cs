using Mnemo.TestSupport.Backends;

namespace Mnemo.TestSupport;

/// <summary>Base for engine tests on SQLite: <see cref="EngineTestBase{TBackend}"/> with the database file at hand.</summary>
public abstract class EngineTestBase : EngineTestBase<SqliteBackend>
{
    /// <summary>The database file of <see cref="EngineTestBase{TBackend}.Engine"/>.</summary>
    protected string DatabasePath => SqliteBackend.DatabaseIn(Temp.Path);
}
