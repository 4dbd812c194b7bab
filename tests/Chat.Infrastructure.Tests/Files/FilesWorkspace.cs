using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Files;
using Chat.Application.Files.ScanFile;
using Chat.Application.Files.UploadFile;
using Chat.Domain.Common;
using Chat.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Files;

/// <summary>
/// The demo workspace over the real stores, with scans queued in a list instead of Hangfire so a test runs them
/// exactly when it wants; uploads go through the real use case into the disk store.
/// </summary>
internal sealed class FilesWorkspace : IAsyncDisposable
{
    private FilesWorkspace(TestWorkspace workspace, RecordingFileJobs jobs, Dictionary<string, string> users, Dictionary<string, Guid> channels)
    {
        (Workspace, Jobs, Users, Channels) = (workspace, jobs, users, channels);
    }

    public TestWorkspace Workspace { get; }

    public RecordingFileJobs Jobs { get; }

    /// <summary>Demo user ids by the local part of their e-mail.</summary>
    public IReadOnlyDictionary<string, string> Users { get; }

    public IReadOnlyDictionary<string, Guid> Channels { get; }

    public IFileStore Store => Workspace.Services.GetRequiredService<IFileStore>();

    public IFileRecords Records => Workspace.Services.GetRequiredService<IFileRecords>();

    public static async Task<FilesWorkspace> StartAsync(IDictionary<string, string?> settings)
    {
        var jobs = new RecordingFileJobs();
        var workspace = await TestWorkspace.InitializedAsync(
            new Dictionary<string, string?>(settings) { ["Bootstrap:SeedDemoWorkspace"] = "true" },
            replace: services => services.AddSingleton<IFileJobs>(jobs));
        await using var db = workspace.NewContext();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id);
        var channels = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.Id);
        return new FilesWorkspace(workspace, jobs, users, channels);
    }

    public THandler As<THandler>(string user)
        where THandler : notnull =>
        Workspace.Handler<THandler>(Users[user]);

    public async Task<FileDto> UploadAsync(string user, string channel, string name, byte[] content)
    {
        var uploaded = await TryUploadAsync(user, channel, name, content);
        return uploaded.Succeeded ? uploaded.Value : throw new InvalidOperationException(uploaded.Error!.Message);
    }

    public async Task<Result<FileDto>> TryUploadAsync(string user, string channel, string name, byte[] content)
    {
        using var scope = Workspace.Services.CreateScope();
        var upload = ActivatorUtilities.CreateInstance<UploadFileHandler>(scope.ServiceProvider, (ICurrentActor)new FixedActor(Users[user]));
        return await upload.HandleAsync(new UploadFile(Channels[channel], name, new MemoryStream(content)));
    }

    /// <summary>Runs every scan queued so far, as the job runner would.</summary>
    public async Task ScanQueuedAsync()
    {
        using var scope = Workspace.Services.CreateScope();
        var scan = scope.ServiceProvider.GetRequiredService<ScanFile>();
        foreach (var fileId in Jobs.Queued.ToList())
        {
            await scan.RunAsync(fileId, default);
        }
    }

    public async Task<StoredFile> FileAsync(Guid id) => (await Records.FindAsync(id, default))!;

    public ValueTask DisposeAsync() => Workspace.DisposeAsync();

    /// <summary>The first event of type <typeparamref name="T"/> on a stream, once it comes; dispose to stop listening.</summary>
    public static (Task<T> Heard, IDisposable Listening) FirstEvent<T>(Func<Func<ChatEvent, Task>, IDisposable> subscribe)
        where T : ChatEvent
    {
        var heard = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = subscribe(e =>
        {
            if (e is T wanted)
            {
                heard.TrySetResult(wanted);
            }

            return Task.CompletedTask;
        });
        return (heard.Task, listening);
    }

    internal sealed class RecordingFileJobs : IFileJobs
    {
        public List<Guid> Queued { get; } = [];

        public void EnqueueScan(Guid fileId) => Queued.Add(fileId);
    }
}
