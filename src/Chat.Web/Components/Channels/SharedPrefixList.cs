using System.Collections;

namespace Chat.Web.Components.Channels;

/// <summary>
/// An immutable list whose <see cref="Append"/> copies nothing: its versions share one buffer, each viewing a prefix
/// of it, and an append writes past the end of every earlier version's view, so none of them changes. A channel's
/// feed appends every message in every viewer's tab, where copying the messages held cost each tab more than
/// rendering the new one. One writer only (the feed of one circuit).
/// </summary>
internal sealed class SharedPrefixList<T> : IReadOnlyList<T>
{
    private readonly Buffer _buffer;

    private SharedPrefixList(Buffer buffer, int count) => (_buffer, Count) = (buffer, count);

    public static SharedPrefixList<T> Empty { get; } = new(new Buffer([]), 0);

    public int Count { get; }

    public T this[int index] => (uint)index < (uint)Count ? _buffer.Items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A new list of <paramref name="items"/>, with room to append.</summary>
    public static SharedPrefixList<T> Of(IEnumerable<T> items)
    {
        var copied = items.ToArray();
        var buffer = new Buffer(new T[copied.Length + Math.Max(16, copied.Length / 2)]) { Written = copied.Length };
        copied.CopyTo(buffer.Items, 0);
        return new SharedPrefixList<T>(buffer, copied.Length);
    }

    public SharedPrefixList<T> Append(T item)
    {
        // Only the newest version may write into the spare room: another version has already used it.
        if (_buffer.Written != Count || Count == _buffer.Items.Length)
        {
            return Of(this).Append(item);
        }

        _buffer.Items[Count] = item;
        _buffer.Written = Count + 1;
        return new SharedPrefixList<T>(_buffer, Count + 1);
    }

    /// <summary>A new list with the item at <paramref name="index"/> replaced; this one stays as it is.</summary>
    public SharedPrefixList<T> With(int index, T item)
    {
        var copy = Of(this);
        copy._buffer.Items[index] = item;
        return copy;
    }

    /// <summary>The items as a view of the shared buffer, which this version's items never leave.</summary>
    public ArraySegment<T> AsSegment() => new(_buffer.Items, 0, Count);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)AsSegment()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Buffer(T[] items)
    {
        public T[] Items { get; } = items;

        public int Written { get; set; }
    }
}
