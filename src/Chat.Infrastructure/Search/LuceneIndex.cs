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
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const string PositionKey = "feed-position";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public LuceneIndex(IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        _directory = FSDirectory.Open(Path.Combine(storage.Value.ResolveDataPath(environment), "search"));
        var exists = DirectoryReader.IndexExists(_directory);
        AppliedPosition = exists && DirectoryReader.ListCommits(_directory)[^1].UserData.TryGetValue(PositionKey, out var stored)
            ? long.Parse(stored, CultureInfo.InvariantCulture)
            : 0;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        CommittedPosition = AppliedPosition;
    }

    /// <summary>The last feed position whose change searches see.</summary>
    public long AppliedPosition { get; private set; }

    /// <summary>The last feed position stored durably with the index.</summary>
    public long CommittedPosition { get; private set; }

    /// <summary>Writes the messages' current documents, removes the gone ones, and makes both searchable.</summary>
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
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Empties the index, to be built again from the start of the feed.</summary>
    public void Clear()
    {
        _writer.DeleteAll();
        AppliedPosition = 0;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes what was applied durable, with the position it reached.</summary>
    public void Commit()
    {
        if (CommittedPosition == AppliedPosition && DirectoryReader.IndexExists(_directory))
        {
            return;
        }

        _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = AppliedPosition.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        CommittedPosition = AppliedPosition;
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
        _writer.Dispose();
        _directory.Dispose();
    }
}
