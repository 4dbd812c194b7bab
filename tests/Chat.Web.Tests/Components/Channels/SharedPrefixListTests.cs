using Chat.Web.Components.Channels;

namespace Chat.Web.Tests.Components.Channels;

// A list a block of messages rendered must not change under it: a block compares what it rendered with what it is
// given to decide whether to render again, so a changed earlier version would hide a new message or an edit.
public class SharedPrefixListTests
{
    [Fact]
    public void Appending_leaves_every_earlier_version_as_it_was()
    {
        var first = SharedPrefixList<string>.Of(["a", "b"]);

        var second = first.Append("c");
        var third = second.Append("d");

        first.ShouldBe(["a", "b"]);
        second.ShouldBe(["a", "b", "c"]);
        third.ShouldBe(["a", "b", "c", "d"]);
        second.AsSegment().ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Appending_to_an_older_version_does_not_overwrite_what_a_newer_one_appended()
    {
        var first = SharedPrefixList<string>.Of(["a"]);
        var newer = first.Append("b");

        var branch = first.Append("x");

        newer.ShouldBe(["a", "b"]);
        branch.ShouldBe(["a", "x"]);
    }

    [Fact]
    public void Replacing_an_item_makes_a_new_list_and_appends_grow_past_the_room_kept()
    {
        var list = SharedPrefixList<int>.Empty;
        for (var i = 0; i < 100; i++)
        {
            list = list.Append(i);
        }

        var edited = list.With(3, -3);

        list[3].ShouldBe(3);
        edited[3].ShouldBe(-3);
        edited.Count.ShouldBe(100);
        list.ShouldBe(Enumerable.Range(0, 100));
        Should.Throw<ArgumentOutOfRangeException>(() => list[100]);
    }
}
