using System.IO.Compression;
using Chat.Application.Files;
using Chat.Infrastructure.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Files;

/// <summary>The INSTREAM client against a real clamd with the test signature.</summary>
public sealed class ClamdClientTests : IAsyncLifetime
{
    private Clamd _clamd = default!;

    public async Task InitializeAsync() => _clamd = await Clamd.SharedAsync();

    public Task DisposeAsync() => _clamd.DisposeAsync().AsTask();

    [Fact]
    public async Task An_ordinary_file_is_clean()
    {
        var verdict = await Scanner(_clamd.Port).ScanAsync(new MemoryStream("quarterly numbers, nothing to see"u8.ToArray()), default);

        verdict.ShouldBe(ScanVerdict.Clean);
    }

    [Fact]
    public async Task The_eicar_test_file_is_infected_and_named()
    {
        var verdict = await Scanner(_clamd.Port).ScanAsync(new MemoryStream(Clamd.Eicar), default);

        verdict.Outcome.ShouldBe(ScanOutcome.Infected);
        verdict.Detail.ShouldBe("Chat.Test.Eicar.UNOFFICIAL");
    }

    [Fact]
    public async Task The_eicar_file_inside_a_zip_is_found_too()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("invoice/readme.txt").OpenAsync();
            await entry.WriteAsync(Clamd.Eicar);
        }

        zip.Position = 0;
        var verdict = await Scanner(_clamd.Port).ScanAsync(zip, default);

        verdict.Outcome.ShouldBe(ScanOutcome.Infected);
    }

    [Fact]
    public async Task A_file_split_over_many_small_chunks_is_scanned_whole()
    {
        // The signature straddles chunk boundaries: clamd must see one stream, not pieces.
        var content = new byte[3 * 1024 * 1024];
        Clamd.Eicar.CopyTo(content, 1024 * 1024 + 1000);

        var verdict = await Scanner(_clamd.Port, chunkBytes: 1024).ScanAsync(new MemoryStream(content), default);

        verdict.Outcome.ShouldBe(ScanOutcome.Infected);
    }

    [Fact]
    public async Task A_file_as_large_as_the_app_accepts_is_scanned_by_the_test_clamd()
    {
        // The test clamd takes what the product takes (scripts/clamd.sh): a file the app accepts is never unscannable.
        var largest = new MemoryStream(new byte[new Chat.Infrastructure.Files.FilesOptions().MaxMegabytes * 1024 * 1024]);

        var verdict = await Scanner(_clamd.Port).ScanAsync(largest, default);

        verdict.Outcome.ShouldBe(ScanOutcome.Clean);
    }

    [Fact]
    public async Task A_file_over_the_scanners_limit_is_refused_never_clean()
    {
        var tooLarge = new MemoryStream(new byte[(new Chat.Infrastructure.Files.FilesOptions().MaxMegabytes + 1) * 1024 * 1024]);

        var verdict = await Scanner(_clamd.Port).ScanAsync(tooLarge, default);

        verdict.Outcome.ShouldBe(ScanOutcome.Refused);
        verdict.Detail!.ShouldContain("larger than the virus scanner accepts");
    }

    [Fact]
    public async Task With_nothing_listening_the_scanner_is_unavailable_and_does_not_answer_ping()
    {
        var scanner = Scanner(Clamd.FreePort());

        (await scanner.ScanAsync(new MemoryStream("x"u8.ToArray()), default)).Outcome.ShouldBe(ScanOutcome.Unavailable);
        (await scanner.PingAsync(default)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stopped_clamd_is_unavailable_and_scans_again_once_it_is_back()
    {
        await using var privateClamd = await Clamd.StartPrivateAsync();
        var scanner = Scanner(privateClamd.Port);
        (await scanner.PingAsync(default)).ShouldBeTrue();

        await privateClamd.StopAsync();
        (await scanner.ScanAsync(new MemoryStream("report"u8.ToArray()), default)).Outcome.ShouldBe(ScanOutcome.Unavailable);

        await privateClamd.StartAsync();
        (await scanner.ScanAsync(new MemoryStream("report"u8.ToArray()), default)).ShouldBe(ScanVerdict.Clean);
    }

    [Fact]
    public async Task Readiness_reports_clamd_only_when_scanning_is_on()
    {
        var on = new ClamAvOptions { Enabled = true, Port = _clamd.Port };
        var down = new ClamAvOptions { Enabled = true, Port = Clamd.FreePort() };
        var off = new ClamAvOptions { Enabled = false, Port = Clamd.FreePort() };

        (await Check(on)).Status.ShouldBe(HealthStatus.Healthy);
        (await Check(down)).Status.ShouldBe(HealthStatus.Unhealthy);
        (await Check(off)).Status.ShouldBe(HealthStatus.Healthy);
    }

    private Task<HealthCheckResult> Check(ClamAvOptions options) =>
        new ClamdHealthCheck(Options.Create(options), new ClamdClient(Options.Create(options), NullLogger<ClamdClient>.Instance))
            .CheckHealthAsync(new HealthCheckContext());

    private ClamdClient Scanner(int port, int chunkBytes = 64 * 1024) => new(
        Options.Create(new ClamAvOptions { Enabled = true, Host = _clamd.Host, Port = port, TimeoutSeconds = 10, ChunkBytes = chunkBytes }),
        NullLogger<ClamdClient>.Instance);
}
