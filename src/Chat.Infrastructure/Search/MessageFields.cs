using Lucene.Net.Documents;

namespace Chat.Infrastructure.Search;

/// <summary>The fields of a message's document in the index.</summary>
internal static class MessageFields
{
    public const string Id = "id";
    public const string Channel = "channel";
    public const string Sender = "sender";
    public const string Version = "version";
    public const string At = "at";
    public const string Body = "body";
    public const string Exact = "exact";
    public const string Prefix = "prefix";
    public const string Flag = "flag";

    // Word beginnings are only ever looked up, never scored or put in phrases: no positions, frequencies or norms.
    private static readonly FieldType PrefixType = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
    };

    /// <summary>The document for a message as the database holds it now.</summary>
    public static Document ToDocument(IndexedMessage message)
    {
        var text = message.FileNames.Count == 0 ? message.Text : $"{message.Text}\n{string.Join("\n", message.FileNames)}";
        var document = new Document
        {
            new StringField(Id, message.Id.ToString(), Field.Store.YES),
            new StringField(Channel, message.ChannelId.ToString(), Field.Store.NO),
            new StringField(Sender, message.SenderId, Field.Store.NO),
            new StoredField(Version, message.Version),
            new Int64Field(At, message.At.ToUnixTimeMilliseconds(), Field.Store.NO),
            new NumericDocValuesField(At, message.At.ToUnixTimeMilliseconds()),
            new TextField(Body, text, Field.Store.YES),
            new TextField(Exact, text, Field.Store.NO),
            new Field(Prefix, text, PrefixType),
        };
        foreach (var flag in message.Flags)
        {
            document.Add(new StringField(Flag, flag.ToString(), Field.Store.NO));
        }

        return document;
    }
}

/// <summary>What the index keeps of a message: its text without Markdown, file names, and what the filters need.</summary>
internal sealed record IndexedMessage(
    Guid Id, Guid ChannelId, string SenderId, int Version, DateTimeOffset At, string Text,
    IReadOnlyList<string> FileNames, IReadOnlySet<Chat.Application.Search.SearchFlag> Flags);
