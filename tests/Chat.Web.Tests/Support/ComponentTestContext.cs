using Chat.Application.Messages.SuggestMentions;
using Chat.Application.Presence;
using Chat.Application.Presence.WatchPresence;
using Chat.Application.Profile.SetDoNotDisturb;
using Chat.Application.Threads;
using Chat.Application.Threads.FollowThread;
using Chat.Application.Threads.GetThread;
using Chat.Application.Threads.ListFollowedThreads;
using Chat.Application.Threads.MarkThreadRead;
using Bunit;
using Chat.Application.Channels;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.JoinChannel;
using Chat.Application.Channels.LeaveChannel;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Channels.OpenChannel;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Application.Messages.DeleteMessage;
using Chat.Application.Messages.EditMessage;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.ListPinned;
using Chat.Application.Messages.PinMessage;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Messages.StartTyping;
using Chat.Application.Messages.ToggleReaction;
using Chat.Application.People;
using Chat.Application.Messages.WatchChannel;
using Chat.Web.Components.Channels;
using Chat.Web.Components.Layout;
using Chat.Application.Profile;
using Chat.Application.Profile.GetProfile;
using Chat.Application.Profile.SetThemePreference;
using Chat.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Chat.Web.Tests.Support;

/// <summary>
/// The one shared bUnit setup: MudBlazor services, loose JS interop, a signed-in user and the real
/// profile use cases over an in-memory store.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IUserProfileStore>(Profiles);
        Services.AddSingleton<ICurrentActor>(new FixedActor(new Actor(UserId, new HashSet<string> { WorkspaceRoles.Member })));
        Services.AddScoped<GetProfileHandler>();
        Services.AddScoped<SetThemePreferenceHandler>();
        Services.AddSingleton<IChannelStore>(Channels);
        Services.AddScoped<ListMyChannelsHandler>();
        Services.AddSingleton<IMessageStore>(Messages);
        Services.AddSingleton<IChatEvents>(Events);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IRateLimits>(new UnlimitedRateLimits());
        Services.AddScoped<OpenChannelHandler>();
        Services.AddScoped<GetHistoryHandler>();
        Services.AddScoped<WatchChannelHandler>();
        Services.AddScoped<SendMessageHandler>();
        Services.AddScoped<EditMessageHandler>();
        Services.AddScoped<DeleteMessageHandler>();
        Services.AddScoped<ToggleReactionHandler>();
        Services.AddScoped<StartTypingHandler>();
        Services.AddScoped<PinMessageHandler>();
        Services.AddScoped<ListPinnedHandler>();
        Services.AddSingleton<IUserDirectory>(new NamedPeople());
        Services.AddTransient<ChannelFeed>();
        Services.AddScoped<MarkReadHandler>();
        Services.AddScoped<JoinChannelHandler>();
        Services.AddScoped<LeaveChannelHandler>();
        Services.AddScoped<Sidebar>();
        Services.AddScoped<FollowedThreads>();
        Services.AddSingleton<IPresence>(Presence);
        Services.AddSingleton<IThreadStore>(Threads);
        Services.AddScoped<WatchPresenceHandler>();
        Services.AddScoped<SetDoNotDisturbHandler>();
        Services.AddScoped<GetThreadHandler>();
        Services.AddScoped<FollowThreadHandler>();
        Services.AddScoped<MarkThreadReadHandler>();
        Services.AddScoped<ListFollowedThreadsHandler>();
        Services.AddScoped<Chat.Application.Threads.CountUnreadReplies.CountUnreadRepliesHandler>();
        Services.AddScoped<SuggestMentionsHandler>();
        Services.AddScoped<PresenceCircuit>();
        Services.AddSingleton<Chat.Application.Files.IFileRecords>(Files);
        Services.AddSingleton<Chat.Application.Files.IFileStore>(FileStore);
        Services.AddTransient<Chat.Application.Files.DeleteMessageFiles.DeleteMessageFiles>();
        Services.AddScoped<Chat.Application.Files.ListChannelFiles.ListChannelFilesHandler>();
        Services.AddSingleton<Chat.Application.Search.ISearchIndex>(SearchIndex);
        Services.AddScoped<Chat.Application.Search.SearchMessages.SearchMessagesHandler>();
        Services.AddScoped<Chat.Application.Search.SuggestSearchValues.SuggestSearchValuesHandler>();
        Services.AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider>(new FixedAntiforgery());
        Services.AddScoped<Chat.Application.Channels.ArchiveChannel.ArchiveChannelHandler>();
        Services.AddScoped<Chat.Application.Channels.WatchMyEvents.WatchMyEventsHandler>();
        Services.AddScoped<ViewerClock>();
        Services.AddScoped<PageMode>();
        Services.AddScoped<MalwareNotices>();
        Profiles.Profiles[UserId] = new UserProfile(UserId, "ann.lee@example.com", "Ann Lee", ThemePreference.Light);
        AddAuthorization().SetAuthorized("Ann Lee");
    }

    protected const string UserId = "ann";

    protected InMemoryProfileStore Profiles { get; } = new();

    protected InMemoryChannelStore Channels { get; } = new();

    protected InMemoryMessageStore Messages { get; } = new();

    protected RecordingChatEvents Events { get; } = new();

    protected SettablePresence Presence { get; } = new();

    protected InMemoryFileRecords Files { get; } = new();

    protected InMemoryFileStore FileStore { get; } = new();

    protected FixedSearchIndex SearchIndex { get; } = new();

    protected InMemoryThreadStore Threads { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that are only IAsyncDisposable; xunit v2 needs the async path.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Everyone is known, and named after their id.</summary>
    private sealed class NamedPeople : IUserDirectory
    {
        public Task<IReadOnlyList<Person>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Person>>([]);

        public Task<IReadOnlyList<Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Person>>([.. userIds.Select(id => new Person(id, id, $"{id}@example.com", id))]);

        public Task<IReadOnlyList<Person>> FindByHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
            FindAsync(handles, cancellationToken);
    }

    private sealed class FixedAntiforgery : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
    {
        public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken GetAntiforgeryToken() =>
            new("test-token", "__RequestVerificationToken");
    }

    private sealed class UnlimitedRateLimits : IRateLimits
    {
        public bool TryAcquireSend(string userId) => true;
    }
}

public sealed class InMemoryProfileStore : IUserProfileStore
{
    public Dictionary<string, UserProfile> Profiles { get; } = [];

    public Task<UserProfile?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.GetValueOrDefault(userId));

    public Task<bool> SetDisplayNameAsync(string userId, DisplayName displayName, CancellationToken cancellationToken)
    {
        Profiles[userId] = Profiles[userId] with { DisplayName = displayName.Value };
        return Task.FromResult(true);
    }

    public Task<bool> SetThemeAsync(string userId, ThemePreference theme, CancellationToken cancellationToken)
    {
        if (!Profiles.TryGetValue(userId, out var profile))
        {
            return Task.FromResult(false);
        }

        Profiles[userId] = profile with { Theme = theme };
        return Task.FromResult(true);
    }
}
