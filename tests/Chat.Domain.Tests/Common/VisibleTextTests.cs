using Chat.Domain.Common;
using Chat.Domain.Files;
using Chat.Domain.Users;

namespace Chat.Domain.Tests.Common;

public class VisibleTextTests
{
    [Fact]
    public void A_right_to_left_override_cannot_make_a_text_file_look_like_a_pdf()
    {
        // "invoice‮fdp.txt" shows as "invoicetxt.pdf" in a right-to-left override.
        FileName.Clean("invoice\u202Efdp.txt").ShouldBe("invoicefdp.txt");
    }

    [Fact]
    public void Invisible_characters_and_direction_marks_are_removed_and_text_is_composed()
    {
        VisibleText.Clean("Bo\u200Bb\u2066 Baker\u2069\u200F\uFEFF").ShouldBe("Bob Baker");
        VisibleText.Clean("Zoe\u0301").ShouldBe("Zoé");
        VisibleText.Clean("Zoe\u0301").Length.ShouldBe(3);
    }

    [Fact]
    public void Joiners_that_emoji_and_scripts_need_stay()
    {
        VisibleText.Clean("👩\u200D💻 Dev").ShouldBe("👩\u200D💻 Dev");
        VisibleText.Clean("می\u200Cخواهم").ShouldBe("می\u200Cخواهم");
    }

    [Fact]
    public void A_display_name_made_only_of_invisible_characters_is_empty_and_refused()
    {
        DisplayName.Create("\u200B\u202E\u2060").Error!.Code.ShouldBe("profile.display_name.empty");
        DisplayName.Create("Ann\u202E Lee").Value.Value.ShouldBe("Ann Lee");
    }
}
