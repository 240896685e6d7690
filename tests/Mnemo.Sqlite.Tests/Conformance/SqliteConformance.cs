using Mnemo.Conformance;
using Mnemo.Conformance.Coordination;
using Mnemo.Conformance.Entries;
using Mnemo.Conformance.Maintenance;
using Mnemo.Conformance.Retrieval;
using Mnemo.Conformance.Transfer;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Sqlite.Tests.Conformance;

/// <summary>The store conformance suite (tests/Mnemo.Conformance) run on the SQLite store: one line per contract class.</summary>
public static class SqliteConformance
{
    public sealed class StoreAndGet : StoreAndGetTests<SqliteBackend>;

    public sealed class Maintenance : MaintenanceTests<SqliteBackend>;

    public sealed class MetricsStore : MetricsStoreTests<SqliteBackend>;

    public sealed class DoctorStore : DoctorStoreTests<SqliteBackend>;

    public sealed class FullTextSearch : FullTextSearchTests<SqliteBackend>;

    public sealed class Transfer : TransferTests<SqliteBackend>;

    public sealed class AccessControl : AccessControlTests<SqliteBackend>;

    public sealed class AccessVisibility : AccessVisibilityTests<SqliteBackend>;

    public sealed class ChangeFeed : ChangeFeedTests<SqliteBackend>;

    public sealed class ConflictPolicy : ConflictPolicyTests<SqliteBackend>;

    public sealed class Fencing : FencingTests<SqliteBackend>;

    public sealed class ImportIdentity : ImportIdentityTests<SqliteBackend>;

    public sealed class Locks : LockTests<SqliteBackend>;

    public sealed class LockEvents : LockEventTests<SqliteBackend>;

    public sealed class Quotas : QuotaTests<SqliteBackend>;

    public sealed class Coverage
    {
        [Fact]
        public void SqliteConformance_RunsEveryContractClass() =>
            Assert.Empty(ConformanceSuite.NotRunIn<SqliteBackend>(typeof(SqliteConformance).Assembly));
    }
}
