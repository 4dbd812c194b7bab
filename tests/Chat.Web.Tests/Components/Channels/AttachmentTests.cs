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

    [Fact]
    public void A_verdict_that_arrives_before_its_message_is_kept_for_it()
    {
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        var pending = File("chart.png", "image/png", ScanStatus.Pending);
        var message = Messages.Replace(Messages.Add(_general, "chart") with { Files = [pending] });

        // The scan finished between the message's commit and its announcement.
        Events.Publish(new FileScanned(_general, message.Id, pending with { ScanStatus = ScanStatus.Clean, HasThumbnail = true }));
        Events.Publish(new MessagePosted(message));

        page.WaitForAssertion(() => page.Find(".attachment img").GetAttribute("src").ShouldBe($"/files/{pending.Id}/thumbnail"));
    }

    [Fact]
    public async Task The_composer_shows_upload_progress_holds_a_message_until_its_uploads_are_done_and_sends_the_files_with_it()
    {
        var stored = StoredFile.Upload(_general, UserId, "plan.pdf", FileType.Allowed["pdf"], 10, "00", "key", DateTimeOffset.UtcNow);
        Files.Files.Add(stored);
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        var composer = page.FindComponent<Composer>();
        var conversation = _general.ToString("N");

        await page.InvokeAsync(() => composer.Instance.UploadStarted(conversation, "u1", "plan.pdf"));
        await page.InvokeAsync(() => composer.Instance.UploadProgressed(conversation, "u1", 40));

        page.Find("[data-upload='plan.pdf'] progress").GetAttribute("value").ShouldBe("40");
        page.Find("[data-upload='plan.pdf']").GetAttribute("data-state").ShouldBe("uploading");
        var clientMessageId = Guid.NewGuid();
        var early = await page.InvokeAsync(() => composer.Instance.SendAsync(_general, null, clientMessageId, "", false));
        early.ShouldBe(SendAnswer.TryLater);
        Messages.All.ShouldBeEmpty();

        await page.InvokeAsync(() => composer.Instance.UploadFinished(conversation, "u1", stored.Id));
        var sent = await page.InvokeAsync(() => composer.Instance.SendAsync(_general, null, clientMessageId, "", false));

        sent.ShouldBe(SendAnswer.Accepted);
        page.WaitForAssertion(() => page.FindAll("[data-upload]").ShouldBeEmpty());
        Messages.All.ShouldHaveSingleItem().Body.ShouldBe(string.Empty);
    }

    [Fact]
    public async Task Uploads_belong_to_the_conversation_they_were_made_in()
    {
        var stored = StoredFile.Upload(_general, UserId, "plan.pdf", FileType.Allowed["pdf"], 10, "00", "key", DateTimeOffset.UtcNow);
        Files.Files.Add(stored);
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        var composer = page.FindComponent<Composer>();
        var otherThread = $"{_general:N}/{Guid.NewGuid():N}";

        await page.InvokeAsync(() => composer.Instance.UploadStarted(otherThread, "u1", "plan.pdf"));
        await page.InvokeAsync(() => composer.Instance.UploadFinished(otherThread, "u1", stored.Id));

        page.FindAll("[data-upload]").ShouldBeEmpty();
        var sent = await page.InvokeAsync(() => composer.Instance.SendAsync(_general, null, Guid.NewGuid(), "no files here", false));
        sent.ShouldBe(SendAnswer.Accepted);
        Messages.All.ShouldHaveSingleItem().Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_upload_says_why_and_can_be_removed()
    {
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));
        var composer = page.FindComponent<Composer>();
        var conversation = _general.ToString("N");

        await page.InvokeAsync(() => composer.Instance.UploadStarted(conversation, "u1", "setup.exe"));
        await page.InvokeAsync(() => composer.Instance.UploadFailed(conversation, "u1", "Files of type .exe cannot be shared."));

        page.Find("[data-upload='setup.exe'] [role='alert']").TextContent.ShouldContain(".exe cannot be shared");
        page.Find("[data-upload='setup.exe']").GetAttribute("data-state").ShouldBe("failed");
        page.Find("[data-upload='setup.exe'] .composer-upload-remove").Click();
        page.FindAll("[data-upload]").ShouldBeEmpty();
    }

    [Fact]
    public void Clicking_a_thumbnail_opens_the_full_image_over_the_page_and_escape_closes_it()
    {
        var photo = File("beach.jpg", "image/jpeg", ScanStatus.Clean, thumbnail: true);
        var list = Render<AttachmentList>(p => p.Add(c => c.Files, [photo]));

        list.Find($"[data-file='{photo.Id}'] a").Click();

        list.Find("#lightbox img").GetAttribute("src").ShouldBe($"/files/{photo.Id}/beach.jpg");
        list.Find("#lightbox .lightbox-download").GetAttribute("download").ShouldBe("beach.jpg");
        list.Find("#lightbox").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        list.FindAll("#lightbox").ShouldBeEmpty();
    }

    [Fact]
    public void The_files_panel_lists_shared_files_newest_first_and_filters_them_by_kind()
    {
        var at = DateTimeOffset.UtcNow;
        Share("notes.txt", FileType.Allowed["txt"], at.AddMinutes(-30), sequence: 3);
        Share("slides.pdf", FileType.Allowed["pdf"], at.AddMinutes(-20), sequence: 7);
        Share("team.png", FileType.Allowed["png"], at.AddMinutes(-10), sequence: 9);
        var page = Render<ChannelPage>(p => p.Add(c => c.Name, "general"));

        page.Find("#show-files").Click();

        page.WaitForAssertion(() =>
            page.FindAll(".channel-file-name").Select(f => f.TextContent).ShouldBe(["team.png", "slides.pdf", "notes.txt"]));
        page.Find(".channel-file-message").GetAttribute("href").ShouldBe("c/general/m/9");
        page.Find(".channel-files-filter[data-kind='Pdf']").Click();
        page.WaitForAssertion(() => page.FindAll(".channel-file-name").Select(f => f.TextContent).ShouldBe(["slides.pdf"]));
        page.Find(".channel-files-filter[data-kind='Archive']").Click();
        page.WaitForAssertion(() => page.Find("#channel-files").TextContent.ShouldContain("No files of this kind here"));
        page.Find(".channel-files-close").Click();
        page.WaitForAssertion(() => page.FindAll("#channel-files").ShouldBeEmpty());
    }

    private void Share(string name, FileType type, DateTimeOffset at, long sequence)
    {
        var file = StoredFile.Upload(_general, UserId, name, type, 100, "00", Guid.NewGuid().ToString("N"), at);
        var messageId = Guid.NewGuid();
        file.AttachTo(messageId, UserId);
        file.RecordScan(ScanStatus.Clean, null, at);
        Files.Files.Add(file);
        Files.Sequences[messageId] = sequence;
    }

    private static AttachmentDto File(string name, string type, ScanStatus status, bool thumbnail = false) =>
        new(Guid.NewGuid(), name, type, 2048, status, thumbnail, thumbnail ? 360 : null, thumbnail ? 240 : null);
}
