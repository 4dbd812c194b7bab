using Chat.Domain.Common;

namespace Chat.Domain.Channels;

/// <summary>A conversation: a public or private channel, a direct message or a group message.</summary>
public sealed class Channel
{
    public const int MaxTopicLength = 250;

    private readonly List<ChannelMember> _members = [];

    private Channel()
    {
        Name = string.Empty;
        Topic = string.Empty;
        Purpose = string.Empty;
        CreatedById = string.Empty;
    }

    private Channel(ChannelName name, ChannelKind kind, string createdById, DateTimeOffset createdAt)
        : this(name.Value, kind, createdById, createdAt)
    {
    }

    private Channel(string name, ChannelKind kind, string createdById, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        Name = name;
        Kind = kind;
        Topic = string.Empty;
        Purpose = string.Empty;
        CreatedById = createdById;
        CreatedAt = createdAt;
        _members.Add(new ChannelMember(Id, createdById, ChannelRole.Owner, createdAt));
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public ChannelKind Kind { get; private set; }

    public const int MaxGroupSize = 8;

    public string Topic { get; private set; }

    public string Purpose { get; private set; }

    public string CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsArchived { get; private set; }

    /// <summary>The sequence of the newest message; the store advances it in the same transaction as the insert.</summary>
    public long LastSequence { get; private set; }

    public IReadOnlyCollection<ChannelMember> Members => _members;

    /// <summary>Creates a public or private channel owned by its creator.</summary>
    public static Result<Channel> Create(
        ChannelName name, ChannelKind kind, string createdById, DateTimeOffset createdAt)
    {
        if (kind is not (ChannelKind.Public or ChannelKind.Private))
        {
            return Error.Invalid("channel.kind.invalid", "Only public and private channels are created by name.");
        }

        return new Channel(name, kind, createdById, createdAt);
    }

    /// <summary>
    /// A direct message (two people) or group message (three to eight). Its name is derived from the members,
    /// so opening the same conversation again finds the existing one, and the unique name settles races.
    /// </summary>
    public static Result<Channel> OpenDirect(string openerId, IEnumerable<string> otherUserIds, DateTimeOffset at)
    {
        var members = otherUserIds.Append(openerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (members.Count < 2)
        {
            return Error.Invalid("dm.nobody", "Choose at least one other person.");
        }

        if (members.Count > MaxGroupSize)
        {
            return Error.Invalid("dm.too_many", $"Group messages have at most {MaxGroupSize} people.");
        }

        var kind = members.Count == 2 ? ChannelKind.Direct : ChannelKind.Group;
        var channel = new Channel(DirectName(members), kind, openerId, at);
        foreach (var member in members)
        {
            channel.AddMember(member, at);
        }

        return channel;
    }

    /// <summary>Sets what the channel is talking about now (topic) and what it is for (purpose).</summary>
    public Result Describe(string? topic, string? purpose)
    {
        var trimmedTopic = (topic ?? string.Empty).Trim();
        var trimmedPurpose = (purpose ?? string.Empty).Trim();
        if (trimmedTopic.Length > MaxTopicLength || trimmedPurpose.Length > MaxTopicLength)
        {
            return Error.Invalid(
                "channel.description.too_long", $"Topic and purpose can be at most {MaxTopicLength} characters each.");
        }

        Topic = trimmedTopic;
        Purpose = trimmedPurpose;
        return Result.Success();
    }

    /// <summary>Gives a public or private channel a new name; direct messages keep the name made from their members.</summary>
    public Result Rename(ChannelName name)
    {
        if (Kind is not (ChannelKind.Public or ChannelKind.Private))
        {
            return Error.Invalid("channel.rename_direct", "Direct messages have no name to change.");
        }

        Name = name.Value;
        return Result.Success();
    }

    /// <summary>Archives the channel (read-only, out of the sidebar) or brings it back.</summary>
    public Result SetArchived(bool archived)
    {
        if (Kind is not (ChannelKind.Public or ChannelKind.Private))
        {
            return Error.Invalid("channel.archive_direct", "Direct messages cannot be archived.");
        }

        IsArchived = archived;
        return Result.Success();
    }

    public bool HasMember(string userId) => _members.Any(m => m.UserId == userId);

    private static string DirectName(IEnumerable<string> sortedMemberIds)
    {
        var key = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', sortedMemberIds)));
        return "dm-" + Convert.ToHexStringLower(key)[..40];
    }

    /// <summary>Adds a member; joining twice changes nothing.</summary>
    public void AddMember(string userId, DateTimeOffset joinedAt)
    {
        if (!HasMember(userId))
        {
            _members.Add(new ChannelMember(Id, userId, ChannelRole.Member, joinedAt));
        }
    }
}
