using System.IO.Compression;
using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Application.Files;
using Chat.Application.Files.RequeuePendingScans;
using Chat.Application.Files.ScanFile;
using Chat.Application.Files.UploadFile;
using Chat.Application.Events;
using Chat.Application.Messages.SendMessage;
using Chat.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Chat.Infrastructure.Tests.Files;

/// <summary>Uploads through the real use case into the disk store, scanned by the real job code against a real clamd.</summary>
public sealed class FileScanningTests : IAsyncLifetime
{
    private Clamd _clamd = default!;
    private FilesWorkspace _files = default!;

    public async Task InitializeAsync()
    {
        // A clamd that takes less than the workspace's file limit (10 against 12 MB), as a misconfigured production one.
        _clamd = await Clamd.StartPrivateAsync(maxMegabytes: 10);
        _files = await FilesWorkspace.StartAsync(new Dictionary<string, string?>
        {
            ["ClamAv:Enabled"] = "true",
            ["ClamAv:Port"] = _clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClamAv:TimeoutSeconds"] = "5",
            ["Files:MaxMegabytes"] = "12",
        });
    }

    public async Task DisposeAsync()
    {
        await _files.DisposeAsync();
        await _clamd.DisposeAsync();
    }

    [Fact]
    public async Task A_clean_upload_waits_pending_then_becomes_downloadable_after_its_scan()
    {
        var uploaded = await UploadAsync("bob", "general", "minutes.txt", "Decisions: ship on Friday."u8.ToArray());

        uploaded.ScanStatus.ShouldBe(ScanStatus.Pending);
        QueuedScans.ShouldBe([uploaded.Id]);
        (await FileAsync(uploaded.Id)).IsDownloadable.ShouldBeFalse();

        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        file.ScanStatus.ShouldBe(ScanStatus.Clean);
        file.IsDownloadable.ShouldBeTrue();
        file.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Decisions: ship on Friday."u8)));
    }

    [Fact]
    public async Task An_infected_upload_is_marked_and_its_bytes_are_deleted()
    {
        var uploaded = await UploadAsync("bob", "general", "totally-safe.txt", Clamd.Eicar);
        var key = (await FileAsync(uploaded.Id)).StorageKey;

        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        file.ScanStatus.ShouldBe(ScanStatus.Infected);
        file.ScanDetail.ShouldBe("Chat.Test.Eicar.UNOFFICIAL");
        (await Store.OpenAsync(key, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Malware_is_audited_and_its_uploader_is_told_wherever_they_are()
    {
        var (told, listening) = FilesWorkspace.FirstEvent<FileRemovedAsMalware>(
            handler => _files.Workspace.Services.GetRequiredService<IChatEvents>().SubscribeUser(_files.Users["bob"], handler));
        using var uploadersStream = listening;
        var uploaded = await UploadAsync("bob", "general", "invoice.txt", Clamd.Eicar);

        await ScanQueuedAsync();

        (await told.WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe(new FileRemovedAsMalware(_files.Channels["general"], uploaded.Id, "invoice.txt"));
        var audited = (await _files.Workspace.Services.GetRequiredService<IAuditLog>().ListAsync("file.infected", 10, default)).ShouldHaveSingleItem();
        audited.TargetId.ShouldBe(uploaded.Id.ToString());
        audited.ActorId.ShouldBeNull();
        audited.Detail!.ShouldContain("invoice.txt");
        audited.Detail!.ShouldContain("Chat.Test.Eicar.UNOFFICIAL");
    }

    [Fact]
    public async Task Malware_inside_a_zip_is_found()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("payload.txt").OpenAsync();
            await entry.WriteAsync(Clamd.Eicar);
        }

        var uploaded = await UploadAsync("bob", "general", "photos.zip", zip.ToArray());
        await ScanQueuedAsync();

        (await FileAsync(uploaded.Id)).ScanStatus.ShouldBe(ScanStatus.Infected);
    }

    [Fact]
    public async Task A_file_over_the_scanners_limit_fails_its_scan_and_is_never_clean()
    {
        var large = Enumerable.Repeat((byte)'a', 11 * 1024 * 1024).ToArray();
        var uploaded = await UploadAsync("bob", "general", "big.log", large);

        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        file.ScanStatus.ShouldBe(ScanStatus.ScanFailed);
        file.IsDownloadable.ShouldBeFalse();
    }

    [Fact]
    public async Task With_clamd_down_a_file_stays_pending_and_becomes_clean_when_a_retry_finds_it_back()
    {
        var uploaded = await UploadAsync("bob", "general", "plan.md", "# Plan"u8.ToArray());
        await _clamd.StopAsync();

        await Should.ThrowAsync<ScannerUnavailableException>(ScanQueuedAsync);
        (await FileAsync(uploaded.Id)).ScanStatus.ShouldBe(ScanStatus.Pending);

        // The sweep finds it by the database, whatever became of the queued job.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + RequeuePendingScans.Grace + TimeSpan.FromMinutes(1));
        QueuedScans.Clear();
        var requeued = await new RequeuePendingScans(_files.Records, _files.Jobs, later).RunAsync(default);
        requeued.ShouldBe(1);

        await _clamd.StartAsync();
        await ScanQueuedAsync();
        (await FileAsync(uploaded.Id)).ScanStatus.ShouldBe(ScanStatus.Clean);
    }

    [Fact]
    public async Task A_clean_photo_loses_its_location_and_camera_data_and_gets_a_thumbnail()
    {
        var photo = new MemoryStream();
        using (var image = new Image<Rgba32>(1200, 800))
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(31, 1), new Rational(0, 1)]);
            image.Metadata.ExifProfile.SetValue(ExifTag.Model, "Pocket Camera 3000");
            await image.SaveAsJpegAsync(photo);
        }

