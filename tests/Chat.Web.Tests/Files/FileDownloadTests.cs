using System.Net;
using Chat.Application.Files;
using Chat.Application.Messages;
using Chat.Domain.Files;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Chat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Files;

/// <summary>The download endpoint through the real pipeline: access on every request, safe headers, ranges.</summary>
public sealed class FileDownloadTests : WebAppTest
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 200).Select(i => (byte)i)];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] ThumbnailBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9];

    public FileDownloadTests() => App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";

    [Fact]
    public async Task A_member_downloads_a_clean_file_as_an_attachment_with_its_name_safely_encoded()
    {
        var id = await ShareAsync("general", "Jahresbericht \"final\" ä.pdf", Pdf, ScanStatus.Clean);
        using var bob = await SignedInAsync("bob");

        var response = await bob.Http.GetAsync($"/files/{id}/report.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Jahresbericht \"final\" ä.pdf");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.Private.ShouldBeTrue("a private file is never kept by a shared cache");
        response.Headers.CacheControl.NoStore.ShouldBeTrue();
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task A_raster_image_is_shown_inline_in_a_sandbox()
    {
        var id = await ShareAsync("general", "chart.png", Png, ScanStatus.Clean);
        using var bob = await SignedInAsync("bob");

        var response = await bob.Http.GetAsync($"/files/{id}/chart.png");

        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
    }

    [Fact]
    public async Task An_images_thumbnail_is_served_to_members_and_other_files_have_none()
    {
        var image = await ShareAsync("general", "chart.png", Png, ScanStatus.Clean, withThumbnail: true);
        var document = await ShareAsync("general", "notes.pdf", Pdf, ScanStatus.Clean);
        var secret = await ShareAsync("engineering", "plan.png", Png, ScanStatus.Clean, withThumbnail: true);
        using var bob = await SignedInAsync("bob");

        var thumbnail = await bob.Http.GetAsync($"/files/{image}/thumbnail");

        thumbnail.StatusCode.ShouldBe(HttpStatusCode.OK);
        thumbnail.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await thumbnail.Content.ReadAsByteArrayAsync()).ShouldBe(ThumbnailBytes);
        thumbnail.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await bob.Http.GetAsync($"/files/{document}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.Http.GetAsync($"/files/{secret}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Large_files_can_be_fetched_by_range()
    {
        var id = await ShareAsync("general", "manual.pdf", Pdf, ScanStatus.Clean);
        using var bob = await SignedInAsync("bob");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{id}/manual.pdf");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);

        var response = await bob.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 10-19/{Pdf.Length}");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf[10..20]);
    }

    [Fact]
    public async Task A_link_to_a_private_channels_file_gives_an_outsider_not_found_and_a_member_the_file()
    {
        var id = await ShareAsync("engineering", "roadmap.pdf", Pdf, ScanStatus.Clean);
        using var bob = await SignedInAsync("bob");
        using var dan = await SignedInAsync("dan");

        (await bob.Http.GetAsync($"/files/{id}/roadmap.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dan.Http.GetAsync($"/files/{id}/roadmap.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(ScanStatus.Pending, HttpStatusCode.Conflict, "still being scanned")]
    [InlineData(ScanStatus.Infected, HttpStatusCode.Gone, "malware was detected")]
    [InlineData(ScanStatus.ScanFailed, HttpStatusCode.Forbidden, "could not be scanned")]
    public async Task Nothing_is_served_before_a_clean_scan(ScanStatus status, HttpStatusCode expected, string says)
    {
        var id = await ShareAsync("general", "notes.pdf", Pdf, status);
        using var bob = await SignedInAsync("bob");

        var response = await bob.Http.GetAsync($"/files/{id}/notes.pdf");

        response.StatusCode.ShouldBe(expected);
        (await response.Content.ReadAsStringAsync()).ShouldContain(says);
    }

    [Fact]
    public async Task Nobody_signed_out_gets_a_file()
    {
        var id = await ShareAsync("general", "public.pdf", Pdf, ScanStatus.Clean);
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.Http.GetAsync($"/files/{id}/public.pdf");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldNotBe(Pdf);
    }

    private async Task<BrowserClient> SignedInAsync(string user)
    {
        var browser = App.CreateBrowser();
        (await browser.LoginAsync($"{user}@demo.chat", "ChatDemo2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>A file Alice shared with a message in a channel, stored for real, with the given scan verdict.</summary>
    private async Task<Guid> ShareAsync(string channel, string name, byte[] content, ScanStatus status, bool withThumbnail = false)
    {
        _ = App.Server;
        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        var channelId = (await db.Channels.SingleAsync(c => c.Name == channel)).Id;
        var alice = (await db.Users.SingleAsync(u => u.Email == "alice@demo.chat")).Id;
        var blob = (await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(content), 1 << 20, default))!;
        var file = StoredFile.Upload(channelId, alice, name, FileType.Check(name, content).Value, blob.Size, blob.Sha256, blob.Key, DateTimeOffset.UtcNow);
        if (withThumbnail)
        {
            var thumbnail = (await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(ThumbnailBytes), 1 << 20, default))!;
            file.UsePreparedImage(blob.Key, blob.Size, blob.Sha256, 4, 3, thumbnail.Key, "image/png", 4, 3);
        }

        if (status != ScanStatus.Pending)
        {
            file.RecordScan(status, status == ScanStatus.Infected ? "Eicar" : null, DateTimeOffset.UtcNow);
        }

        var message = await scope.ServiceProvider.GetRequiredService<IMessageStore>().AppendAsync(
            new NewMessage(channelId, alice, Guid.NewGuid(), MessageBody.Create("shared a file").Value, DateTimeOffset.UtcNow), default);
        file.AttachTo(message.Message.Id, alice);
        await scope.ServiceProvider.GetRequiredService<IFileRecords>().AddAsync(file, default);
        return file.Id;
    }
}
