using System.Runtime.CompilerServices;

namespace Mnemo.Core.Vectors.Internal;

/// <summary>Binary max-heap on distance over a reusable struct array: the search's best-so-far results.</summary>
internal sealed class MaxHeap
{
    private NodeDistance[] _items = new NodeDistance[256];

    /// <summary>Number of items.</summary>
    public int Count { get; private set; }

    /// <summary>The farthest item; the heap must not be empty.</summary>
    public ref NodeDistance Top => ref _items[0];

    /// <summary>The items in heap order (not sorted).</summary>
    public Span<NodeDistance> Items => _items.AsSpan(0, Count);

    /// <summary>Empties the heap, keeping its storage.</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds an item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(float distance, int node)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (items[parent].Distance >= distance)
            {
                break;
            }

            items[i] = items[parent];
            i = parent;
        }

        items[i] = new NodeDistance(distance, node);
    }

    /// <summary>Removes and returns the farthest item; the heap must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NodeDistance Pop()
    {
        var items = _items;
        var top = items[0];
        var count = --Count;
        if (count > 0)
        {
            var last = items[count];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= count)
                {
                    break;
                }

                if (child + 1 < count && items[child + 1].Distance > items[child].Distance)
                {
                    child++;
                }

                if (items[child].Distance <= last.Distance)
                {
                    break;
                }

                items[i] = items[child];
                i = child;
            }

            items[i] = last;
        }

        return top;
    }

    /// <summary>Replaces the farthest item by a closer one with a single sift-down (a push and a pop in one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReplaceTop(float distance, int node)
    {
        var items = _items;
        var count = Count;
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && items[child + 1].Distance > items[child].Distance)
            {
                child++;
            }

            if (items[child].Distance <= distance)
            {
                break;
            }

            items[i] = items[child];
            i = child;
        }

        items[i] = new NodeDistance(distance, node);
    }

    /// <summary>Empties the heap into <paramref name="destination"/> sorted nearest first; returns the count.</summary>
    public int DrainSorted(Span<NodeDistance> destination)
    {
        var n = Count;
        for (var i = n - 1; i >= 0; i--)
        {
            destination[i] = Pop();
        }

        return n;
    }
}
