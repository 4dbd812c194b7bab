using Bunit;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Domain.Channels;
using Chat.Domain.Files;
using Chat.Web.Components.Channels;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Components.Channels;

public class AttachmentTests : ComponentTestContext
{
    private readonly Guid _general = Guid.NewGuid();

    public AttachmentTests() =>
        Channels.Channels.Add(new ChannelAccess(_general, "general", ChannelKind.Public, false, ChannelRole.Member));

    [Fact]
    public void Only_clean_files_link_anywhere_and_a_removed_one_says_why()
    {
        var photo = File("beach.jpg", "image/jpeg", ScanStatus.Clean, thumbnail: true);
        var report = File("Q3 report.pdf", "application/pdf", ScanStatus.Clean);
        var pending = File("draft.pdf", "application/pdf", ScanStatus.Pending);
        var infected = File("invoice.zip", "application/zip", ScanStatus.Infected);

        var list = Render<AttachmentList>(p => p.Add(c => c.Files, [photo, report, pending, infected]));

        list.Find($"[data-file='{photo.Id}'] img").GetAttribute("src").ShouldBe($"/files/{photo.Id}/thumbnail");
        list.Find($"[data-file='{report.Id}'] a").GetAttribute("href").ShouldBe($"/files/{report.Id}/Q3%20report.pdf");
        list.Find($"[data-file='{pending.Id}']").TextContent.ShouldContain("scanning…");
        list.FindAll($"[data-file='{pending.Id}'] a").ShouldBeEmpty();
        list.Find($"[data-file='{infected.Id}']").TextContent.ShouldContain("file removed: malware detected");
        list.Find($"[data-file='{infected.Id}']").TextContent.ShouldNotContain("invoice.zip");
    }

    [Fact]
    public void A_finished_scan_turns_scanning_into_the_file_for_every_viewer_live()
    {
        var pending = File("draft.pdf", "application/pdf", ScanStatus.Pending);
        var message = Messages.Replace(Messages.Add(_general, "see attached") with { Files = [pending] });
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        page.Find(".attachment").TextContent.ShouldContain("scanning…");

        Events.Publish(new FileScanned(_general, message.Id, pending with { ScanStatus = ScanStatus.Clean }));

        page.WaitForAssertion(() => page.Find(".attachment a").GetAttribute("href").ShouldBe($"/files/{pending.Id}/draft.pdf"));
    }

    private static AttachmentDto File(string name, string type, ScanStatus status, bool thumbnail = false) =>
        new(Guid.NewGuid(), name, type, 2048, status, thumbnail, thumbnail ? 360 : null, thumbnail ? 240 : null);
}
