using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Chat.Infrastructure.Persistence;
using Chat.E2E.Tests;
using Chat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Files;

/// <summary>The upload endpoint through the real pipeline: antiforgery, type checks, access, rate limit.</summary>
public sealed class FileUploadTests : WebAppTest
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), 1, 2, 3];

    public FileUploadTests()
    {
        App.Settings["Bootstrap:SeedDemoWorkspace"] = "true";
        App.Settings["RateLimits:UploadsPerMinute"] = "4";
    }

    [Fact]
    public async Task A_member_uploads_a_file_which_waits_for_its_scan_before_anyone_can_download_it()
    {
        using var bob = await SignedInAsync("bob");

        var response = await UploadAsync(bob, "general", "agenda.pdf", Pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var file = (await response.Content.ReadFromJsonAsync<UploadedFile>())!;
        file.Name.ShouldBe("agenda.pdf");
        file.ContentType.ShouldBe("application/pdf");
        file.Size.ShouldBe(Pdf.Length);

        // Without clamd configured, the embedded default passes it as not scanned once the job has run.
        await Eventually.TrueAsync(
            async () => (await bob.Http.GetAsync(response.Headers.Location)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "the scan job to let the file through");
    }

    [Fact]
    public async Task A_program_renamed_as_an_image_is_refused_with_what_it_really_is()
    {
        using var bob = await SignedInAsync("bob");

        var response = await UploadAsync(bob, "general", "holiday.png", [0x4D, 0x5A, 0x90, 0, 3, 0]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldContain("a Windows program");
        (await FileCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        using var bob = await SignedInAsync("bob");

        var response = await UploadAsync(bob, "general", "agenda.pdf", Pdf, withAntiforgery: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await FileCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_gets_a_problem_answer_not_the_error_page()
    {
        using var bob = await SignedInAsync("bob");
        var truncated = new StringContent("--cut\r\nContent-Disposition: form-data; name=\"channelId\"\r\n\r\n42");
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var response = await bob.Http.PostAsync("/files", truncated);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<Problem>())!.Code.ShouldBe("request.invalid");
        (await FileCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_outsider_cannot_upload_into_a_private_channel()
    {
        using var bob = await SignedInAsync("bob");

        var response = await UploadAsync(bob, "engineering", "leak.pdf", Pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        (await FileCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Uploading_too_fast_is_refused_with_a_clear_answer_and_a_retry_time()
    {
        using var erin = await SignedInAsync("erin");
        for (var i = 0; i < 4; i++)
        {
            var accepted = await UploadAsync(erin, "general", $"page-{i}.pdf", Pdf);
            accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        }

        var refused = await UploadAsync(erin, "general", "one-more.pdf", Pdf);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many uploads");
    }

    private async Task<HttpResponseMessage> UploadAsync(BrowserClient browser, string channel, string name, byte[] content, bool withAntiforgery = true)
    {
        var page = await browser.GetPageAsync("/Account/Manage");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']").ShouldNotBeNull().Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent((await ChannelIdAsync(channel)).ToString()), "channelId");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (withAntiforgery)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await browser.Http.PostAsync("/files", form);
    }

    private async Task<BrowserClient> SignedInAsync(string user)
    {
        var browser = App.CreateBrowser();
        (await browser.LoginAsync($"{user}@demo.chat", "ChatDemo2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<Guid> ChannelIdAsync(string name)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return (await db.Channels.SingleAsync(c => c.Name == name)).Id;
    }

    private async Task<int> FileCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return await db.Files.CountAsync();
    }

    private sealed record Problem(string Title, string Code);

    private sealed record UploadedFile(Guid Id, string Name, string ContentType, long Size);
}