        var uploaded = await UploadAsync("bob", "general", "beach.jpg", photo.ToArray());
        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        file.ScanStatus.ShouldBe(ScanStatus.Clean);
        (file.Width, file.Height, file.ThumbnailWidth, file.ThumbnailHeight).ShouldBe((1200, 800, 360, 240));
        await using (var stored = (await Store.OpenAsync(file.StorageKey, default))!)
        {
            using var readBack = await Image.LoadAsync(stored);
            (readBack.Metadata.ExifProfile?.Values ?? []).ShouldBeEmpty();
        }

        await using var thumbnail = (await Store.OpenAsync(file.ThumbnailKey!, default))!;
        (await Image.IdentifyAsync(thumbnail)).Width.ShouldBe(360);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("gif")]
    [InlineData("webp")]
    public async Task Every_kind_of_metadata_is_removed_from_each_image_format_and_its_thumbnail(string extension)
    {
        var marked = new MemoryStream();
        using (var image = new Image<Rgba32>(800, 600, new Rgba32(20, 120, 200)))
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Model, "secret-camera");
            image.Metadata.XmpProfile = new SixLabors.ImageSharp.Metadata.Profiles.Xmp.XmpProfile(System.Text.Encoding.UTF8.GetBytes(
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description>secret-xmp</rdf:Description></rdf:RDF></x:xmpmeta>"));
            image.Metadata.GetPngMetadata().TextData.Add(new SixLabors.ImageSharp.Formats.Png.PngTextData("Author", "secret-author", string.Empty, string.Empty));
            image.Metadata.GetGifMetadata().Comments.Add("secret-comment");
            await image.SaveAsync(marked, extension switch
            {
                "png" => new SixLabors.ImageSharp.Formats.Png.PngEncoder(),
                "jpg" => new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder(),
                "gif" => new SixLabors.ImageSharp.Formats.Gif.GifEncoder(),
                _ => (SixLabors.ImageSharp.Formats.IImageEncoder)new SixLabors.ImageSharp.Formats.Webp.WebpEncoder(),
            });
        }

        var original = System.Text.Encoding.Latin1.GetString(marked.ToArray());
        original.ShouldContain("secret-", customMessage: "the upload carries metadata to remove");
        var uploaded = await UploadAsync("bob", "general", $"marked.{extension}", marked.ToArray());
        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        file.ScanStatus.ShouldBe(ScanStatus.Clean);
        foreach (var key in new[] { file.StorageKey, file.ThumbnailKey! })
        {
            await using var stored = (await Store.OpenAsync(key, default))!;
            using var bytes = new MemoryStream();
            await stored.CopyToAsync(bytes);
            System.Text.Encoding.Latin1.GetString(bytes.ToArray()).ShouldNotContain("secret-");
        }
    }

    [Fact]
    public async Task A_small_image_keeps_its_size_as_its_own_thumbnail()
    {
        var png = new MemoryStream();
        using (var image = new Image<Rgba32>(100, 50))
        {
            await image.SaveAsPngAsync(png);
        }

        var uploaded = await UploadAsync("bob", "general", "icon.png", png.ToArray());
        await ScanQueuedAsync();

        var file = await FileAsync(uploaded.Id);
        (file.ThumbnailWidth, file.ThumbnailHeight).ShouldBe((100, 50));
    }

    [Fact]
    public async Task A_decompression_bomb_and_a_damaged_image_are_refused_without_breaking_the_job()
    {
        var bomb = await UploadAsync("bob", "general", "huge.png", PngHeaderClaiming(50_000, 50_000));
        var damaged = await UploadAsync("bob", "general", "broken.png", [.. PngHeaderClaiming(10, 10)[..16], .. new byte[64]]);

        await ScanQueuedAsync();

        var refusedBomb = await FileAsync(bomb.Id);
        refusedBomb.ScanStatus.ShouldBe(ScanStatus.ScanFailed);
        refusedBomb.ScanDetail!.ShouldContain("more than can be shown safely");
        var refusedDamaged = await FileAsync(damaged.Id);
        refusedDamaged.ScanStatus.ShouldBe(ScanStatus.ScanFailed);
        refusedDamaged.ScanDetail!.ShouldContain("damaged");
    }

    /// <summary>A PNG whose header claims the given size, with no pixel data: what a decompression bomb starts with.</summary>
    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = new byte[8 + data.Length + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public async Task Uploads_are_shared_with_a_message_once_and_only_by_their_uploader()
    {
        var report = await UploadAsync("bob", "general", "report.pdf", "%PDF-1.7\n"u8.ToArray());
        var send = As<SendMessageHandler>("bob");
        var clientMessageId = Guid.NewGuid();

        var sent = (await send.HandleAsync(new SendMessage(_files.Channels["general"], clientMessageId, " ", FileIds: [report.Id]))).Value;
        var retried = await send.HandleAsync(new SendMessage(_files.Channels["general"], clientMessageId, " ", FileIds: [report.Id]));
        var again = await send.HandleAsync(new SendMessage(_files.Channels["general"], Guid.NewGuid(), "once more", FileIds: [report.Id]));
        var stolen = await As<SendMessageHandler>("dan").HandleAsync(new SendMessage(_files.Channels["general"], Guid.NewGuid(), "mine", FileIds: [report.Id]));

        sent.Body.ShouldBe(string.Empty, "a caption is optional when files are shared");
        sent.Files.ShouldHaveSingleItem().Name.ShouldBe("report.pdf");
        sent.Files[0].ScanStatus.ShouldBe(ScanStatus.Pending);
        retried.Value.Id.ShouldBe(sent.Id);
        again.Error!.Code.ShouldBe("message.file_not_shareable");
        stolen.Error!.Code.ShouldBe("message.file_not_shareable");
        (await FileAsync(report.Id)).MessageId.ShouldBe(sent.Id);
        await using var db = _files.Workspace.NewContext();
        (await db.Messages.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Viewers_of_the_channel_are_told_when_a_shared_files_scan_finishes()
    {
        var (heard, listening) = FilesWorkspace.FirstEvent<FileScanned>(
            handler => _files.Workspace.Services.GetRequiredService<IChatEvents>().Subscribe(_files.Channels["general"], handler));
        using var watching = listening;
        var upload = await UploadAsync("bob", "general", "virus.txt", Clamd.Eicar);
        var sent = (await As<SendMessageHandler>("bob").HandleAsync(
            new SendMessage(_files.Channels["general"], Guid.NewGuid(), "have a look", FileIds: [upload.Id]))).Value;

        await ScanQueuedAsync();

        var scanned = await heard.WaitAsync(TimeSpan.FromSeconds(5));
        scanned.MessageId.ShouldBe(sent.Id);
        scanned.File.ScanStatus.ShouldBe(ScanStatus.Infected);
    }

    [Fact]
    public async Task Refused_uploads_leave_no_row_and_no_bytes_behind()
    {
        var disguised = await TryUploadAsync("bob", "general", "cat.png", [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]);
        var tooLarge = await TryUploadAsync("bob", "general", "huge.txt", Enumerable.Repeat((byte)'x', 13 * 1024 * 1024).ToArray());
        var outsider = await TryUploadAsync("bob", "engineering", "secret.txt", "let me in"u8.ToArray());

        disguised.Error!.Code.ShouldBe("file.type_mismatch");
        tooLarge.Error!.Code.ShouldBe("file.too_large");
        outsider.Error!.Code.ShouldBe("channel.not_found");
        await using var db = _files.Workspace.NewContext();
        (await db.Files.CountAsync()).ShouldBe(0);
        var filesFolder = Path.Combine(_files.Workspace.Root, "data", "files");
        (Directory.Exists(filesFolder) ? Directory.GetFiles(filesFolder, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        QueuedScans.ShouldBeEmpty();
    }

    private IFileStore Store => _files.Store;

    private List<Guid> QueuedScans => _files.Jobs.Queued;

    private THandler As<THandler>(string user)
        where THandler : notnull =>
        _files.As<THandler>(user);

    private Task<FileDto> UploadAsync(string user, string channel, string name, byte[] content) =>
        _files.UploadAsync(user, channel, name, content);

    private Task<Chat.Domain.Common.Result<FileDto>> TryUploadAsync(string user, string channel, string name, byte[] content) =>
        _files.TryUploadAsync(user, channel, name, content);

    private Task ScanQueuedAsync() => _files.ScanQueuedAsync();

    private Task<StoredFile> FileAsync(Guid id) => _files.FileAsync(id);
}
