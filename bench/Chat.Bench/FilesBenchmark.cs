using System.Diagnostics;
using System.Text.Json;
using Chat.Application.Common;
using Chat.Application.Files;
using Chat.Application.Files.UploadFile;
using Chat.Domain.Files;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using static Chat.Bench.BenchArgs;

namespace Chat.Bench;

/// <summary>
/// Uploads 1 MB files one at a time through the real UploadFile use case, with the real Hangfire server (in-memory
/// storage) running the real scan job against a real clamd, and times each from the upload's start until its record
/// says Clean. Then times clamd alone over the same files for its throughput.
/// </summary>
internal static class FilesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clamd = Option(args, "--clamd", string.Empty).Split(':');
        var uploads = Option(args, "--uploads", 100);
        var megabytes = Option(args, "--megabytes", 1);
        if (clamd is not [var host, var port])
        {
            Console.Error.WriteLine("--clamd host:port is required (bench/run.sh starts one)");
            return 2;
        }

        await using var workspace = await BenchWorkspace.CreateAsync(new Dictionary<string, string?>
        {
            ["ClamAv:Enabled"] = "true",
            ["ClamAv:Host"] = host,
            ["ClamAv:Port"] = port,
            ["Files:MaxMegabytes"] = "8",
        });
        var hosted = workspace.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var (userId, channelId) = await DemoIdsAsync(workspace);
            var content = PdfOf(megabytes);
            for (var warmUp = 0; warmUp < 10; warmUp++)
            {
                await UploadUntilCleanAsync(workspace, userId, channelId, content);
            }

            var latencies = new double[uploads];
            for (var i = 0; i < uploads; i++)
            {
                latencies[i] = await UploadUntilCleanAsync(workspace, userId, channelId, content);
            }

            Array.Sort(latencies);
            var scanner = workspace.Services.GetRequiredService<IVirusScanner>();
            var scanWatch = Stopwatch.StartNew();
            for (var i = 0; i < uploads; i++)
            {
                var verdict = await scanner.ScanAsync(new MemoryStream(content), CancellationToken.None);
                if (verdict.Outcome != ScanOutcome.Clean)
                {
                    throw new InvalidOperationException($"clamd answered {verdict.Outcome}: {verdict.Detail}");
                }
            }

            scanWatch.Stop();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "files",
                uploads,
                file_mb = megabytes,
                upload_to_clean_p50_ms = Math.Round(Percentile(latencies, 0.50), 1),
                upload_to_clean_p99_ms = Math.Round(Percentile(latencies, 0.99), 1),
                upload_to_clean_max_ms = Math.Round(latencies[^1], 1),
                scan_mb_per_s = Math.Round(uploads * content.Length / (1024.0 * 1024) / scanWatch.Elapsed.TotalSeconds, 1),
            }));
            return 0;
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Milliseconds from the upload's start until the file's record says Clean.</summary>
    private static async Task<double> UploadUntilCleanAsync(BenchWorkspace workspace, string userId, Guid channelId, byte[] content)
    {
        var watch = Stopwatch.StartNew();
        using var scope = workspace.Services.CreateScope();
        var upload = ActivatorUtilities.CreateInstance<UploadFileHandler>(scope.ServiceProvider, (ICurrentActor)new FixedActor(userId));
        var uploaded = await upload.HandleAsync(new UploadFile(channelId, "report.pdf", new MemoryStream(content)));
        var fileId = uploaded.Succeeded ? uploaded.Value.Id : throw new InvalidOperationException(uploaded.Error!.Message);
        var records = workspace.Services.GetRequiredService<IFileRecords>();
        while (true)
        {
            var file = await records.FindAsync(fileId, CancellationToken.None);
            if (file!.ScanStatus == ScanStatus.Clean)
            {
                return watch.Elapsed.TotalMilliseconds;
            }

            if (file.ScanStatus != ScanStatus.Pending || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"The file ended {file.ScanStatus} after {watch.Elapsed}: {file.ScanDetail}");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>A PDF header followed by random bytes: something clamd has to read through.</summary>
    private static byte[] PdfOf(int megabytes)
    {
        var content = new byte[megabytes * 1024 * 1024];
        new Random(42).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    private static async Task<(string UserId, Guid ChannelId)> DemoIdsAsync(BenchWorkspace workspace)
    {
        await using var db = workspace.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();
        var alice = await db.Users.Where(u => u.Email == "alice@demo.chat").Select(u => u.Id).SingleAsync();
        var general = await db.Channels.Where(c => c.Name == "general").Select(c => c.Id).SingleAsync();
        return (alice, general);
    }
}
