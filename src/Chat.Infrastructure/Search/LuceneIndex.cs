using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Search;

/// <summary>
/// This node's Lucene index under <c>{DataPath}/search</c>: one writer, near-real-time searchers, and the position in
/// the change feed it has applied, stored inside each commit so that after a crash it resumes where its index is.
/// A rebuild fills a new generation beside the live one, which keeps answering until the new one takes over.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private readonly string _root;
    private readonly System.Threading.Lock _gate = new();
    private volatile IndexGeneration _live;

    public LuceneIndex(IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        _root = Path.Combine(storage.Value.ResolveDataPath(environment), "search");
        System.IO.Directory.CreateDirectory(_root);
        var active = Path.Combine(_root, "active");
        _live = IndexGeneration.Open(Path.Combine(_root, File.Exists(active) ? File.ReadAllText(active).Trim() : "g0"));
    }

    /// <summary>The last feed position whose change searches see.</summary>
    public long AppliedPosition => _live.AppliedPosition;

    /// <summary>The last feed position stored durably with the index.</summary>
    public long CommittedPosition => _live.CommittedPosition;

    /// <summary>
    /// Whether the live index was built with other fields or analysis than this version writes (or never built): it is
    /// then rebuilt from the messages, and searched as it is meanwhile.
    /// </summary>
    public bool NeedsRebuild => !_live.HasCurrentLayout;

    /// <summary>Messages in the live index.</summary>
    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Writes the messages' current documents and removes the gone ones; searches see them after <see cref="Refresh"/>.</summary>
    public void Apply(IReadOnlyCollection<IndexedMessage> current, IReadOnlyCollection<Guid> gone, long position)
    {
        lock (_gate)
        {
            _live.Apply(current, gone, position);
        }
    }

    /// <summary>Makes everything applied so far visible to searches (a near-real-time reopen: cheap, not durable).</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            _live.Refresh();
        }
    }

    /// <summary>Makes what was applied durable, with the position it reached.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _live.Commit();
        }
    }

    /// <summary>Empties the index, to be built again from the start of the feed.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _live.Clear();
        }
    }

    /// <summary>A new, empty generation beside the live one, for a rebuild to fill.</summary>
    public IndexGeneration StartGeneration() =>
        IndexGeneration.Open(Path.Combine(_root, $"g{DateTime.UtcNow:yyyyMMddHHmmssfff}"));

    /// <summary>
    /// Makes a filled generation the live one: committed at <paramref name="position"/> (the feed position its copy
    /// started from, so the indexer applies what changed meanwhile), recorded as active, and the old one removed.
    /// </summary>
    public void Activate(IndexGeneration next, long position)
    {
        IndexGeneration old;
        lock (_gate)
        {
            next.Apply([], [], position);
            next.MarkCurrentLayout();
            next.Commit();
            next.Refresh();
            var pointer = Path.Combine(_root, "active");
            File.WriteAllText(pointer + ".new", next.Name);
            File.Move(pointer + ".new", pointer, overwrite: true);
            (old, _live) = (_live, next);
        }

        old.Dispose();
        System.IO.Directory.Delete(old.Path, recursive: true);
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        try
        {
            return _live.Search(search);
        }
        catch (ObjectDisposedException)
        {
            // The generation was replaced between reading it and searching it: the new one answers.
            return _live.Search(search);
        }
    }

    public void Dispose() => _live.Dispose();
}

/// <summary>One index folder with its writer and searchers.</summary>
internal sealed class IndexGeneration : IDisposable
{
    private const string PositionKey = "feed-position";
    private const string LayoutKey = "layout";

    // Raised whenever the documents' fields or their analysis change, so that existing indexes are rebuilt.
    private const string Layout = "2";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private IndexGeneration(string path)
    {
        Path = path;
        _directory = FSDirectory.Open(path);
        var committed = DirectoryReader.IndexExists(_directory)
            ? DirectoryReader.ListCommits(_directory)[^1].UserData
            : new Dictionary<string, string>();
        AppliedPosition = committed.TryGetValue(PositionKey, out var stored) ? long.Parse(stored, CultureInfo.InvariantCulture) : 0;
        HasCurrentLayout = committed.TryGetValue(LayoutKey, out var layout) && layout == Layout;
        CommittedPosition = AppliedPosition;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public long AppliedPosition { get; private set; }

    public long CommittedPosition { get; private set; }

    /// <summary>Whether every message in it was written with this version's fields and analysis.</summary>
    public bool HasCurrentLayout { get; private set; }

    /// <summary>Marks a generation filled from all messages by this version.</summary>
    public void MarkCurrentLayout() => HasCurrentLayout = true;

    public static IndexGeneration Open(string path) => new(path);

    public void Apply(IReadOnlyCollection<IndexedMessage> current, IReadOnlyCollection<Guid> gone, long position)
    {
        foreach (var message in current)
        {
            _writer.UpdateDocument(new Term(MessageFields.Id, message.Id.ToString()), MessageFields.ToDocument(message));
        }

        foreach (var id in gone)
        {
            _writer.DeleteDocuments(new Term(MessageFields.Id, id.ToString()));
        }

        AppliedPosition = position;
    }

    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public void Commit()
    {
        if (CommittedPosition == AppliedPosition && DirectoryReader.IndexExists(_directory))
        {
            return;
        }

        var data = new Dictionary<string, string> { [PositionKey] = AppliedPosition.ToString(CultureInfo.InvariantCulture) };
        if (HasCurrentLayout)
        {
            data[LayoutKey] = Layout;
        }

        _writer.SetCommitData(data);
        _writer.Commit();
        CommittedPosition = AppliedPosition;
    }

    public void Clear()
    {
        _writer.DeleteAll();
        AppliedPosition = 0;
        _searchers.MaybeRefreshBlocking();
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        try
        {
            _writer.Dispose();
        }
        catch (IOException) when (!System.IO.Directory.Exists(Path))
        {
            // The folder was removed under the index (the data folder deleted): nothing is left to keep or close,
            // and the index is rebuilt from the database on the next start.
        }

        _directory.Dispose();
    }
}
