using Chat.Application.Messages;
using Chat.Domain.Files;
using Chat.Web.Components.Channels;

namespace Chat.Web.Tests.Components.Channels;

/// <summary>Events about one message arrive in any order; what a tab shows must end up as the newest of each part.</summary>
public sealed class NewerCopyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly MessageDto Original = new(
        Guid.NewGuid(), Guid.NewGuid(), 7, "bob", "Bob", "lunch?", "<p>lunch?</p>", Noon, Version: 1);

    private static readonly ReactionDto ThumbsUp = new("+1", "👍", ["ann"], ["Ann"]);

    private static readonly ThreadSummaryDto TwoReplies = new(2, Noon, ["ann"], ["Ann"]);

    [Fact]
    public void An_edit_made_before_a_reaction_but_arriving_after_it_keeps_the_reaction_and_the_replies()
    {
        var held = Original with { Reactions = [ThumbsUp], ReactionRevision = 1, Thread = TwoReplies };
        var editedBefore = Original with { Body = "lunch at 1?", Version = 2 };

        var shown = NewerCopy.OfVersion(held, editedBefore);

        shown.ShouldNotBeNull();
        (shown.Body, shown.Reactions.Single(), shown.Thread).ShouldBe(("lunch at 1?", ThumbsUp, TwoReplies));
    }

    [Fact]
    public void Copies_no_newer_than_the_one_held_change_nothing()
    {
        var held = Original with { Version = 2, Reactions = [ThumbsUp], ReactionRevision = 2, Thread = TwoReplies };

        NewerCopy.OfVersion(held, Original with { Body = "stale" }).ShouldBeNull();
        NewerCopy.OfReactions(held, Original with { ReactionRevision = 1 }).ShouldBeNull();
        NewerCopy.OfThread(held, Original with { Thread = TwoReplies with { ReplyCount = 1 } }).ShouldBeNull();
    }

    [Fact]
    public void Newer_reactions_and_a_longer_thread_replace_only_their_part()
    {
        var held = Original with { Body = "lunch at 1?", Version = 2 };

        var reacted = NewerCopy.OfReactions(held, Original with { Reactions = [ThumbsUp], ReactionRevision = 1 });
        var replied = NewerCopy.OfThread(reacted!, Original with { Thread = TwoReplies });

        (replied!.Body, replied.Version, replied.Reactions.Single(), replied.Thread).ShouldBe(("lunch at 1?", 2, ThumbsUp, TwoReplies));
    }

    [Fact]
    public void A_scan_verdict_replaces_only_its_own_file()
    {
        var pending = new AttachmentDto(Guid.NewGuid(), "menu.pdf", "application/pdf", 1200, ScanStatus.Pending, false);
        var other = pending with { Id = Guid.NewGuid(), Name = "map.png" };
        var held = Original with { Files = [pending, other] };

        var shown = NewerCopy.WithScanned(held, pending with { ScanStatus = ScanStatus.Clean });

        shown.Files.Select(f => (f.Name, f.ScanStatus)).ShouldBe([("menu.pdf", ScanStatus.Clean), ("map.png", ScanStatus.Pending)]);
    }
}
