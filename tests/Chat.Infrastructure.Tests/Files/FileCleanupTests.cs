using Chat.Application.Files.CleanUpFiles;
using Chat.Application.Files.GetFile;
using Chat.Application.Files.ListChannelFiles;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Files;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Chat.Infrastructure.Tests.Files;

/// <summary>Files leave with their message, and the sweep leaves no bytes or records that nobody can reach.</summary>
public sealed class FileCleanupTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\nagenda"u8.ToArray();
    private FilesWorkspace _files = default!;

    public async Task InitializeAsync() => _files = await FilesWorkspace.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _files.DisposeAsync();

    [Fact]
    public async Task Deleting_a_message_removes_its_files_bytes_and_thumbnails_and_their_downloads()
    {
        var (message, photo, agenda) = await ShareAsync("bob", "roadmap.png", Png(800, 400), "agenda.pdf", Pdf);
        var keys = (await _files.FileAsync(photo)).StorageKeys.Concat((await _files.FileAsync(agenda)).StorageKeys).ToList();
        keys.Count.ShouldBe(3, "the photo has a thumbnail beside it");

        (await _files.As<DeleteMessageHandler>("bob").HandleAsync(new DeleteMessage(message))).Succeeded.ShouldBeTrue();

        foreach (var key in keys)
        {
            (await _files.Store.OpenAsync(key, default)).ShouldBeNull();
        }

        var download = await _files.As<GetFileHandler>("dan").HandleAsync(new GetFile(agenda));
        download.Error!.Code.ShouldBe("file.deleted");
        (await _files.As<ListChannelFilesHandler>("dan").HandleAsync(new ListChannelFiles(_files.Channels["general"]))).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_removes_abandoned_uploads_and_unused_bytes_but_never_what_is_shared_or_recent()
    {
        var (_, shared, _) = await ShareAsync("bob", "minutes.pdf", Pdf, "notes.txt", "notes"u8.ToArray());
        var abandoned = await _files.UploadAsync("dan", "general", "draft.pdf", Pdf);
        var abandonedKey = (await _files.FileAsync(abandoned.Id)).StorageKey;
        var orphan = (await _files.Store.SaveAsync(new MemoryStream("left by a crash"u8.ToArray()), 100, default))!;

        var now = await SweepAsync(DateTimeOffset.UtcNow);
        now.ShouldBe(new FilesCleanedUp(0, 0), "a fresh upload may still be sent, and fresh bytes may be an upload in progress");

        var nextDay = await SweepAsync(DateTimeOffset.UtcNow + CleanUpFiles.AbandonedAfter + TimeSpan.FromMinutes(1));

        nextDay.ShouldBe(new FilesCleanedUp(AbandonedUploads: 1, OrphanedObjects: 1));
        (await _files.Records.FindAsync(abandoned.Id, default)).ShouldBeNull();
        (await _files.Store.OpenAsync(abandonedKey, default)).ShouldBeNull();
        (await _files.Store.OpenAsync(orphan.Key, default)).ShouldBeNull();
        await using var kept = (await _files.As<GetFileHandler>("dan").HandleAsync(new GetFile(shared))).Value.Content;
        kept.ShouldNotBeNull();
    }

    [Fact]
    public async Task Bytes_a_failed_delete_left_behind_are_removed_by_the_sweep()
    {
        var (message, photo, _) = await ShareAsync("bob", "chart.png", Png(50, 50), "plan.pdf", Pdf);
        var keys = (await _files.FileAsync(photo)).StorageKeys;

        // As if the message's delete marked its files but crashed before removing their bytes.
        await _files.Records.DeleteSharedWithAsync(message, DateTimeOffset.UtcNow, default);
        var swept = await SweepAsync(DateTimeOffset.UtcNow + CleanUpFiles.OrphanGrace + TimeSpan.FromMinutes(1));

        swept.OrphanedObjects.ShouldBe(3);
        foreach (var key in keys)
        {
            (await _files.Store.OpenAsync(key, default)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_channels_files_are_listed_newest_first_filtered_by_kind_for_its_readers_only()
    {
        await ShareAsync("bob", "first.pdf", Pdf, "photo.png", Png(20, 20));
        await ShareAsync("dan", "second.pdf", Pdf, "log.txt", "boot ok"u8.ToArray());
        await _files.UploadAsync("dan", "general", "unsent.pdf", Pdf);
        var general = _files.Channels["general"];
        var list = _files.As<ListChannelFilesHandler>("erin");

        var all = (await list.HandleAsync(new ListChannelFiles(general))).Value;
        var pdfs = (await list.HandleAsync(new ListChannelFiles(general, FileKind.Pdf))).Value;
        var images = (await list.HandleAsync(new ListChannelFiles(general, FileKind.Image))).Value;
        var olderPage = (await list.HandleAsync(new ListChannelFiles(general, Before: all[1].SharedAt))).Value;

        all.Select(f => f.Name).ShouldBe(["log.txt", "second.pdf", "photo.png", "first.pdf"]);
        all[1].UploaderName.ShouldBe("Dan Developer");
        pdfs.Select(f => f.Name).ShouldBe(["second.pdf", "first.pdf"]);
        images.ShouldHaveSingleItem().HasThumbnail.ShouldBeTrue();
        olderPage.Select(f => f.Name).ShouldBe(["photo.png", "first.pdf"]);
        (await _files.As<ListChannelFilesHandler>("bob").HandleAsync(new ListChannelFiles(_files.Channels["engineering"])))
            .Error!.Code.ShouldBe("channel.not_found");
    }

    /// <summary>Uploads two files, sends them in one message and lets their scans finish (not scanned here: clamd is off).</summary>
    private async Task<(Guid Message, Guid First, Guid Second)> ShareAsync(
        string user, string firstName, byte[] first, string secondName, byte[] second)
    {
        var firstFile = await _files.UploadAsync(user, "general", firstName, first);
        var secondFile = await _files.UploadAsync(user, "general", secondName, second);
        var sent = await _files.As<SendMessageHandler>(user).HandleAsync(
            new SendMessage(_files.Channels["general"], Guid.NewGuid(), "files", FileIds: [firstFile.Id, secondFile.Id]));
        await _files.ScanQueuedAsync();
        _files.Jobs.Queued.Clear();
        return (sent.Value.Id, firstFile.Id, secondFile.Id);
    }

    private Task<FilesCleanedUp> SweepAsync(DateTimeOffset at) =>
        new CleanUpFiles(_files.Records, _files.Store, new FakeTimeProvider(at)).RunAsync(default);

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }
}
