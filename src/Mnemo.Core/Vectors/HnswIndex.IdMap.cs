using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    // Id -> node map: open addressing with linear probing over node numbers only (4 bytes a slot); the key of a
    // slot is the id stored in that node's record, so the map does not duplicate the ids. Load factor <= 1/2.
    // Writer-side only (every access holds _writeLock); searches never use it.
    private int[] _idSlots = CreateSlots(16);
    private int _idCount;

    // A mapped file's id table (ids ascending, then their nodes), binary-searched in place so that opening a file does
    // not read every record to rebuild the map: it covers nodes below _tableNodes; the hash above holds the nodes added
    // since. A table node that was deleted since is recognised by its tombstone flag.
    private long* _tableIds;
    private int* _tableNodes;
    private int _tableCount;
    private int _tableNodeLimit;

    private static int[] CreateSlots(int capacity)
    {
        var slots = new int[capacity];
        Array.Fill(slots, -1);
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long id, int mask) => (int)((ulong)id * 0x9E3779B97F4A7C15UL >> 32) & mask;

    private long IdMapBytes => (long)_idSlots.Length * sizeof(int);

    /// <summary>The live node holding <paramref name="id"/>, or -1.</summary>
    private int FindNode(long id)
    {
        var added = FindAddedNode(id);
        return added >= 0 ? added : FindTableNode(id);
    }

    /// <summary>The live node of <paramref name="id"/> in the mapped id table, or -1 (checked against the record, since the table is not validated).</summary>
    private int FindTableNode(long id)
    {
        var low = 0;
        var high = _tableCount - 1;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var found = _tableIds[middle];
            if (found == id)
            {
                var node = _tableNodes[middle];
                return (uint)node < (uint)_tableNodeLimit && Label(Address(node)) == id && !IsDeleted(Address(node)) ? node : -1;
            }

            if (found < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>Uses a mapped file's id table for the nodes below <paramref name="nodeLimit"/>.</summary>
    private void UseIdTable(long* ids, int* nodes, int count, int nodeLimit)
    {
        _tableIds = ids;
        _tableNodes = nodes;
        _tableCount = count;
        _tableNodeLimit = nodeLimit;
    }

    /// <summary>Stops using the id table (before renumbering, or when the mapping goes): the hash then maps every node.</summary>
    private void ForgetMappedIds()
    {
        _tableIds = null;
        _tableNodes = null;
        _tableCount = 0;
        _tableNodeLimit = 0;
    }

    /// <summary>The live node of <paramref name="id"/> among those in the hash, or -1.</summary>
    private int FindAddedNode(long id)
    {
        var slots = _idSlots;
        var mask = slots.Length - 1;
        for (var i = Slot(id, mask); ; i = (i + 1) & mask)
        {
            var node = slots[i];
            if (node < 0 || Label(Address(node)) == id)
            {
                return node;
            }
        }
    }

    /// <summary>Maps the id stored in <paramref name="node"/>'s record to it; returns false if the id is mapped already.</summary>
    private bool TryMapNode(int node)
    {
        if ((_idCount + 1) * 2 > _idSlots.Length)
        {
            var old = _idSlots;
            _idSlots = CreateSlots(old.Length * 2);
            foreach (var n in old)
            {
                if (n >= 0)
                {
                    Insert(n);
                }
            }
        }

        if (FindNode(Label(Address(node))) >= 0)
        {
            return false;
        }

        Insert(node);
        _idCount++;
        return true;

        void Insert(int n)
        {
            var slots = _idSlots;
            var mask = slots.Length - 1;
            var i = Slot(Label(Address(n)), mask);
            while (slots[i] >= 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = n;
        }
    }

    /// <summary>
    /// Unmaps <paramref name="id"/>; returns its node or -1. Backward-shift deletion keeps probes short. A node of the
    /// id table stays in it: the caller tombstones it, which unmaps it.
    /// </summary>
    private int UnmapId(long id)
    {
        return FindAddedNode(id) >= 0 ? UnmapAddedId(id) : FindTableNode(id);
    }

    private int UnmapAddedId(long id)
    {
        var slots = _idSlots;
        var mask = slots.Length - 1;
        var i = Slot(id, mask);
        while (true)
        {
            var node = slots[i];
            if (node < 0)
            {
                return -1;
            }

            if (Label(Address(node)) == id)
            {
                break;
            }

            i = (i + 1) & mask;
        }

        var found = slots[i];
        var hole = i;
        for (var j = (i + 1) & mask; slots[j] >= 0; j = (j + 1) & mask)
        {
            var home = Slot(Label(Address(slots[j])), mask);

            // Move the entry back into the hole unless its home lies cyclically in (hole, j].
            var inRange = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!inRange)
            {
                slots[hole] = slots[j];
                hole = j;
            }
        }

        slots[hole] = -1;
        _idCount--;
        return found;
    }

    private void ClearIdMap(int expected)
    {
        var capacity = 16;
        while (capacity < expected * 2)
        {
            capacity *= 2;
        }

        _idSlots = CreateSlots(capacity);
        _idCount = 0;
    }
}
