using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    // Id -> node map: open addressing with linear probing over node numbers only (4 bytes a slot); the key of a
    // slot is the id stored in that node's record, so the map does not duplicate the ids. Load factor <= 1/2.
    // Writer-side only (every access holds _writeLock); searches never use it.
    private int[] _idSlots = CreateSlots(16);
    private int _idCount;

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

    /// <summary>Unmaps <paramref name="id"/>; returns its node or -1. Backward-shift deletion keeps probes short.</summary>
    private int UnmapId(long id)
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
