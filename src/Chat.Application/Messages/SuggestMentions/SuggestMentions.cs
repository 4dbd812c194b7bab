using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.People;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Messages.SuggestMentions;

/// <param name="Query">What was typed after the @, possibly nothing.</param>
public sealed record SuggestMentions(Guid ChannelId, string Query);

/// <param name="IsMember">False for people outside the channel: mentioning them reaches nobody until they join.</param>
public sealed record MentionSuggestion(string Handle, string DisplayName, bool IsMember);

/// <summary>Completions for an @ typed in the composer: the channel's members first, then @here and @channel.</summary>
public sealed class SuggestMentionsHandler(ICurrentActor currentActor, IChannelStore channels, IUserDirectory directory)
    : IUseCase<SuggestMentions, IReadOnlyList<MentionSuggestion>>
{
    public const int Limit = 8;

    private static readonly MentionSuggestion[] Broadcasts =
    [
        new("here", "Notify everyone online in this conversation", true),
        new("channel", "Notify everyone in this conversation", true),
    ];

    public async Task<Result<IReadOnlyList<MentionSuggestion>>> HandleAsync(
        SuggestMentions request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var query = (request.Query ?? string.Empty).Trim().ToLowerInvariant();
        if (query.Length > UserHandle.MaxLength)
        {
            return Result<IReadOnlyList<MentionSuggestion>>.Success([]);
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var members = (await channels.ListMemberIdsAsync(request.ChannelId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var people = await directory.SearchAsync(query, Limit * 2, cancellationToken);
        var suggestions = people
            .Where(p => p.Id != userId.Value)
            .Select(p => new MentionSuggestion(p.Handle, p.DisplayName, members.Contains(p.Id)))
            .OrderByDescending(s => s.IsMember)
            .ThenByDescending(s => s.Handle.StartsWith(query, StringComparison.Ordinal))
            .Concat(Broadcasts.Where(b => b.Handle.StartsWith(query, StringComparison.Ordinal)))
            .Take(Limit);
        return Result<IReadOnlyList<MentionSuggestion>>.Success([.. suggestions]);
    }
}
