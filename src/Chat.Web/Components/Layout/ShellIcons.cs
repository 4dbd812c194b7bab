using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chat.Web.Components.Layout;

/// <summary>
/// The app chrome's and channel header's icons as shared SVG markup with MudBlazor's classes: they look like MudIcon, but no circuit pays
/// for a component (or its own copy of the markup) per icon.
/// </summary>
internal static class ShellIcons
{
    private const string NavLinkIcon = "mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    public static readonly MarkupString Menu = Svg(Icons.Material.Filled.Menu);
    public static readonly MarkupString Home = Svg(Icons.Material.Filled.Home, NavLinkIcon);
    public static readonly MarkupString Threads = Svg(Icons.Material.Filled.Forum, NavLinkIcon);
    public static readonly MarkupString Browse = Svg(Icons.Material.Filled.TravelExplore, NavLinkIcon);
    public static readonly MarkupString Profile = Svg(Icons.Material.Filled.Person, NavLinkIcon);
    public static readonly MarkupString Administration = Svg(Icons.Material.Filled.AdminPanelSettings, NavLinkIcon);
    public static readonly MarkupString SearchIndex = Svg(Icons.Material.Filled.ManageSearch, NavLinkIcon);
    public static readonly MarkupString Bots = Svg(Icons.Material.Filled.SmartToy, NavLinkIcon);
    public static readonly MarkupString Api = Svg(Icons.Material.Filled.Api, NavLinkIcon);
    public static readonly MarkupString Jobs = Svg(Icons.Material.Filled.Schedule, NavLinkIcon);
    public static readonly MarkupString Add = Svg(Icons.Material.Filled.Add, "mud-icon-size-small");
    public static readonly MarkupString Private = Svg(Icons.Material.Filled.Lock, "mud-icon-size-small sidebar-channel-icon", "private");
    public static readonly MarkupString Group = Svg(Icons.Material.Filled.Group, "mud-icon-size-small sidebar-channel-icon", "group");
    public static readonly MarkupString LightMode = Svg(Icons.Material.Filled.LightMode);
    public static readonly MarkupString DarkMode = Svg(Icons.Material.Filled.DarkMode);
    public static readonly MarkupString DoNotDisturb = Svg(Icons.Material.Filled.DoNotDisturbOn, "mud-icon-size-small");
    public static readonly MarkupString Security = Svg(Icons.Material.Filled.Security, "mud-icon-size-small");
    public static readonly MarkupString Logout = Svg(Icons.Material.Filled.Logout, "mud-icon-size-small");
    public static readonly MarkupString ProfileSmall = Svg(Icons.Material.Filled.Person, "mud-icon-size-small");

    public static readonly MarkupString ChannelPublic = Svg(Icons.Material.Filled.Tag, "mud-icon-size-small");
    public static readonly MarkupString ChannelPrivate = Svg(Icons.Material.Filled.Lock, "mud-icon-size-small");
    public static readonly MarkupString ChannelDirect = Svg(Icons.Material.Filled.Person, "mud-icon-size-small");
    public static readonly MarkupString ChannelGroup = Svg(Icons.Material.Filled.Group, "mud-icon-size-small");
    public static readonly MarkupString Pin = Svg(Icons.Material.Filled.PushPin, "mud-icon-size-small");
    public static readonly MarkupString Attach = Svg(Icons.Material.Filled.AttachFile, "mud-icon-size-small");
    public static readonly MarkupString More = Svg(Icons.Material.Filled.MoreVert, "mud-icon-size-small");

    /// <summary>The icon of a shared file that is not shown as a picture, by its type.</summary>
    public static MarkupString FileOf(string contentType) => contentType switch
    {
        "application/pdf" => FilePdf,
        "application/zip" => FileArchive,
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) => FileText,
        _ when contentType.Contains("spreadsheet", StringComparison.Ordinal) => FileSheet,
        _ when contentType.Contains("presentation", StringComparison.Ordinal) => FileSlides,
        _ => FileOther,
    };

    private static readonly MarkupString FilePdf = Svg(Icons.Material.Filled.PictureAsPdf, "mud-icon-size-medium attachment-icon attachment-icon-pdf");
    private static readonly MarkupString FileArchive = Svg(Icons.Material.Filled.FolderZip, "mud-icon-size-medium attachment-icon");
    private static readonly MarkupString FileText = Svg(Icons.Material.Filled.Description, "mud-icon-size-medium attachment-icon");
    private static readonly MarkupString FileSheet = Svg(Icons.Material.Filled.TableChart, "mud-icon-size-medium attachment-icon");
    private static readonly MarkupString FileSlides = Svg(Icons.Material.Filled.Slideshow, "mud-icon-size-medium attachment-icon");
    private static readonly MarkupString FileOther = Svg(Icons.Material.Filled.InsertDriveFile, "mud-icon-size-medium attachment-icon");

    private static MarkupString Svg(string paths, string classes = "mud-icon-size-medium", string? label = null) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" " +
        (label is null ? "aria-hidden=\"true\"" : $"role=\"img\" aria-label=\"{label}\"") + $">{paths}</svg>");
}
