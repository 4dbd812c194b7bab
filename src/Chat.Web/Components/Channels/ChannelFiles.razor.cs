using Chat.Application.Files.ListChannelFiles;
using Chat.Domain.Files;
using Chat.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

public sealed partial class ChannelFiles
{
    private const int PageSize = 30;

    private static readonly (FileKind? Kind, string Label)[] Filters =
    [
        (null, "All"), (FileKind.Image, "Images"), (FileKind.Pdf, "PDFs"), (FileKind.Document, "Documents"),
        (FileKind.Archive, "Archives"), (FileKind.Text, "Text"),
    ];

    private readonly List<SharedFileDto> _files = [];
    private FileKind? _kind;
    private bool _loading;
    private bool _hasMore;
    private string? _error;
    private Guid _shownChannelId;

    /// <summary>The channel whose files are listed. Required.</summary>
    [Parameter, EditorRequired]
    public Guid ChannelId { get; set; }

    /// <summary>The channel's name, for the links to each file's message. Required.</summary>
    [Parameter, EditorRequired]
    public string ChannelName { get; set; } = string.Empty;

    /// <summary>Called when the panel is closed.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    [Inject]
    private ListChannelFilesHandler ListFiles { get; set; } = default!;

    [Inject]
    private ViewerClock Clock { get; set; } = default!;

    // The page re-renders for every message: load only when the panel opens or shows another channel.
    protected override async Task OnParametersSetAsync()
    {
        if (_shownChannelId != ChannelId)
        {
            _shownChannelId = ChannelId;
            await ShowAsync(null);
        }
    }

    private async Task ShowAsync(FileKind? kind)
    {
        _kind = kind;
        _files.Clear();
        await LoadAsync(before: null);
    }

    private Task LoadMoreAsync() => LoadAsync(_files[^1].SharedAt);

    private async Task LoadAsync(DateTimeOffset? before)
    {
        _loading = true;
        var listed = await ListFiles.HandleAsync(new ListChannelFiles(ChannelId, _kind, before, PageSize));
        _loading = false;
        _error = listed.Error?.Message;
        if (listed.Succeeded)
        {
            _files.AddRange(listed.Value);
            _hasMore = listed.Value.Count == PageSize;
        }
    }

    private static string IconOf(FileKind kind) => kind switch
    {
        FileKind.Image => MudBlazor.Icons.Material.Filled.Image,
        FileKind.Pdf => MudBlazor.Icons.Material.Filled.PictureAsPdf,
        FileKind.Document => MudBlazor.Icons.Material.Filled.Description,
        FileKind.Archive => MudBlazor.Icons.Material.Filled.FolderZip,
        _ => MudBlazor.Icons.Material.Filled.TextSnippet,
    };
}
